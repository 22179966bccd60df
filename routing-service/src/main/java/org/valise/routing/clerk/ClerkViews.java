package org.valise.routing.clerk;

import java.util.Set;

import org.valise.platform.security.Caller;
import org.valise.platform.security.NoteAccess;
import org.valise.platform.security.NoteAudience;
import org.valise.routing.registry.Decision;
import org.valise.routing.registry.NoteHistory;
import org.valise.routing.registry.TriageEntry;

/**
 * What a caller of the registry's reads may see of a note ({@link NoteAccess}): a clerk everything, an auditor a
 * confidential note's registry facts only (no field read from it, no evidence quoting it, no clerk's reason).
 */
final class ClerkViews {

	private ClerkViews() {
	}

	static TriageEntry triage(TriageEntry entry, Caller caller) {
		NoteAccess access = NoteAccess.of(caller, NoteAudience.unrouted(entry.confidential(), null));
		return access.seesContent() ? entry : entry.registryFactsOnly();
	}

	static NoteHistory history(NoteHistory history, Caller caller) {
		Decision last = history.decisions().isEmpty() ? null : history.decisions().get(history.decisions().size() - 1);
		String destination = (last != null && last.destination() != null) ? last.destination().id() : null;
		Set<String> copies = (last != null && last.copies() != null)
				? Set.copyOf(last.copies().stream().map(copy -> copy.office().id()).toList()) : Set.of();
		NoteAccess access = NoteAccess.of(caller,
				new NoteAudience(destination, copies, Set.of(), history.confidential(), null));
		return access.seesContent() ? history : history.registryFactsOnly();
	}

}
