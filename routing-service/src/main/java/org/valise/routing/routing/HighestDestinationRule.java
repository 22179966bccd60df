package org.valise.routing.routing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.valise.routing.directory.Directory;
import org.valise.routing.directory.Office;
import org.valise.routing.note.Enclosure;
import org.valise.routing.note.EvidenceSpan;
import org.valise.routing.note.NoteFields;
import org.valise.routing.text.FoldedText;
import org.valise.routing.text.Span;
import org.valise.routing.text.Term;

/** A note that asks in words to reach the "highest destination" goes to the head of the organisation. */
final class HighestDestinationRule implements RoutingRule {

	static final String ID = "highest-destination";

	private static final List<Term> PHRASES = List
		.of("highest destination", "highest authority", "plus haute destination", "plus haute autorité",
				"plus hautes autorités", "más alta instancia", "más alta autoridad", "más alto destino")
		.stream()
		.map(Term::of)
		.toList();

	private final Directory directory;

	private final Addressees addressees;

	HighestDestinationRule(Directory directory, Addressees addressees) {
		this.directory = directory;
		this.addressees = addressees;
	}

	@Override
	public String id() {
		return ID;
	}

	@Override
	public Optional<Candidate> apply(Correspondence note) {
		NoteFields fields = note.fields();
		if (!fields.highestDestination()) {
			return Optional.empty();
		}
		Office head = this.directory.head();
		List<String> evidence = new ArrayList<>();
		evidence.add(phrase(note));
		for (Enclosure enclosure : fields.enclosures()) {
			evidence.add(enclosure.author());
			evidence.add(enclosure.addressee());
		}
		String summary = "The note asks in words that " + (fields.enclosures().isEmpty() ? "it" : "its enclosure")
				+ " be conveyed to the highest destination, so it goes to the " + head.headTitle() + ".";
		List<Copy> copies = this.addressees.actionCopies(this.addressees.ofEnclosures(fields), head);
		return Optional.of(new Candidate(head, copies, ID, summary, evidence));
	}

	/** The words asking for the highest destination: intake's evidence, else found in the text, else the request. */
	private String phrase(Correspondence note) {
		String text = note.text();
		EvidenceSpan span = note.fields().evidence().get("highestDestination");
		if (span != null) {
			boolean inText = note.hasText() && span.start() >= 0 && span.start() < span.end()
					&& span.end() <= text.length() && text.substring(span.start(), span.end()).equals(span.text());
			return inText ? Quotes.around(text, span.start(), span.end()) : span.text();
		}
		if (note.hasText()) {
			FoldedText folded = note.foldedText();
			Optional<Span> found = PHRASES.stream()
				.flatMap(phrase -> folded.find(phrase).stream())
				.min(Comparator.comparingInt(Span::start));
			if (found.isPresent()) {
				return Quotes.around(text, found.get().start(), found.get().end());
			}
		}
		String request = note.fields().requestedAction();
		FoldedText folded = FoldedText.of(request);
		return PHRASES.stream().anyMatch(folded::contains) ? request : null;
	}

}
