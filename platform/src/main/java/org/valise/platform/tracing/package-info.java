/**
 * A note's trace through the services, the same way everywhere: Micrometer Tracing (W3C traceparent), carried
 * through Kafka Streams records, and the CloudEvents {@code ce_traceid} extension on every event.
 */
package org.valise.platform.tracing;
