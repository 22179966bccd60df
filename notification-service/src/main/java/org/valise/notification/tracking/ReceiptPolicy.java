package org.valise.notification.tracking;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.valise.notification.event.EventTypes;
import org.valise.notification.event.ReceiptDrafted;
import org.valise.notification.receipt.ReceiptDraft;
import org.valise.notification.receipt.ReceiptDrafter;

/**
 * When the acknowledgement of receipt is drafted (at registration, or when the office acknowledges) and how: once
 * per note, published as ReceiptDrafted and kept in the note's state.
 */
public final class ReceiptPolicy {

	private final ReceiptDrafter drafter;

	private final String trigger;

	/**
	 * @param drafter writes the draft
	 * @param trigger {@link ReceiptDraft#ON_REGISTRATION} or {@link ReceiptDraft#ON_ACKNOWLEDGEMENT}
	 */
	public ReceiptPolicy(ReceiptDrafter drafter, String trigger) {
		this.drafter = drafter;
		this.trigger = trigger;
	}

	/** Drafts the receipt if {@code moment} is the configured trigger and none was drafted yet. */
	void draftOn(String moment, Decisions decisions, NoteId noteId, Instant at) {
		NoteTracking tracking = decisions.tracking(noteId);
		if (!this.trigger.equals(moment) || tracking == null || tracking.receiptDraft() != null
				|| tracking.registryNumber() == null) {
			return;
		}
		ReceiptDraft draft = this.drafter.draft(tracking.note(), tracking.registryNumber(),
				at.truncatedTo(ChronoUnit.MILLIS), this.trigger);
		if (draft == null) {
			return;
		}
		ReceiptDrafted event = new ReceiptDrafted(noteId.value(), tracking.registryNumber(), draft.language(),
				draft.trigger(), draft.addressee(), draft.reference(), draft.noteDate(), draft.place(),
				draft.draftedOn(), draft.text(), draft.draftedAt());
		decisions.emit(new Emitted(EventTypes.RECEIPT_DRAFTED, noteId, StableId.of("receipt-drafted", noteId),
				draft.draftedAt(), event, tracking.traceId()));
		decisions.put(tracking.receiptDrafted(draft));
	}

}
