/**
 * Delivery attempts to offices' channels (e-mail over SMTP, signed webhooks), run off the Kafka Streams thread on bounded per-office executors.
 */
package org.valise.notification.delivery;
