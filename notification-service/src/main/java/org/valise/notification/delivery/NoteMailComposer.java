package org.valise.notification.delivery;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.valise.notification.event.NoteEscalated;
import org.valise.notification.event.NoteFields;
import org.valise.notification.event.NoteRouted;
import org.valise.notification.event.Office;

import org.springframework.web.util.HtmlUtils;

/**
 * Writes the e-mail for a routed note (or for an escalation notice about it): registry number, why this office, the
 * extracted fields, how to acknowledge (the signed one-click link, or the API), and the note's full text as received
 * (any script).
 */
class NoteMailComposer {

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
		NoteFields note = (routed.note() != null) ? routed.note() : emptyFields();
		Office recipient = (escalation != null) ? escalation.escalatedTo() : routed.destination();
		String office = officeName(recipient);
		String subject = ((escalation != null) ? "[ESCALATED] " : "") + "[" + routed.registryNumber() + "] "
				+ kind(note) + ((note.reference() != null) ? " No. " + note.reference() : "") + " from "
				+ ((note.sender() != null) ? note.sender() : "an unknown sender") + " — for " + office;
		String ackUrl = stripSlash(this.publicUrl.toString()) + "/api/v1/notes/" + routed.noteId()
				+ "/acknowledgements";
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
		NoteRouted.Explanation why = (routed.explanation() != null) ? routed.explanation()
				: new NoteRouted.Explanation(null, null, List.of());
		List<String> evidence = (why.evidence() != null) ? why.evidence() : List.of();
		String intro;
		if (escalation != null) {
			intro = "This note was routed to " + officeName(escalation.destination()) + " and was not acknowledged by "
					+ escalation.missedDeadline() + ": it is escalated to " + office + " (level " + escalation.level()
					+ "), which is asked to see that it is acted upon and to acknowledge it.";
		}
		else {
			intro = routed.triaged()
					? "No routing rule could decide where this note goes: it was sent to " + office + " for triage."
					: "The registry routed this note to " + office + ", which is asked to act on it and acknowledge it.";
		}
		Sections sections = new Sections(intro, summary, why, evidence, fields, enclosures(note),
				acknowledgementHowTo(ackUrl, routed, acknowledgementLink), acknowledgementLink,
				fullText(routed, text, textOmitted));
		return new NoteMail(subject, text(sections), html(subject, sections));
	}

	private static String text(Sections s) {
		StringBuilder out = new StringBuilder(s.intro()).append("\n\n");
		s.summary().forEach((label, value) -> out.append(label).append(": ").append(orDash(value)).append('\n'));
		out.append("\nWHY THIS OFFICE\nRule: ").append(orDash(s.why().rule())).append('\n');
		out.append("Summary: ").append(orDash(s.why().summary())).append('\n');
		s.evidence().forEach((quote) -> out.append("Evidence: “").append(quote).append("”\n"));
		out.append("\nTHE NOTE\n");
		s.fields().forEach((label, value) -> out.append(label).append(": ").append(orDash(value)).append('\n'));
		s.enclosures().forEach((enclosure) -> out.append("Enclosure: ").append(enclosure).append('\n'));
		out.append("\nHOW TO ACKNOWLEDGE\n").append(s.howTo()).append('\n');
		out.append("\nFULL TEXT\n----------\n").append(s.fullText()).append("\n----------\n");
		return out.toString();
	}

	private static String html(String subject, Sections s) {
		StringBuilder out = new StringBuilder("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>")
			.append(escape(subject))
			.append("</title></head><body>\n<p>")
			.append(escape(s.intro()))
			.append("</p>\n");
		table(out, s.summary());
		out.append("<h2>Why this office</h2>\n<p><b>Rule:</b> ").append(escape(orDash(s.why().rule())));
		out.append("<br><b>Summary:</b> ").append(escape(orDash(s.why().summary()))).append("</p>\n");
		s.evidence().forEach((quote) -> out.append("<blockquote>").append(escape(quote)).append("</blockquote>\n"));
		out.append("<h2>The note</h2>\n");
		table(out, s.fields());
		if (!s.enclosures().isEmpty()) {
			out.append("<p><b>Enclosures</b></p><ul>");
			s.enclosures().forEach((enclosure) -> out.append("<li>").append(escape(enclosure)).append("</li>"));
			out.append("</ul>\n");
		}
		out.append("<h2>How to acknowledge</h2>\n");
		if (s.link() != null) {
			out.append("<p><a href=\"").append(escape(s.link().toString())).append("\">Acknowledge receipt</a></p>\n");
		}
		out.append("<pre>").append(escape(s.howTo())).append("</pre>\n");
		out.append("<h2>Full text</h2>\n<pre style=\"white-space: pre-wrap\">")
			.append(escape(s.fullText()))
			.append("</pre>\n</body></html>\n");
		return out.toString();
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

	private static void table(StringBuilder out, Map<String, String> rows) {
		out.append("<table>\n");
		rows.forEach((label, value) -> out.append("<tr><th align=\"left\">")
			.append(escape(label))
			.append("</th><td>")
			.append(escape(orDash(value)))
			.append("</td></tr>\n"));
		out.append("</table>\n");
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

	/** The parts every rendering of the mail shows, in order. */
	private record Sections(String intro, Map<String, String> summary, NoteRouted.Explanation why,
			List<String> evidence, Map<String, String> fields, List<String> enclosures, String howTo, URI link,
			String fullText) {
	}

	private static String escape(String text) {
		return HtmlUtils.htmlEscape(text, "UTF-8");
	}

}
