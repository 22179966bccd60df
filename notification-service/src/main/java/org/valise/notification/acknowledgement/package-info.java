/**
 * Acknowledgement of a delivered note by its office (or, after escalation, its deputy or an office above): by API with the office's bearer token, or by a signed single-use link.
 */
package org.valise.notification.acknowledgement;
