package org.valise.notification.tracking;

import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;

import org.valise.notification.command.AcknowledgeNote;
import org.valise.notification.command.CommandResult;
import org.valise.notification.directory.OfficeDirectory;
import org.valise.notification.event.EventTypes;
import org.valise.notification.event.NoteAcknowledged;
import org.valise.notification.event.Office;
import org.valise.notification.receipt.ReceiptDraft;

/**
 * Decides an acknowledgement from the note's current state. Only the destination office may acknowledge, or after
 * escalation its deputy and the offices escalated to; only a delivered note of the routing in force, once; a signed
 * link only once. As one task owns the note, two acknowledgements racing on two instances are decided one after the
 * other: the second is refused.
 */
public final class AcknowledgementDesk {

	private final ZoneId zone;

	private final ReceiptPolicy receipts;

	/**
	 * @param zone where the directory's holder dates are read
	 * @param receipts drafts the acknowledgement of receipt when it is due on acknowledgement
	 */
	public AcknowledgementDesk(ZoneId zone, ReceiptPolicy receipts) {
		this.zone = zone;
		this.receipts = receipts;
	}

	/** Why an office may not acknowledge the note now, or null when it may. */
	public static Refusal refusal(NoteTracking tracking, String office, String destinationDeputy, String tokenId) {
		if (tracking.state() == null || tracking.revision() == 0) {
			return new Refusal(CommandResult.CONFLICT, "it has not been routed yet", Set.of());
		}
		if (tracking.state() == TrackingState.DUPLICATE) {
			return new Refusal(CommandResult.CONFLICT, "it is a duplicate of note "
					+ ((tracking.duplicateOf() != null) ? tracking.duplicateOf().registryNumber() : "registered earlier")
					+ "; acknowledge that one", Set.of());
		}
		if (tokenId != null && tracking.acknowledgements().stream().anyMatch((ack) -> tokenId.equals(ack.tokenId()))) {
			return new Refusal(CommandResult.GONE, "this acknowledgement link has already been used", Set.of());
		}
		Set<String> allowed = tracking.acknowledgers(destinationDeputy);
		if (allowed.stream().noneMatch((id) -> id.equalsIgnoreCase(office))) {
			return new Refusal(CommandResult.FORBIDDEN, "only " + String.join(" or ", allowed) + " may acknowledge it",
					allowed);
		}
		Acknowledgement done = tracking.acknowledgements()
			.stream()
			.filter((ack) -> ack.revision() == tracking.revision())
			.findFirst()
			.orElse(null);
		if (done != null) {
			return new Refusal(CommandResult.CONFLICT, "it has already been acknowledged for " + done.office() + " by "
					+ done.acknowledgedBy() + " at " + done.acknowledgedAt(), allowed);
		}
		boolean delivered = tracking.deliveries()
			.stream()
			.anyMatch((d) -> d.revision() == tracking.revision() && d.purpose() == Purpose.NOTE
					&& d.status() == DeliveryStatus.DELIVERED);
		return delivered ? null : new Refusal(CommandResult.CONFLICT, "it has not been delivered yet", allowed);
	}

	void acknowledge(Decisions decisions, AcknowledgeNote command, OfficeDirectory directory, Instant now) {
		NoteId noteId = NoteId.of(command.noteId());
		NoteTracking tracking = decisions.tracking(noteId);
		if (tracking == null) {
			decisions.reply(CommandResult.refused(command.commandId(), command.noteId(), CommandResult.NOT_FOUND, null,
					null, "No note " + noteId + " is known"));
			return;
		}
		String deputy = (tracking.destination() != null)
				? directory.deputyOf(tracking.destination().id()).orElse(null) : null;
		Refusal refusal = refusal(tracking, command.office(), deputy, command.tokenId());
		if (refusal != null) {
			decisions.reply(new CommandResult(command.commandId(), command.noteId(), refusal.outcome(),
					tracking.registryNumber(), String.valueOf(tracking.state()), refusal.detail(), command.office(),
					String.join(",", refusal.allowedOffices()), null, null, null, null));
			return;
		}
		Instant at = ((command.requestedAt() != null) ? command.requestedAt() : now).truncatedTo(ChronoUnit.MILLIS);
		Office office = tracking.office(command.office());
		if (office == null) {
			office = directory.office(command.office(), at.atZone(this.zone).toLocalDate())
				.orElse(new Office(command.office(), command.office(), null, null, List.of()));
		}
		NoteAcknowledged event = new NoteAcknowledged(command.noteId(), tracking.registryNumber(), office,
				command.acknowledgedBy(), at, command.comment());
		String eventId = StableId.of("acknowledged", command.commandId());
		decisions.emit(new Emitted(EventTypes.NOTE_ACKNOWLEDGED, noteId, eventId, at, event, tracking.traceId()));
		NoteTracking after = tracking.acknowledged(eventId, new Acknowledgement(office.id(), command.acknowledgedBy(),
				at, command.comment(), tracking.revision(), command.via(), command.tokenId()));
		decisions.put(after);
		this.receipts.draftOn(ReceiptDraft.ON_ACKNOWLEDGEMENT, decisions, noteId, at);
		decisions.reply(new CommandResult(command.commandId(), command.noteId(), CommandResult.ACCEPTED,
				tracking.registryNumber(), String.valueOf(after.state()), null, office.id(), null,
				command.acknowledgedBy(), at, command.comment(), eventId));
	}

}
