package org.valise.routing.registry;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The notes registered under one sender and reference ({@code registry-references} store, keyed by
 * {@link DuplicateKey}): the first, and those registered after it with another text (corrected notes), at most
 * {@value #MAX} of them.
 *
 * @param notes the notes, in registration order
 */
public record ReferenceEntry(List<Registered> notes) {

	static final int MAX = 20;

	public ReferenceEntry {
		notes = List.copyOf(notes);
	}

	static ReferenceEntry of(Registered first) {
		return new ReferenceEntry(List.of(first));
	}

	/** The registered note with exactly this content, if any. */
	Optional<Registered> withContent(String hash) {
		return this.notes.stream().filter((note) -> note.contentHash() == null || note.contentHash().equals(hash)).findFirst();
	}

	/** The latest note registered under this sender and reference. */
	public Registered latest() {
		return this.notes.get(this.notes.size() - 1);
	}

	/** With one more note registered under this sender and reference (the oldest after the first dropped past MAX). */
	ReferenceEntry with(Registered note) {
		List<Registered> all = new ArrayList<>(this.notes);
		all.add(note);
		while (all.size() > MAX) {
			all.remove(1);
		}
		return new ReferenceEntry(all);
	}

	/**
	 * A note registered under the sender and reference.
	 *
	 * @param noteId its id
	 * @param registryNumber its number
	 * @param contentHash its fingerprint, or null when not kept
	 */
	public record Registered(String noteId, String registryNumber, String contentHash) {

		public DuplicateOf asDuplicateOf() {
			return new DuplicateOf(this.noteId, this.registryNumber);
		}

	}

}
