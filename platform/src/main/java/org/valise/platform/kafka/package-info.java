/**
 * Kafka the same way in every service: topics declared with their limits, dead letters (headers, Kafka Streams'
 * exception handlers), a Kafka Streams thread that dies replaced, and one health rule for Kafka Streams.
 */
package org.valise.platform.kafka;
