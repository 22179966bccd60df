package org.valise.routing.registry;

import java.util.ArrayList;
import java.util.List;

import org.valise.routing.routing.Outcome;

/**
 * What the registry remembers of a registered note ({@code registry-notes} store, keyed by note id): the decision in
 * force, whole, so that a clerk's decision can be published with the note, and the history of every decision.
 *
 * @param current the decision in force
 * @param history every decision published, in order (including repeated submissions)
 */
record Registration(NoteRouted current, List<Decision> history) {

	static Registration first(NoteRouted routed) {
		return new Registration(routed, List.of(Decision.of(routed)));
	}

	/** With a new decision in force. */
	Registration decided(NoteRouted routed) {
		return new Registration(routed, append(routed));
	}

	/** With a repeated submission recorded in the history; the decision in force does not change. */
	Registration resubmitted(NoteRouted duplicate) {
		return new Registration(this.current, append(duplicate));
	}

	/** The note registered first: itself, unless it is a duplicate. */
	DuplicateOf original() {
		return this.current.duplicateOf() != null ? this.current.duplicateOf()
				: new DuplicateOf(this.current.noteId(), this.current.registryNumber());
	}

	boolean isDuplicate() {
		return this.current.outcome() == Outcome.DUPLICATE;
	}

	NoteHistory toHistory() {
		return new NoteHistory(this.current.noteId(), this.current.registryNumber(), this.current.duplicateOf(),
				this.history, this.current.note() != null && this.current.note().confidential());
	}

	private List<Decision> append(NoteRouted routed) {
		List<Decision> decisions = new ArrayList<>(this.history);
		decisions.add(Decision.of(routed));
		return List.copyOf(decisions);
	}

}
