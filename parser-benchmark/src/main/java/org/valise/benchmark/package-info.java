/**
 * The JMH benchmark of intake's note parser: throughput on one thread and per-note latency percentiles.
 */
package org.valise.benchmark;
