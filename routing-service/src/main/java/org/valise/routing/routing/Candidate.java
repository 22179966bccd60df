package org.valise.routing.routing;

import java.util.List;

import org.valise.routing.directory.Office;

/**
 * What one rule proposes before the policy adds information copies, clearance and priority.
 *
 * @param destination the office
 * @param copies offices that must act on part of it
 * @param rule the rule's id
 * @param summary one sentence
 * @param evidence quotes from the note
 */
record Candidate(Office destination, List<Copy> copies, String rule, String summary, List<String> evidence) {

	Candidate {
		copies = List.copyOf(copies);
		evidence = evidence.stream().filter(e -> e != null && !e.isBlank()).distinct().toList();
	}

}
