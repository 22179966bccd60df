package org.valise.routing.routing;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.valise.routing.directory.Office;
import org.valise.routing.routing.Addressees.Addressed;

/**
 * An enclosure addressed to an official the directory knows (by title, alias or holder on the note's date) goes
 * to that official's office; with several, the highest-ranking addressee's office receives it and the others get
 * copies for action.
 */
final class EnclosureAddresseeRule implements RoutingRule {

	static final String ID = "enclosure-addressee";

	private final Addressees addressees;

	EnclosureAddresseeRule(Addressees addressees) {
		this.addressees = addressees;
	}

	@Override
	public String id() {
		return ID;
	}

	@Override
	public Optional<Candidate> apply(Correspondence note) {
		List<Addressed> addressed = this.addressees.ofEnclosures(note.fields());
		if (addressed.isEmpty()) {
			return Optional.empty();
		}
		Addressed primary = addressed.stream().min(Comparator.comparingInt(a -> a.office().rank())).orElseThrow();
		Office destination = primary.office();
		List<Copy> copies = this.addressees.actionCopies(addressed, destination);
		String summary = copies.isEmpty()
				? "An enclosure is addressed to the " + title(destination) + ", so the note goes to the "
						+ destination.name() + "."
				: "Its enclosures are addressed to " + addressed.size() + " officials; the note goes to the "
						+ destination.name() + ", the highest-ranking, with a copy for action to the "
						+ String.join(" and the ", copies.stream().map(c -> c.office().name()).toList()) + ".";
		List<String> evidence = addressed.stream()
			.sorted(Comparator.comparingInt(a -> a.office().rank()))
			.map(a -> a.enclosure().addressee())
			.toList();
		return Optional.of(new Candidate(destination, copies, ID, summary, evidence));
	}

	private static String title(Office office) {
		return office.headTitle() == null ? office.name() : office.headTitle();
	}

}
