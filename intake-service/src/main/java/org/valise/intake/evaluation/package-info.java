/**
 * Measuring the parser on any folder of notes with an {@code expected.jsonl}: the one scoring of a field, shared by
 * the {@code evaluate} command and the accuracy tests, and the command itself (no web server, no Kafka).
 */
package org.valise.intake.evaluation;
