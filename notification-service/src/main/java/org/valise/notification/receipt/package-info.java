/**
 * Drafts the note verbale acknowledging receipt of a note to its sender, in the sender's language (EN, FR, ES),
 * from one message bundle per language.
 */
package org.valise.notification.receipt;
