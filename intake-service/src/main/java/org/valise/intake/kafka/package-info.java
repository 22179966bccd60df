/**
 * Intake and its broker: whether Kafka answers ({@link org.valise.intake.kafka.BrokerGate}, pure, kept by
 * {@link org.valise.intake.kafka.BrokerWatch}), which failures are the broker's, and the settings its producers run
 * with.
 */
package org.valise.intake.kafka;
