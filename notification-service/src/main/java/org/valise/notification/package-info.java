/**
 * notification-service: delivers routed notes to offices, keeps each note's tracking view in Kafka, takes acknowledgements.
 */
package org.valise.notification;
