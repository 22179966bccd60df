package org.valise.routing.directory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.valise.routing.text.Term;

import static java.util.stream.Collectors.toMap;

/** The rules a directory must keep; collects every broken one as a sentence naming the office and the field. */
final class DirectoryRules {

	private final List<Office> offices;

	private final Map<String, Office> byId = new LinkedHashMap<>();

	private final List<String> problems = new ArrayList<>();

	DirectoryRules(List<Office> offices) {
		this.offices = offices;
	}

	List<String> problems() {
		if (this.offices.isEmpty()) {
			return List.of("it lists no offices (expected a top-level 'offices' list)");
		}
		for (Office office : this.offices) {
			if (isBlank(office.id())) {
				this.problems.add("an office (name '" + office.name() + "') has no id");
			}
			else if (this.byId.putIfAbsent(office.id(), office) != null) {
				this.problems.add("office id '" + office.id() + "' is used more than once");
			}
		}
		this.offices.stream().filter(o -> !isBlank(o.id())).forEach(this::checkOffice);
		checkHead();
		checkParentChains();
		checkUnique("alias", o -> o.aliasTerms().stream().collect(toMap(Term::folded, Term::phrase, (a, b) -> a)));
		checkUnique("reference prefix",
				o -> o.referencePrefixes().stream().collect(toMap(p -> p.toUpperCase(Locale.ROOT), p -> p, (a, b) -> a)));
		if (!this.byId.containsKey(Directory.TRIAGE_ID)) {
			this.problems.add("there is no office with id '" + Directory.TRIAGE_ID + "' (the registry triage desk)");
		}
		return List.copyOf(this.problems);
	}

	private void checkOffice(Office office) {
		String at = "office '" + office.id() + "': ";
		if (isBlank(office.name())) {
			this.problems.add(at + "name is missing");
		}
		if (office.rank() < 1) {
			this.problems.add(at + "rank must be 1 (head) or more, was " + office.rank());
		}
		if (office.parent() != null && !this.byId.containsKey(office.parent())) {
			this.problems.add(at + "parent '" + office.parent() + "' is not an office of the directory");
		}
		if (office.deputy() != null && !this.byId.containsKey(office.deputy())) {
			this.problems.add(at + "deputy '" + office.deputy() + "' is not an office of the directory");
		}
		if (office.id().equals(office.deputy())) {
			this.problems.add(at + "an office cannot be its own deputy");
		}
		for (Holder holder : office.holders()) {
			if (isBlank(holder.name())) {
				this.problems.add(at + "a holder has no name");
			}
			if (holder.from() != null && holder.until() != null && holder.until().isBefore(holder.from())) {
				this.problems.add(at + "holder '" + holder.name() + "' leaves (" + holder.until() + ") before arriving ("
						+ holder.from() + ")");
			}
		}
		for (Channel channel : office.channels()) {
			if (!"email".equals(channel.type()) && !"webhook".equals(channel.type())) {
				this.problems.add(at + "channel type '" + channel.type() + "' is neither email nor webhook");
			}
			else if ("email".equals(channel.type()) && (channel.address() == null || !channel.address().contains("@"))) {
				this.problems.add(at + "email channel address '" + channel.address() + "' is not an e-mail address");
			}
			else if ("webhook".equals(channel.type())
					&& (channel.address() == null || !channel.address().startsWith("https://"))) {
				this.problems.add(at + "webhook channel address '" + channel.address() + "' is not an https URL");
			}
		}
	}

	private void checkHead() {
		List<String> heads = this.offices.stream().filter(o -> o.rank() == 1).map(Office::id).toList();
		if (heads.size() != 1) {
			this.problems.add("exactly one office must have rank 1 (the head of the organisation), found "
					+ (heads.isEmpty() ? "none" : heads.size() + ": " + String.join(", ", heads)));
		}
		for (Office office : this.offices) {
			if (office.rank() == 1 && office.parent() != null) {
				this.problems.add("office '" + office.id() + "': the head (rank 1) cannot have a parent");
			}
			if (office.rank() != 1 && office.parent() == null) {
				this.problems.add("office '" + office.id() + "': only the head (rank 1) may have no parent");
			}
		}
	}

	private void checkParentChains() {
		for (Office office : this.offices) {
			Set<String> seen = new HashSet<>();
			for (Office at = office; at != null && at.parent() != null; at = this.byId.get(at.parent())) {
				if (!seen.add(at.id())) {
					this.problems.add("office '" + office.id() + "': its chain of parents loops back on itself");
					break;
				}
			}
		}
	}

	/** Checks that no two offices share a value; {@code values} maps each comparable form to the value as written. */
	private void checkUnique(String what, Function<Office, Map<String, String>> values) {
		Map<String, String> owner = new HashMap<>();
		for (Office office : this.byId.values()) {
			values.apply(office).forEach((key, written) -> {
				String previous = owner.putIfAbsent(key, office.id());
				if (previous != null && !previous.equals(office.id())) {
					this.problems.add("office '" + office.id() + "': " + what + " '" + written
							+ "' already names office '" + previous + "'");
				}
			});
		}
	}

	private static boolean isBlank(String value) {
		return value == null || value.isBlank();
	}

}
