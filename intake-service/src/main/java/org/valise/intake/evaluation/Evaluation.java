package org.valise.intake.evaluation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.valise.intake.parsing.Enclosure;
import org.valise.intake.parsing.NoteParser;
import org.valise.intake.parsing.ParsedNote;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads every note of a folder with the parser and scores each field against the folder's {@code expected.jsonl}
 * (one JSON object per note, snake_case keys, {@code file} naming the note), with {@link Scoring}.
 */
public final class Evaluation {

	/** The fields scored, in the order of the table. */
	public static final List<String> FIELDS = List.of("doc_type", "language", "reference", "in_reply_to", "date",
			"place", "sender", "recipient", "recipient_head", "enclosures", "requested_action", "highest_destination",
			"confidential");

	private static final String EXPECTED = "expected.jsonl";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private Evaluation() {
	}

	/**
	 * One note to score: its file name, what a clerk read in it, and its text.
	 *
	 * @param file the note's file name
	 * @param expected its object of {@code expected.jsonl}
	 * @param text its raw text
	 */
	public record Case(String file, JsonNode expected, String text) {

		public Case {
			Objects.requireNonNull(file, "file");
			Objects.requireNonNull(expected, "expected");
			Objects.requireNonNull(text, "text");
		}

	}

	/**
	 * The notes of a folder, in the order of its {@code expected.jsonl}.
	 * @throws UncheckedIOException when the folder, its {@code expected.jsonl} or a note named there cannot be read
	 * @throws IllegalArgumentException when a line of {@code expected.jsonl} is not an object naming its file
	 */
	public static List<Case> read(Path folder) {
		List<Case> cases = new ArrayList<>();
		List<String> lines;
		try {
			lines = Files.readAllLines(folder.resolve(EXPECTED), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + folder.resolve(EXPECTED), ex);
		}
		for (int i = 0; i < lines.size(); i++) {
			String line = lines.get(i);
			if (line.isBlank()) {
				continue;
			}
			JsonNode expected = JSON.readTree(line);
			String file = expected.path("file").asString(null);
			if (file == null) {
				throw new IllegalArgumentException(EXPECTED + " line " + (i + 1) + " names no \"file\"");
			}
			try {
				cases.add(new Case(file, expected, Files.readString(folder.resolve(file), StandardCharsets.UTF_8)));
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Cannot read " + folder.resolve(file) + " named in " + EXPECTED, ex);
			}
		}
		return cases;
	}

	/** Parses each note and scores every field; a note the parser fails on has every field wrong. */
	public static Report score(NoteParser parser, List<Case> cases) {
		List<Report.Outcome> outcomes = new ArrayList<>();
		for (Case c : cases) {
			ParsedNote got;
			try {
				got = parser.parse(c.text());
			}
			catch (RuntimeException ex) {
				for (String field : FIELDS) {
					outcomes.add(new Report.Outcome(c.file(), field, false, show(c.expected().path(field)),
							"parser failed: " + ex));
				}
				continue;
			}
			for (String field : FIELDS) {
				JsonNode want = c.expected().path(field);
				outcomes.add(new Report.Outcome(c.file(), field, matches(field, want, got), show(want), value(got, field)));
			}
		}
		return new Report(outcomes);
	}

	/** Whether the field read matches the expected one ({@link Scoring}). */
	static boolean matches(String field, JsonNode want, ParsedNote got) {
		return switch (field) {
			case "doc_type" -> Scoring.equal(text(want), got.docType() == null ? null : got.docType().code());
			case "language" -> Scoring.equal(text(want), got.language());
			case "reference" -> nullOr(want, got.reference()) && Scoring.sameReference(text(want), got.reference());
			case "in_reply_to" -> Scoring.sameCitations(text(want), got.inReplyTo());
			case "date" -> Objects.equals(text(want), got.date() == null ? null : got.date().toString());
			case "place" -> Scoring.similar(text(want), got.place());
			case "sender" -> Scoring.similar(text(want), got.sender());
			case "recipient" -> Scoring.similar(text(want), got.recipient());
			case "recipient_head" -> Scoring.similar(text(want), got.recipientHead());
			case "enclosures" -> Scoring.sameEnclosures(authors(want), got.enclosures().stream().map(Enclosure::author).toList());
			case "requested_action" -> Scoring.summaryMatches(text(want), got.requestedAction());
			case "highest_destination" -> want.asBoolean(false) == got.highestDestination();
			case "confidential" -> want.asBoolean(false) == got.confidential();
			default -> throw new IllegalArgumentException("Unknown field " + field);
		};
	}

	private static boolean nullOr(JsonNode want, String got) {
		return (text(want) == null) == (got == null || got.isBlank());
	}

	private static List<String> authors(JsonNode enclosures) {
		List<String> authors = new ArrayList<>();
		for (JsonNode e : enclosures.isArray() ? enclosures.values() : List.<JsonNode>of()) {
			authors.add(text(e.path("author")));
		}
		return authors;
	}

	private static Object value(ParsedNote note, String field) {
		return switch (field) {
			case "doc_type" -> note.docType() == null ? null : note.docType().code();
			case "language" -> note.language();
			case "reference" -> note.reference();
			case "in_reply_to" -> note.inReplyTo();
			case "date" -> note.date();
			case "place" -> note.place();
			case "sender" -> note.sender();
			case "recipient" -> note.recipient();
			case "recipient_head" -> note.recipientHead();
			case "enclosures" -> note.enclosures().stream().map((e) -> "[" + e.author() + " | " + e.title() + "]").toList();
			case "requested_action" -> note.requestedAction();
			case "highest_destination" -> note.highestDestination();
			case "confidential" -> note.confidential();
			default -> throw new IllegalArgumentException("Unknown field " + field);
		};
	}

	private static String show(JsonNode want) {
		if (want.isArray()) {
			List<String> items = new ArrayList<>();
			for (JsonNode e : want.values()) {
				items.add("[" + text(e.path("author")) + " | " + text(e.path("title")) + "]");
			}
			return items.toString();
		}
		return want.isNull() || want.isMissingNode() ? null : want.asString();
	}

	private static String text(JsonNode node) {
		return node == null || node.isNull() || node.isMissingNode() ? null : node.asString();
	}

}
