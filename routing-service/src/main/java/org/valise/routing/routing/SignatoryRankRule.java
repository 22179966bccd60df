package org.valise.routing.routing;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.valise.routing.directory.Directory;
import org.valise.routing.directory.Office;
import org.valise.routing.routing.Signatories.Standing;

/**
 * A letter (or an enclosure) signed by a head of State or Government goes to the head of the organisation; one
 * signed by a minister goes to the head's deputy.
 */
final class SignatoryRankRule implements RoutingRule {

	static final String ID = "signatory-rank";

	private final Directory directory;

	SignatoryRankRule(Directory directory) {
		this.directory = directory;
	}

	@Override
	public String id() {
		return ID;
	}

	@Override
	public Optional<Candidate> apply(Correspondence note) {
		Optional<String> signatory = note.signatories()
			.stream()
			.filter(s -> Signatories.standingOf(s) != Standing.OTHER)
			.min(Comparator.comparing(Signatories::standingOf));
		if (signatory.isEmpty()) {
			return Optional.empty();
		}
		String what = note.fields().isLetter() ? "The letter" : "The enclosed letter";
		Office head = this.directory.head();
		if (Signatories.standingOf(signatory.get()) == Standing.HEAD_OF_STATE_OR_GOVERNMENT) {
			return Optional.of(new Candidate(head, List.of(), ID, what
					+ " is signed by a head of State or Government, so it goes to the " + head.headTitle() + ".",
					List.of(signatory.get())));
		}
		Office deputy = this.directory.deputyOf(head).orElse(head);
		return Optional.of(new Candidate(deputy, List.of(), ID, what + " is signed by a minister, so it goes to the "
				+ deputy.headTitle() + ", who deputises for the " + head.headTitle() + ".",
				List.of(signatory.get())));
	}

}
