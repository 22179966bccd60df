/**
 * Any instance answers: a request about one note (its tracking view, an acknowledgement, a retry, a signed link)
 * reaching an instance whose Kafka Streams tasks do not hold the note is passed on to the one that does.
 */
package org.valise.notification.forwarding;
