/**
 * What intake's Idempotency-Keys remember, shared by every intake instance and kept across restarts: a compacted
 * topic of claims ({@code intake-service.idempotency-keys.v1}) that each instance folds into a local view
 * ({@link org.valise.intake.keys.KeyLedger}), the pure decisions on a keyed submission
 * ({@link org.valise.intake.keys.KeyDecisions}), and the Kafka adapter
 * ({@link org.valise.intake.keys.IdempotencyKeys}).
 */
package org.valise.intake.keys;
