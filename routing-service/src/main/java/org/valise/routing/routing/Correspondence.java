package org.valise.routing.routing;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import org.valise.routing.note.Enclosure;
import org.valise.routing.note.NoteFields;
import org.valise.routing.text.FoldedText;

/**
 * A note as the rules see it: its fields, and its raw text when intake had one.
 *
 * @param fields what intake understood
 * @param text the raw text, or {@code null}
 */
record Correspondence(NoteFields fields, String text) {

	Correspondence {
		Objects.requireNonNull(fields, "fields");
	}

	boolean hasText() {
		return this.text != null && !this.text.isBlank();
	}

	FoldedText foldedText() {
		return FoldedText.of(this.text);
	}

	/** Who signed the enclosures, and the sender when the document is a first-person letter. */
	List<String> signatories() {
		List<String> signatories = new ArrayList<>(
				this.fields.enclosures().stream().map(Enclosure::author).filter(Objects::nonNull).toList());
		if (this.fields.isLetter() && this.fields.sender() != null) {
			signatories.add(this.fields.sender());
		}
		return signatories;
	}

	/** The fields that say what the note is about: requested action, subject and enclosure titles. */
	String aboutness() {
		return String.join(" | ", Stream
			.concat(Stream.of(this.fields.requestedAction(), this.fields.subject()),
					this.fields.enclosures().stream().map(Enclosure::title))
			.filter(Objects::nonNull)
			.toList());
	}

}
