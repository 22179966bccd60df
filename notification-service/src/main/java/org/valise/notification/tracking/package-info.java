/**
 * The tracking topology (Kafka Streams, exactly-once): each note's view and state machine, the delivery outbox, deadlines and escalation, acknowledgement decisions, and the API reading the views.
 */
package org.valise.notification.tracking;
