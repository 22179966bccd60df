package org.valise.routing.routing;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.valise.routing.directory.Directory;

/**
 * A note that answers one of the organisation's own notes goes back to the office that wrote it, recognised by the
 * prefix of its reference (OLA/2023/0187 → Office of Legal Affairs).
 */
final class InReplyToRule implements RoutingRule {

	static final String ID = "in-reply-to";

	private static final Pattern SEPARATORS = Pattern.compile("[\\s;,()]+");

	private static final Pattern PREFIX = Pattern.compile("[A-Za-z][A-Za-z-]*");

	private final Directory directory;

	InReplyToRule(Directory directory) {
		this.directory = directory;
	}

	@Override
	public String id() {
		return ID;
	}

	@Override
	public Optional<Candidate> apply(Correspondence note) {
		String inReplyTo = note.fields().inReplyTo();
		if (inReplyTo == null) {
			return Optional.empty();
		}
		for (String reference : SEPARATORS.split(inReplyTo)) {
			int slash = reference.indexOf('/');
			String prefix = slash > 0 ? reference.substring(0, slash) : "";
			if (PREFIX.matcher(prefix).matches()) {
				Optional<Candidate> candidate = this.directory.findByReferencePrefix(prefix)
					.map(office -> new Candidate(office, List.of(), ID, "It answers note " + reference + " of the "
							+ office.name() + ", so it goes back to that office.", List.of(inReplyTo)));
				if (candidate.isPresent()) {
					return candidate;
				}
			}
		}
		return Optional.empty();
	}

}
