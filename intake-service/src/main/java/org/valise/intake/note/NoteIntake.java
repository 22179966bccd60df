package org.valise.intake.note;

import java.util.HashMap;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Service;
import org.valise.intake.parsing.DocType;
import org.valise.intake.parsing.NoteParser;
import org.valise.intake.parsing.ParsedNote;
import org.valise.intake.parsing.Span;

/**
 * Takes notes: understands them (raw text through the parser, its reading bounded by {@link ParsedBounds};
 * structured fields as given) and has {@link NoteAcceptance} publish {@link NoteReceived}, answering only once Kafka
 * has acknowledged it, so nothing accepted is lost; a retry with the same {@code Idempotency-Key} gets the same
 * answer, another submission with that key a 422.
 */
@Service
public class NoteIntake {

	private final NoteParser parser;

	private final NoteAcceptance acceptance;

	private final JsonMapper json;

	private final MeterRegistry meters;

	NoteIntake(NoteParser parser, NoteAcceptance acceptance, JsonMapper json, MeterRegistry meters) {
		this.parser = parser;
		this.acceptance = acceptance;
		this.json = json;
		this.meters = meters;
	}

	/** Understands the raw text of a note without accepting it (the parse endpoint): counted, publishes nothing. */
	public NoteFields parse(String text) {
		NoteFields fields = read(requireText(text));
		Counter.builder("valise.notes.parsed")
			.description("Notes read by the parse endpoint (nothing published)")
			.tag("doc_type", fields.docType().code())
			.register(this.meters)
			.increment();
		return fields;
	}

	private NoteFields read(String text) {
		return NoteFields.of(ParsedBounds.of(this.parser.parse(text)));
	}

	/**
	 * Accepts a note given as raw text.
	 * @param text the note's text, kept as received
	 * @param submittedBy the authenticated client
	 * @param idempotencyKey the client's idempotency key, or {@code null}
	 * @return the accepted note's event
	 * @throws InvalidNoteException when the text is blank
	 * @throws PublicationFailedException when Kafka did not acknowledge the note
	 */
	public NoteReceived acceptText(String text, String submittedBy, String idempotencyKey) {
		IdempotencyKey key = IdempotencyKey.of(idempotencyKey);
		String note = requireText(text);
		return this.acceptance.accept(new Submission(SubmissionFormat.TEXT, null, note, submittedBy, key,
				SubmissionDigest.of(SubmissionFormat.TEXT, null, note), Submission.once(() -> read(note))));
	}

	/**
	 * Accepts a note read from an uploaded file.
	 * @param fileName the uploaded file's name, or {@code null}
	 * @param text the text read from the file
	 * @param submittedBy the authenticated client
	 * @param idempotencyKey the client's idempotency key, or {@code null}
	 * @return the accepted note's event
	 */
	public NoteReceived acceptFile(String fileName, String text, String submittedBy, String idempotencyKey) {
		IdempotencyKey key = IdempotencyKey.of(idempotencyKey);
		String note = requireText(text);
		return this.acceptance.accept(new Submission(SubmissionFormat.FILE, fileName, note, submittedBy, key,
				SubmissionDigest.of(SubmissionFormat.FILE, fileName, note), Submission.once(() -> read(note))));
	}

	/**
	 * Checks an {@code Idempotency-Key} before any work is done on the submission it comes with.
	 * @throws InvalidNoteException naming {@code Idempotency-Key} when it is not 1 to 200 visible ASCII characters
	 */
	public void checkIdempotencyKey(String idempotencyKey) {
		IdempotencyKey.of(idempotencyKey);
	}

	/** Accepts a note given as structured fields, reading its text (if any) for the fields not given. */
	public NoteReceived acceptStructured(NoteSubmission submission, String submittedBy, String idempotencyKey) {
		IdempotencyKey key = IdempotencyKey.of(idempotencyKey);
		String text = submission.hasText() ? submission.text() : null;
		if (text == null) {
			requireSender(submission.sender());
		}
		return this.acceptance.accept(new Submission(SubmissionFormat.JSON, null, text, submittedBy, key,
				SubmissionDigest.of(SubmissionFormat.JSON, null, this.json.writeValueAsString(submission)),
				Submission.once(() -> structured(submission))));
	}

	private NoteFields structured(NoteSubmission submission) {
		NoteFields fields = merge(submission,
				submission.hasText() ? ParsedBounds.of(this.parser.parse(submission.text())) : null);
		requireSender(fields.sender());
		return fields;
	}

	private static void requireSender(String sender) {
		if (sender == null || sender.isBlank()) {
			throw new InvalidNoteException("sender",
					"is required: give it, or give the note's text so that it can be read from it");
		}
	}

	private static String requireText(String text) {
		if (text == null || text.isBlank()) {
			throw new InvalidNoteException("body", "is empty: send the note's text");
		}
		return text;
	}

	private static NoteFields merge(NoteSubmission given, ParsedNote parsed) {
		ParsedNote read = (parsed != null) ? parsed : NOTHING_READ;
		Map<String, Span> evidence = new HashMap<>();
		Map<String, Double> confidence = new HashMap<>();
		Picker pick = new Picker(read, evidence, confidence);
		DocType docType = (given.docType() != null) ? DocType.fromCode(given.docType())
				: (parsed != null) ? parsed.docType() : DocType.NOTE_VERBALE;
		if (given.docType() != null) {
			confidence.put("docType", 1.0);
		}
		else if (read.confidence().containsKey("docType")) {
			confidence.put("docType", read.confidence().get("docType"));
		}
		return new NoteFields(docType, pick.of("language", given.language(), read.language()),
				pick.of("reference", given.reference(), read.reference()),
				pick.of("inReplyTo", given.inReplyTo(), read.inReplyTo()), pick.of("date", given.date(), read.date()),
				pick.of("place", given.place(), read.place()), pick.of("sender", given.sender(), read.sender()),
				pick.of("recipient", given.recipient(), read.recipient()),
				pick.of("recipientHead", given.recipientHead(), read.recipientHead()),
				pick.of("enclosures", given.enclosures(), read.enclosures()),
				pick.of("requestedAction", given.requestedAction(), read.requestedAction()),
				pick.of("highestDestination", given.highestDestination(), read.highestDestination()),
				pick.of("confidential", given.confidential(), read.confidential()), read.scripts(),
				pick.of("subject", given.subject(), read.subject()), evidence, confidence);
	}

	private static final ParsedNote NOTHING_READ = new ParsedNote(null, null, null, null, null, null, null, null,
			null, null, null, false, false, null, null, null);

	/**
	 * The given value wins, sure (confidence 1); a value read from the text brings its evidence and confidence
	 * along.
	 */
	private record Picker(ParsedNote read, Map<String, Span> evidence, Map<String, Double> confidence) {

		<T> T of(String field, T given, T parsed) {
			if (given != null) {
				this.confidence.put(field, 1.0);
				return given;
			}
			Span span = this.read.evidence().get(field);
			if (span != null) {
				this.evidence.put(field, span);
			}
			Double sure = this.read.confidence().get(field);
			if (sure != null) {
				this.confidence.put(field, sure);
			}
			return parsed;
		}

	}

}
