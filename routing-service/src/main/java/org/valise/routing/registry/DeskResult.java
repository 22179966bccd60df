package org.valise.routing.registry;

import java.util.List;

/**
 * What the registry desk decided about one input: the events to publish, the changes to make to its state, and,
 * for a note it could not handle, the dead letter to write instead.
 *
 * @param published NoteRouted events, in order
 * @param changes the state changes, to apply in order
 * @param deadLetter why the note goes to the dead-letter topic, or null
 */
public record DeskResult(List<NoteRouted> published, List<Change> changes, DeadLetter deadLetter) {

	public DeskResult {
		published = List.copyOf(published);
		changes = List.copyOf(changes);
	}

	static DeskResult of(List<NoteRouted> published, List<Change> changes) {
		return new DeskResult(published, changes, null);
	}

	static DeskResult deadLetter(DeadLetter deadLetter) {
		return new DeskResult(List.of(), List.of(), deadLetter);
	}

	/** A change to the desk's state. */
	public sealed interface Change {

		/** The last number taken in a year. */
		record Counter(String year, long last) implements Change {
		}

		/** A note's registration. */
		record Note(String noteId, Registration registration) implements Change {
		}

		/** The notes registered under a sender and reference. */
		record Reference(String duplicateKey, ReferenceEntry entry) implements Change {
		}

		/** A note in triage, or out of it ({@code entry} null). */
		record Triage(String noteId, TriageEntry entry) implements Change {
		}

		/** What became of a clerk's command. */
		record Outcome(String commandId, CommandOutcome outcome) implements Change {
		}

	}

	/**
	 * A note the desk could not handle.
	 *
	 * @param error a short code
	 * @param message one sentence, without any part of the note
	 * @param cause the exception of the last attempt
	 * @param attempts how many times it was tried
	 */
	public record DeadLetter(String error, String message, RuntimeException cause, int attempts) {
	}

}
