package org.valise.notification.delivery;

/**
 * The e-mail announcing a note to an office.
 *
 * @param subject the subject line
 * @param text the plain-text part
 * @param html the HTML part, saying the same
 */
record NoteMail(String subject, String text, String html) {
}
