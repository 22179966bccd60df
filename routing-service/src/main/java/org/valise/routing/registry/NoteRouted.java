package org.valise.routing.registry;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.valise.routing.directory.Channel;
import org.valise.routing.directory.Office;
import org.valise.routing.note.NoteFields;
import org.valise.routing.note.NoteReceived;
import org.valise.routing.routing.Copy;
import org.valise.routing.routing.Explanation;
import org.valise.routing.routing.Outcome;
import org.valise.routing.routing.Priority;
import org.valise.routing.routing.Purpose;
import org.valise.routing.routing.RoutingDecision;

/**
 * Event written to {@code notes.routed.v1} ({@code note-routed.v1.schema.json}): the registry registered a note and
 * decided where it goes, found it already registered, or a clerk routed it by hand. It carries the note itself, so
 * that no reader ever needs to call back.
 *
 * @param noteId the note's id, also the record key
 * @param registryNumber e.g. IN/2026/000123 (for a duplicate: the original's)
 * @param registeredAt when the note was registered
 * @param routedAt when this decision was taken
 * @param outcome routed, sent to triage, or a duplicate
 * @param destination the office that receives it first
 * @param copies the other offices that receive it
 * @param priority how fast it must be acknowledged
 * @param acknowledgementDeadline by when
 * @param explanation the rule, a summary and the evidence
 * @param receivedAt when intake accepted it
 * @param note the note's fields, as received (its text stays on {@code notes.received.v1}: events carry no copy of it)
 * @param duplicateOf for a duplicate, the note registered first; else {@code null}
 * @param revision 1 for the registry's first decision, then one more for each decision by a clerk
 * @param decidedBy {@code rules}, or the clerk who decided
 * @param reason why the clerk decided so; {@code null} for decisions of the rules
 * @param possibleDuplicateOf a note registered earlier with the same sender and reference but another text (a
 *        corrected note, or a new one under a reused reference): this one is numbered on its own and goes to triage
 *        for a clerk to say which; else {@code null}
 */
public record NoteRouted(String noteId, String registryNumber, Instant registeredAt, Instant routedAt, Outcome outcome,
		RoutedOffice destination, List<RoutedCopy> copies, Priority priority, Instant acknowledgementDeadline,
		Explanation explanation, Instant receivedAt, NoteFields note, DuplicateOf duplicateOf, int revision,
		String decidedBy, String reason, DuplicateOf possibleDuplicateOf) {

	/** {@code decidedBy} of automatic decisions. */
	public static final String RULES = "rules";

	/** The registry's first decision on a note: numbered, routed by the rules. */
	static NoteRouted of(NoteReceived received, RegistryNumber number, Instant at, RoutingDecision decision,
			Instant deadline, DuplicateOf possibleDuplicateOf) {
		LocalDate today = LocalDate.ofInstant(at, ZoneOffset.UTC);
		return new NoteRouted(received.noteId(), number.toString(), at, at, decision.outcome(),
				RoutedOffice.of(decision.destination(), today), RoutedCopy.of(decision.copies(), today),
				decision.priority(), deadline, decision.explanation(), received.receivedAt(), received.note(), null, 1,
				RULES, null, possibleDuplicateOf);
	}

	/**
	 * A note found already registered: it keeps the original's number, destination, priority and deadline, and has
	 * nothing to deliver (no copies).
	 */
	static NoteRouted duplicate(NoteReceived received, Instant registeredAt, Instant at, NoteRouted original,
			DuplicateOf of, Explanation why, int revision) {
		return new NoteRouted(received.noteId(), of.registryNumber(), registeredAt, at, Outcome.DUPLICATE,
				original.destination(), List.of(), original.priority(), original.acknowledgementDeadline(), why,
				received.receivedAt(), received.note(), of, revision, RULES, null, null);
	}

	/** The next revision of this decision, taken by a clerk. */
	NoteRouted decidedByClerk(Instant at, Outcome outcome, Office destination, List<Copy> copies, Instant deadline,
			Explanation why, String clerk, String reason) {
		LocalDate today = LocalDate.ofInstant(at, ZoneOffset.UTC);
		return new NoteRouted(this.noteId, this.registryNumber, this.registeredAt, at, outcome,
				RoutedOffice.of(destination, today), RoutedCopy.of(copies, today), this.priority, deadline, why,
				this.receivedAt, this.note, null, this.revision + 1, clerk, reason, this.possibleDuplicateOf);
	}

	/**
	 * An office as the event describes it ({@code office.v1.schema.json}).
	 *
	 * @param id stable id
	 * @param name its name
	 * @param headTitle its head's title
	 * @param holder who holds it on the day of routing
	 * @param channels where it receives notes
	 */
	public record RoutedOffice(String id, String name, String headTitle, String holder, List<Channel> channels) {

		/** The office as the event shows it, with its holder on that day. */
		public static RoutedOffice of(Office office, LocalDate day) {
			return new RoutedOffice(office.id(), office.name(), office.headTitle(), office.holderOn(day),
					office.channels());
		}

	}

	/**
	 * A copy for another office.
	 *
	 * @param office the office
	 * @param purpose for action or for information
	 */
	public record RoutedCopy(RoutedOffice office, Purpose purpose) {

		/** The copies as the event shows them, with their holders on that day. */
		public static List<RoutedCopy> of(List<Copy> copies, LocalDate day) {
			return copies.stream().map(copy -> new RoutedCopy(RoutedOffice.of(copy.office(), day), copy.purpose())).toList();
		}

	}

}
