/**
 * Accepting a note: what was understood of it, its id (random, or derived from an Idempotency-Key), and its
 * publication to notes.received.v1 once Kafka acknowledges it.
 */
package org.valise.intake.note;
