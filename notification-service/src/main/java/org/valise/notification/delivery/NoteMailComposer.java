package org.valise.notification.delivery;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import org.valise.notification.event.NoteEscalated;
import org.valise.notification.event.NoteFields;
import org.valise.notification.event.NoteRouted;
import org.valise.notification.event.Office;

/**
 * Writes the e-mail for a routed note (or for an escalation notice about it): registry number, why this office, the
 * extracted fields, how to acknowledge (the signed one-click link, or the API), and the note's full text as received
 * (any script). This class decides what the mail says; the templates {@code templates/mail/note.txt} (plain part) and
 * {@code note.html} (HTML part, every value escaped by Thymeleaf) lay it out, from the same model so both parts say
 * the same.
 */
class NoteMailComposer {

	private static final TemplateEngine TEMPLATES = templates();

	private final URI publicUrl;

	NoteMailComposer(URI publicUrl) {
		this.publicUrl = publicUrl;
	}

	NoteMail compose(NoteRouted routed, String text) {
		return compose(routed, text, false, null, null);
	}

	/**
	 * @param routed the routing in force
	 * @param text the note's text as received, or null
	 * @param textOmitted whether the text was left out (too large to be carried): the mail says where to read it
	 * @param acknowledgementLink the recipient office's signed one-click link, or null
	 * @param escalation the escalation this mail notifies, or null for the note's delivery to its destination
	 */
	NoteMail compose(NoteRouted routed, String text, boolean textOmitted, URI acknowledgementLink,
			NoteEscalated escalation) {
		return compose(routed, text, textOmitted, acknowledgementLink, escalation, null);
	}

	/**
	 * @param copyTo for an information copy, the office in copy it goes to (no acknowledgement is asked of it); else
	 * null
	 */
	NoteMail compose(NoteRouted routed, String text, boolean textOmitted, URI acknowledgementLink,
			NoteEscalated escalation, Office copyTo) {
		NoteFields note = (routed.note() != null) ? routed.note() : emptyFields();
		Office recipient = (copyTo != null) ? copyTo
				: (escalation != null) ? escalation.escalatedTo() : routed.destination();
		String office = officeName(recipient);
		String subject = ((copyTo != null) ? "[COPY] " : (escalation != null) ? "[ESCALATED] " : "") + "["
				+ routed.registryNumber() + "] "
				+ kind(note) + ((note.reference() != null) ? " No. " + note.reference() : "") + " from "
				+ ((note.sender() != null) ? note.sender() : "an unknown sender") + " — for " + office;
		String ackUrl = stripSlash(this.publicUrl.toString()) + "/api/v1/notes/" + routed.noteId()
				+ "/acknowledgements";
		NoteRouted.Explanation why = (routed.explanation() != null) ? routed.explanation()
				: new NoteRouted.Explanation(null, null, List.of());
		Context model = new Context(Locale.ENGLISH);
		model.setVariable("subject", subject);
		model.setVariable("intro",
				(copyTo != null) ? copyIntro(routed, copyTo, office) : intro(routed, escalation, office));
		model.setVariable("summary", summary(routed, recipient, office, escalation));
		model.setVariable("rule", orDash(why.rule()));
		model.setVariable("reason", orDash(why.summary()));
		model.setVariable("evidence", (why.evidence() != null) ? why.evidence() : List.of());
		model.setVariable("fields", fields(note));
		model.setVariable("enclosures", enclosures(note));
		model.setVariable("howTo", (copyTo != null)
				? "Nothing: an office in copy is informed; the acknowledgement is asked of "
						+ officeName(routed.destination()) + "."
				: acknowledgementHowTo(ackUrl, routed, acknowledgementLink));
		model.setVariable("link", (acknowledgementLink != null) ? acknowledgementLink.toString() : null);
		model.setVariable("fullText", fullText(routed, text, textOmitted));
		return new NoteMail(subject, TEMPLATES.process("note.txt", model), TEMPLATES.process("note.html", model));
	}

	// Built once: the engine is thread-safe and caches the parsed templates; the sender's lanes share it.
	private static TemplateEngine templates() {
		ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver(NoteMailComposer.class.getClassLoader());
		resolver.setPrefix("templates/mail/");
		resolver.setCharacterEncoding(StandardCharsets.UTF_8.name());
		resolver.setTemplateMode(TemplateMode.HTML);
		resolver.setTextTemplateModePatterns(Set.of("*.txt"));
		resolver.setCheckExistence(true);
		TemplateEngine engine = new TemplateEngine();
		engine.setTemplateResolver(resolver);
		return engine;
	}

	private static String intro(NoteRouted routed, NoteEscalated escalation, String office) {
		if (escalation != null) {
			return "This note was routed to " + officeName(escalation.destination()) + " and was not acknowledged by "
					+ escalation.missedDeadline() + ": it is escalated to " + office + " (level " + escalation.level()
					+ "), which is asked to see that it is acted upon and to acknowledge it.";
		}
		return routed.triaged()
				? "No routing rule could decide where this note goes: it was sent to " + office + " for triage."
				: "The registry routed this note to " + office + ", which is asked to act on it and acknowledge it.";
	}

