package org.valise.routing.note;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A document enclosed with a note.
 *
 * @param title a short description
 * @param author who wrote or signed it, or {@code null}
 * @param addressee whom it is addressed to, or {@code null}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Enclosure(String title, String author, String addressee) {
}
