package org.valise.routing.routing;

import java.util.List;
import java.util.Optional;

import org.valise.routing.directory.Office;
import org.valise.routing.note.NoteFields;

/**
 * A note addressed to a named office or official of the organisation (e.g. "International Organization for
 * Migration (IOM), Department of Policy and Research") goes to that office; the head named as recipient head
 * counts when the recipient names none.
 */
final class RecipientOfficeRule implements RoutingRule {

	static final String ID = "recipient-office";

	private final Addressees addressees;

	RecipientOfficeRule(Addressees addressees) {
		this.addressees = addressees;
	}

	@Override
	public String id() {
		return ID;
	}

	@Override
	public Optional<Candidate> apply(Correspondence note) {
		NoteFields fields = note.fields();
		String addressedTo = fields.recipient();
		List<Office> offices = this.addressees.officesNamedIn(addressedTo, fields);
		if (offices.isEmpty()) {
			addressedTo = fields.recipientHead();
			offices = this.addressees.officesNamedIn(addressedTo, fields);
		}
		if (offices.isEmpty()) {
			return Optional.empty();
		}
		Office destination = offices.get(0);
		List<Copy> copies = offices.stream().skip(1).map(office -> new Copy(office, Purpose.INFORMATION)).toList();
		String summary = "The " + (fields.isLetter() ? "letter" : "note") + " is addressed to the "
				+ destination.name() + ", so it goes there.";
		return Optional.of(new Candidate(destination, copies, ID, summary, List.of(addressedTo)));
	}

}
