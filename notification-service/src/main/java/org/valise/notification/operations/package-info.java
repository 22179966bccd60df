/**
 * What operators do through the API: retry a failed delivery, authenticated by an operator's bearer token.
 */
package org.valise.notification.operations;
