package org.valise.system.scale;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.valise.system.faults.TopicArchive;
import org.valise.system.faults.TopicArchive.DeliveryEvent;
import org.valise.system.faults.TopicArchive.Routed;

/**
 * Whether each note was delivered once to its destination (a {@code NoteDelivered} of purpose NOTE per channel of the
 * destination) and once to each office in copy (purpose COPY per channel of that office), from what the topics hold:
 * none missing, none twice, none to an office the registration did not name. Escalations are not counted here.
 *
 * @param notes registered notes looked at
 * @param destinationExpected deliveries to destinations the registrations call for
 * @param destinationOnce of those, the ones delivered exactly once
 * @param notesWithCopies registered notes with at least one office in copy
 * @param copiesExpected deliveries to offices in copy the registrations call for
 * @param copiesOnce of those, the ones delivered exactly once
 * @param missing expected deliveries that never happened
 * @param extra deliveries beyond the one expected, or to an office not named
 * @param examples a few of what is missing or extra
 */
record DeliveriesOnce(int notes, int destinationExpected, int destinationOnce, int notesWithCopies, int copiesExpected,
		int copiesOnce, int missing, int extra, List<String> examples) {

	static final String NOTE = "NOTE";

	static final String COPY = "COPY";

	/** Counts the deliveries of the notes (those without a registration are the audit's lost or stuck notes). */
	static DeliveriesOnce of(Set<String> noteIds, Map<String, List<Routed>> routed,
			Map<String, List<DeliveryEvent>> deliveries) {
		Tally tally = new Tally();
		for (String noteId : noteIds) {
			Routed registration = routed.getOrDefault(noteId, List.of())
				.stream()
				.filter(Routed::registration)
				.findFirst()
				.orElse(null);
			if (registration != null) {
				tally.note(noteId, registration, deliveries.getOrDefault(noteId, List.of()));
			}
		}
		return new DeliveriesOnce(tally.notes, tally.destinationExpected, tally.destinationOnce, tally.notesWithCopies,
				tally.copiesExpected, tally.copiesOnce, tally.missing, tally.extra, List.copyOf(tally.examples));
	}

	/** Whether every expected delivery happened exactly once, and no other. */
	boolean exact() {
		return this.missing == 0 && this.extra == 0 && this.destinationOnce == this.destinationExpected
				&& this.copiesOnce == this.copiesExpected;
	}

	/** The counts as they add up. */
	private static final class Tally {

		int notes;

		int destinationExpected;

		int destinationOnce;

		int notesWithCopies;

		int copiesExpected;

		int copiesOnce;

		int missing;

		int extra;

		final List<String> examples = new ArrayList<>();

		void note(String noteId, Routed registration, List<DeliveryEvent> events) {
			this.notes++;
			Map<String, Integer> expected = new LinkedHashMap<>();
			registration.channels().forEach((c) -> expected.put(key(registration.office(), c.type(), NOTE), 0));
			registration.copies()
				.forEach((copy) -> copy.channels().forEach((c) -> expected.put(key(copy.office(), c.type(), COPY), 0)));
			if (!registration.copies().isEmpty()) {
				this.notesWithCopies++;
			}
			Map<String, Integer> unexpected = new HashMap<>();
			for (DeliveryEvent event : events) {
				if (!TopicArchive.DELIVERED.equals(event.type())
						|| !(NOTE.equals(event.purpose()) || COPY.equals(event.purpose()))) {
					continue;
				}
				String key = key(event.office(), event.channel(), event.purpose());
				(expected.containsKey(key) ? expected : unexpected).merge(key, 1, Integer::sum);
			}
			expected.forEach((key, count) -> count(noteId, key, count));
			unexpected.forEach((key, count) -> {
				this.extra += count;
				example(noteId + ": delivered to " + key + ", which the registration does not name");
			});
		}

		private void count(String noteId, String key, int count) {
			boolean copy = key.endsWith(" " + COPY);
			if (copy) {
				this.copiesExpected++;
			}
			else {
				this.destinationExpected++;
			}
			if (count == 1) {
				if (copy) {
					this.copiesOnce++;
				}
				else {
					this.destinationOnce++;
				}
			}
			else if (count == 0) {
				this.missing++;
				example(noteId + ": never delivered to " + key);
			}
			else {
				this.extra += count - 1;
				example(noteId + ": delivered " + count + " times to " + key);
			}
		}

		private void example(String what) {
			if (this.examples.size() < 5) {
				this.examples.add(what);
			}
		}

		private static String key(String office, String channel, String purpose) {
			return office + " by " + channel + " " + purpose;
		}

	}

}
