/**
 * What operators see and do: the overview behind the operator page and the backlog gauges, and retrying a failed delivery (operator bearer token).
 */
package org.valise.notification.operations;
