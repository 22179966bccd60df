package org.valise.intake.parsing;

/**
 * A document enclosed with a note, typically a letter transmitted for someone in the organisation.
 *
 * @param title a short description, or {@code null}
 * @param author who wrote or signed it, or {@code null}
 * @param addressee whom it is addressed to, or {@code null} if nobody
 */
public record Enclosure(String title, String author, String addressee) {
}
