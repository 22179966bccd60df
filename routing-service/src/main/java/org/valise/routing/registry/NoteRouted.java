package org.valise.routing.registry;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.valise.routing.directory.Channel;
import org.valise.routing.directory.Office;
import org.valise.routing.note.NoteFields;
import org.valise.routing.note.NoteReceived;
import org.valise.routing.routing.Explanation;
import org.valise.routing.routing.Outcome;
import org.valise.routing.routing.Priority;
import org.valise.routing.routing.Purpose;
import org.valise.routing.routing.RoutingDecision;

/**
 * Event written to {@code notes.routed.v1} ({@code note-routed.v1.schema.json}): the registry registered a note and
 * decided where it goes. It carries the note itself, so that no reader ever needs to call back.
 *
 * @param noteId the note's id, also the record key
 * @param registryNumber e.g. IN/2026/000123
 * @param registeredAt when the number was assigned
 * @param routedAt when the destination was decided
 * @param outcome routed by a rule, or sent to triage
 * @param destination the office that receives it first
 * @param copies the other offices that receive it
 * @param priority how fast it must be acknowledged
 * @param acknowledgementDeadline by when
 * @param explanation the rule, a summary and the evidence
 * @param receivedAt when intake accepted it
 * @param note the note's fields, as received
 * @param text its raw text, as received
 */
public record NoteRouted(String noteId, String registryNumber, Instant registeredAt, Instant routedAt, Outcome outcome,
		RoutedOffice destination, List<RoutedCopy> copies, Priority priority, Instant acknowledgementDeadline,
		Explanation explanation, Instant receivedAt, NoteFields note, String text) {

	static NoteRouted of(NoteReceived received, RegistryNumber number, Instant at, RoutingDecision decision,
			Instant deadline) {
		LocalDate today = LocalDate.ofInstant(at, ZoneOffset.UTC);
		List<RoutedCopy> copies = decision.copies()
			.stream()
			.map(copy -> new RoutedCopy(RoutedOffice.of(copy.office(), today), copy.purpose()))
			.toList();
		return new NoteRouted(received.noteId(), number.toString(), at, at, decision.outcome(),
				RoutedOffice.of(decision.destination(), today), copies, decision.priority(), deadline,
				decision.explanation(), received.receivedAt(), received.note(), received.text());
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

		static RoutedOffice of(Office office, LocalDate day) {
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
	}

}
