package org.valise.routing.directory;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.valise.routing.text.FoldedText;
import org.valise.routing.text.Span;
import org.valise.routing.text.Term;

/**
 * The organisation directory, validated and immutable: finds the offices a text names, by alias or by holder,
 * and the offices whose subjects a text touches.
 */
public final class Directory {

	/** Id of the registry triage desk, which every directory must have. */
	public static final String TRIAGE_ID = "TRIAGE";

	private final Map<String, Office> offices = new LinkedHashMap<>();

	private final Map<Office, List<Term>> aliases = new LinkedHashMap<>();

	private final Map<Office, List<Term>> keywords = new LinkedHashMap<>();

	Directory(List<Office> offices) {
		for (Office office : offices) {
			this.offices.put(office.id(), office);
			this.aliases.put(office, office.aliasTerms());
			this.keywords.put(office, office.keywords().stream().map(Term::of).filter(t -> !t.isBlank()).toList());
		}
	}

	/** Every office, in the order of the directory file. */
	public List<Office> offices() {
		return List.copyOf(this.offices.values());
	}

	/** The office with that id, if any. */
	public Optional<Office> find(String id) {
		return Optional.ofNullable(id).map(this.offices::get);
	}

	/** The head of the organisation's office (rank 1). */
	public Office head() {
		return this.offices.values().stream().filter(o -> o.rank() == 1).findFirst().orElseThrow();
	}

	/** The registry triage desk. */
	public Office triage() {
		return this.offices.get(TRIAGE_ID);
	}

	/** The office the given one reports to, if any. */
	public Optional<Office> parentOf(Office office) {
		return find(office.parent());
	}

	/** The office that stands in for the given one, if any. */
	public Optional<Office> deputyOf(Office office) {
		return find(office.deputy());
	}

	/** The office whose outgoing references start with that prefix (e.g. OLA), if any. */
	public Optional<Office> findByReferencePrefix(String prefix) {
		return this.offices.values().stream()
			.filter(o -> o.referencePrefixes().stream().anyMatch(p -> p.equalsIgnoreCase(prefix.strip())))
			.findFirst();
	}

	/**
	 * The offices a text names, in the order they appear: by name, title or alias, or by the name of the person
	 * who held the office on that day (any holder when the day is unknown). A name inside a longer name is not a
	 * mention of its own ("Director General" inside "Deputy Director General for Operations").
	 */
	public List<Mention> mentionsIn(String text, LocalDate onDay) {
		FoldedText folded = FoldedText.of(text);
		List<Mention> all = new ArrayList<>();
		for (Map.Entry<Office, List<Term>> entry : this.aliases.entrySet()) {
			Office office = entry.getKey();
			List<Term> terms = new ArrayList<>(entry.getValue());
			office.holders().stream()
				.filter(h -> onDay == null || h.heldOn(onDay))
				.map(h -> Term.of(h.name()))
				.forEach(terms::add);
			for (Term term : terms) {
				for (Span span : folded.find(term)) {
					all.add(new Mention(office, span, folded.quote(span)));
				}
			}
		}
		return all.stream()
			.filter(m -> all.stream().noneMatch(other -> m.span().isInside(other.span())))
			.sorted(Comparator.comparingInt((Mention m) -> m.span().start()).thenComparing(m -> m.office().rank()))
			.toList();
	}

	/** For each office whose keywords the text contains, the distinct words of the text that matched, best first. */
	public Map<Office, List<String>> subjectsIn(String text) {
		FoldedText folded = FoldedText.of(text);
		Map<Office, List<String>> hits = new LinkedHashMap<>();
		for (Map.Entry<Office, List<Term>> entry : this.keywords.entrySet()) {
			List<String> quotes = entry.getValue().stream()
				.flatMap(term -> folded.find(term).stream().limit(1))
				.map(folded::quoteWords)
				.map(q -> q.toLowerCase(Locale.ROOT))
				.distinct()
				.toList();
			if (!quotes.isEmpty()) {
				hits.put(entry.getKey(), quotes);
			}
		}
		return hits;
	}

}
