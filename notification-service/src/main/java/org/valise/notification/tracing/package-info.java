/**
 * A note's trace (W3C Trace Context) read from the records it arrives on, kept in the logs' MDC while the note is worked on, and carried on every record written about it.
 */
package org.valise.notification.tracing;
