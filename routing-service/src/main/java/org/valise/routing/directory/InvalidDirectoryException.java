package org.valise.routing.directory;

import java.util.List;

/** Thrown when the directory file cannot be read or breaks a rule; the message lists every problem found. */
public class InvalidDirectoryException extends IllegalStateException {

	private final List<String> problems;

	InvalidDirectoryException(String location, List<String> problems) {
		super("Invalid organisation directory " + location + ":\n - " + String.join("\n - ", problems));
		this.problems = List.copyOf(problems);
	}

	/** Each problem, one sentence each. */
	public List<String> problems() {
		return this.problems;
	}

}
