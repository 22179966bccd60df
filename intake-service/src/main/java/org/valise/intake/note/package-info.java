/**
 * Accepting a note: what was understood of it (bounded), its id (random, or derived from the client, its
 * Idempotency-Key and the submission), the size its event may have, and its publication to notes.received.v1 through
 * the Spring Cloud Stream output binding noteReceived-out-0, answered only once Kafka acknowledges it.
 */
package org.valise.intake.note;
