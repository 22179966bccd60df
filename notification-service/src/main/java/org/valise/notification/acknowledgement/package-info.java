/**
 * Acknowledgement of a delivered note by its destination office, authenticated by the office's bearer token.
 */
package org.valise.notification.acknowledgement;
