/**
 * This service's own copies of the events it reads and writes, the CloudEvents attributes, and the publisher of notes.delivery.v1.
 */
package org.valise.notification.event;
