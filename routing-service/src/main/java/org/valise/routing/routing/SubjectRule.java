package org.valise.routing.routing;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.valise.routing.directory.Directory;
import org.valise.routing.directory.Office;

/**
 * A note whose subject is clearly one office's field (its directory keywords: evacuation, border management,
 * credentials…) goes to that office: read first from the requested action, subject and enclosure titles (one
 * keyword suffices), then from the whole text (two keywords, and more than any other office).
 */
final class SubjectRule implements RoutingRule {

	static final String ID = "subject-keywords";

	private final Directory directory;

	SubjectRule(Directory directory) {
		this.directory = directory;
	}

	@Override
	public String id() {
		return ID;
	}

	@Override
	public Optional<Candidate> apply(Correspondence note) {
		Optional<Map.Entry<Office, List<String>>> best = fromFields(note);
		if (best.isEmpty() && note.hasText()) {
			best = clearWinner(this.directory.subjectsIn(note.text()), 2);
		}
		return best.map(hit -> new Candidate(hit.getKey(), List.of(), ID, "Its subject (" + String.join(", ", hit.getValue())
				+ ") is the field of the " + hit.getKey().name() + ".", hit.getValue()));
	}

	/** The office whose field the requested action, subject and enclosure titles name most, if one clearly does. */
	Optional<Map.Entry<Office, List<String>>> fromFields(Correspondence note) {
		return clearWinner(this.directory.subjectsIn(note.aboutness()), 1);
	}

	private static Optional<Map.Entry<Office, List<String>>> clearWinner(Map<Office, List<String>> hits, int minimum) {
		int most = hits.values().stream().mapToInt(List::size).max().orElse(0);
		List<Map.Entry<Office, List<String>>> winners = hits.entrySet()
			.stream()
			.filter(e -> e.getValue().size() == most)
			.toList();
		return most >= minimum && winners.size() == 1 ? Optional.of(winners.get(0)) : Optional.empty();
	}

}
