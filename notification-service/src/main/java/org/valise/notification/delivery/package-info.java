/**
 * Delivery of routed notes to their destination office's e-mail channels, recorded as NoteDelivered.
 */
package org.valise.notification.delivery;
