package org.valise.routing.registry;

import java.util.ArrayList;
import java.util.List;

import org.valise.routing.routing.Outcome;

/**
 * What the registry remembers of a registered note ({@code registry-notes} store, keyed by note id): the decision in
 * force, whole, so that a clerk's decision can be published with the note; the fingerprint of the note's content, so
 * that the same note sent again is told from another one; and the decisions taken, at most {@code maxHistory} of them
 * (the first and the latest: a note resubmitted a thousand times does not grow its record without bound — every
 * decision stays on {@code notes.routed.v1}).
 *
 * @param current the decision in force
 * @param history the decisions published, in order: the first, then the latest ones
 * @param omitted how many decisions between the first and the latest are no longer kept here
 * @param contentHash the fingerprint of the note's content ({@link ContentHash}), or null for notes registered before
 *        fingerprints were kept
 */
public record Registration(NoteRouted current, List<Decision> history, int omitted, String contentHash) {

	public Registration {
		history = List.copyOf(history);
	}

	static Registration first(NoteRouted routed, String contentHash) {
		return new Registration(routed, List.of(Decision.of(routed)), 0, contentHash);
	}

	/** With a new decision in force. */
	Registration decided(NoteRouted routed, int maxHistory) {
		return append(routed, maxHistory).withCurrent(routed);
	}

	/** With a repeated submission recorded in the history; the decision in force does not change. */
	Registration resubmitted(NoteRouted duplicate, int maxHistory) {
		return append(duplicate, maxHistory);
	}

	/** The note registered first: itself, unless it is a duplicate. */
	DuplicateOf original() {
		return this.current.duplicateOf() != null ? this.current.duplicateOf()
				: new DuplicateOf(this.current.noteId(), this.current.registryNumber());
	}

	boolean isDuplicate() {
		return this.current.outcome() == Outcome.DUPLICATE;
	}

	/** Whether this note has that content (true when the fingerprint was not kept: such notes were equal by id). */
	boolean sameContent(String hash) {
		return this.contentHash == null || this.contentHash.equals(hash);
	}

	public NoteHistory toHistory() {
		return new NoteHistory(this.current.noteId(), this.current.registryNumber(), this.current.duplicateOf(),
				this.history, this.current.note() != null && this.current.note().confidential(), this.omitted);
	}

	private Registration withCurrent(NoteRouted routed) {
		return new Registration(routed, this.history, this.omitted, this.contentHash);
	}

	private Registration append(NoteRouted routed, int maxHistory) {
		List<Decision> decisions = new ArrayList<>(this.history);
		decisions.add(Decision.of(routed));
		int omitted = this.omitted;
		while (decisions.size() > Math.max(2, maxHistory)) {
			decisions.remove(1);
			omitted++;
		}
		return new Registration(this.current, decisions, omitted, this.contentHash);
	}

}
