package org.valise.routing.routing;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import org.valise.routing.note.NoteFields;

/**
 * Which of a note's fields routing decides on, and the confidence below which intake's reading of one is unsure: such
 * a note goes to triage ("unsure: recipient") for a clerk to check, rather than to an office on a guess. A field
 * without a stated confidence counts as sure (fields a client gave, events written before confidences).
 *
 * @param threshold the confidence (0 to 1) below which a field is unsure
 * @param fields the field names that decide routing (as in {@code note-fields.v1}: recipient, docType...)
 */
public record UnsureFields(double threshold, List<String> fields) {

	/** The fields the rules read, unsure below 0.5. */
	public static final UnsureFields DEFAULT = new UnsureFields(0.5,
			List.of("docType", "recipient", "recipientHead", "highestDestination", "confidential", "enclosures"));

	/** Never unsure: every note is routed on its fields as they are. */
	public static final UnsureFields NONE = new UnsureFields(0.0, List.of());

	public UnsureFields {
		if (threshold < 0 || threshold > 1) {
			throw new IllegalArgumentException("The unsure threshold must be between 0 and 1, not " + threshold);
		}
		fields = List.copyOf(Objects.requireNonNull(fields, "fields"));
	}

	/** The routing fields of the note read with a confidence below the threshold, least sure first. */
	List<String> of(NoteFields note) {
		List<String> unsure = new ArrayList<>();
		for (String field : this.fields) {
			Double confidence = note.confidence().get(field);
			if (confidence != null && confidence < this.threshold) {
				unsure.add(field);
			}
		}
		unsure.sort((a, b) -> Double.compare(note.confidence().get(a), note.confidence().get(b)));
		return unsure;
	}

	/** The sentence a clerk reads in triage: "unsure: recipient (confidence 0.20, below 0.50) ...". */
	Optional<String> reason(NoteFields note) {
		List<String> unsure = of(note);
		if (unsure.isEmpty()) {
			return Optional.empty();
		}
		List<String> each = unsure.stream()
			.map(field -> String.format(Locale.ROOT, "%s %.2f", field, note.confidence().get(field)))
			.toList();
		return Optional.of("unsure: " + String.join(", ", unsure) + " (confidence " + String.join(", ", each)
				+ String.format(Locale.ROOT, ", below %.2f)", this.threshold) + ": intake is not sure enough of what it "
				+ "read there to route on it, so a registry clerk checks it before it goes to an office.");
	}

}