	private static String copyIntro(NoteRouted routed, Office copyTo, String office) {
		String purpose = (routed.copies() != null) ? routed.copies()
			.stream()
			.filter((copy) -> copy.office() != null && copyTo.id().equalsIgnoreCase(copy.office().id()))
			.map(NoteRouted.Copy::purpose)
			.filter("ACTION"::equals)
			.findFirst()
			.map((action) -> "for action")
			.orElse("for information") : "for information";
		return "The registry routed this note to " + officeName(routed.destination()) + "; " + office
				+ " receives this copy " + purpose + ". No acknowledgement is asked of it.";
	}

	private static List<Row> summary(NoteRouted routed, Office recipient, String office, NoteEscalated escalation) {
		Map<String, String> summary = new LinkedHashMap<>();
		summary.put("Registry number", routed.registryNumber());
		summary.put("For", office + ((recipient != null) ? " (" + recipient.id() + ")" : ""));
		if (escalation != null) {
			summary.put("Escalation", "level " + escalation.level() + ", not acknowledged by "
					+ officeName(escalation.destination()) + " by " + escalation.missedDeadline());
		}
		summary.put("Priority", routed.priority());
		summary.put("Acknowledge by", String.valueOf(routed.acknowledgementDeadline()));
		summary.put("Copies", copies(routed.copies()));
		return rows(summary);
	}

	private static List<Row> fields(NoteFields note) {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("Document", note.docType());
		fields.put("Reference", note.reference());
		fields.put("In reply to", note.inReplyTo());
		fields.put("Date", (note.date() != null) ? note.date().toString() : null);
		fields.put("Place", note.place());
		fields.put("Sender", note.sender());
		fields.put("Recipient", note.recipient());
		fields.put("For the head", note.recipientHead());
		fields.put("Subject", note.subject());
		fields.put("Requested action", note.requestedAction());
		fields.put("Language", note.language());
		fields.put("Scripts", (note.scripts() != null) ? String.join(", ", note.scripts()) : null);
		fields.put("Confidential", note.confidential() ? "yes" : "no");
		return rows(fields);
	}

	private static List<Row> rows(Map<String, String> values) {
		List<Row> rows = new ArrayList<>();
		values.forEach((label, value) -> rows.add(new Row(label, orDash(value))));
		return rows;
	}

	private static String fullText(NoteRouted routed, String text, boolean omitted) {
		if (omitted) {
			return "(the text is too large to be sent by e-mail: the registry holds it, under " + routed.registryNumber()
					+ ", note " + routed.noteId() + ")";
		}
		return (text != null) ? text : "(no text was received: structured submission)";
	}

	private static String acknowledgementHowTo(String ackUrl, NoteRouted routed, URI link) {
		String oneClick = (link != null) ? "With one click (this link is for your office only and works once; "
				+ "it opens a page where you confirm):\n" + link + "\n\nOr through the API:\n" : "";
		return oneClick + "POST " + ackUrl + "\nAuthorization: Bearer <your office's token>\nContent-Type: application/json\n\n"
				+ "{\"acknowledgedBy\": \"<your name and title>\", \"comment\": \"optional\"}\n\n"
				+ "Please acknowledge by " + routed.acknowledgementDeadline() + ".";
	}

	private static List<String> enclosures(NoteFields note) {
		List<String> result = new ArrayList<>();
		if (note.enclosures() != null) {
			for (NoteFields.Enclosure enclosure : note.enclosures()) {
				result.add(orDash(enclosure.title()) + " — by " + orDash(enclosure.author()) + ", to "
						+ orDash(enclosure.addressee()));
			}
		}
		return result;
	}

	private static String copies(List<NoteRouted.Copy> copies) {
		if (copies == null || copies.isEmpty()) {
			return "none";
		}
		return String.join(", ", copies.stream()
			.map((copy) -> officeName(copy.office()) + " (" + copy.purpose() + ")")
			.toList());
	}

	private static String kind(NoteFields note) {
		if ("letter".equals(note.docType())) {
			return "Letter";
		}
		return "other".equals(note.docType()) ? "Document" : "Note";
	}

	private static String officeName(Office office) {
		return (office != null && office.name() != null) ? office.name() : "an unknown office";
	}

	private static NoteFields emptyFields() {
		return new NoteFields(null, null, null, null, null, null, null, null, null, List.of(), null, false, false,
				List.of(), null, Map.of());
	}

	private static String orDash(String value) {
		return (value == null || value.isBlank()) ? "—" : value;
	}

	private static String stripSlash(String url) {
		return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
	}

	/**
	 * A line of the mail's tables, its value already written for reading ('—' when missing).
	 *
	 * @param label what the line states
	 * @param value its value
	 */
	record Row(String label, String value) {
	}

}
