package org.valise.platform.security;

import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who a note is for, as far as reading it goes: its destination office, the offices in copy and those it was
 * escalated to, whether it is confidential, and who submitted it.
 *
 * @param destination the destination office's id, or null (not routed yet, or in triage)
 * @param copies the ids of the offices in copy
 * @param escalatedTo the ids of the offices it was escalated to
 * @param confidential whether the sender marked it confidential
 * @param submittedBy the submitter (intake's caller) that sent it in, or null
 */
public record NoteAudience(String destination, Set<String> copies, Set<String> escalatedTo, boolean confidential,
		String submittedBy) {

	public NoteAudience {
		destination = normalise(destination);
		copies = normalise(copies);
		escalatedTo = normalise(escalatedTo);
	}

	/** A note no office is known for yet. */
	public static NoteAudience unrouted(boolean confidential, String submittedBy) {
		return new NoteAudience(null, Set.of(), Set.of(), confidential, submittedBy);
	}

	private static String normalise(String office) {
		return (office == null || office.isBlank()) ? null : office.strip().toUpperCase(Locale.ROOT);
	}

	private static Set<String> normalise(Collection<String> offices) {
		return (offices == null) ? Set.of()
				: offices.stream().map(NoteAudience::normalise).filter((o) -> o != null).collect(Collectors.toUnmodifiableSet());
	}

}
