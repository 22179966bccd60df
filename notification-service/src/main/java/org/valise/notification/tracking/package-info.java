/**
 * The tracking view of each note, a Kafka Streams aggregate of its events kept in a changelogged state store, and its API.
 */
package org.valise.notification.tracking;
