/**
 * Every event as a CloudEvents 1.0 message in Kafka binary mode ({@code ce_*} headers), built with the CNCF SDK.
 */
package org.valise.platform.events;
