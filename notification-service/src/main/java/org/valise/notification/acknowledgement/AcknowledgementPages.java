package org.valise.notification.acknowledgement;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import org.valise.notification.event.NoteFields;
import org.valise.notification.tracking.NoteTracking;

/**
 * The pages of the signed acknowledgement link, from the Thymeleaf templates {@code templates/acknowledgement/}: the
 * confirmation page (what is acknowledged, for which office, until when, and a form that posts back to the link) and
 * the page saying it is done. This class chooses what the pages show; the templates lay it out and escape every value
 * (the note's fields come from its sender).
 */
final class AcknowledgementPages {

	// Built once: the engine is thread-safe and caches the parsed templates.
	private static final TemplateEngine TEMPLATES = templates();

	private final int maxName;

	private final int maxComment;

	/**
	 * @param maxName the longest name accepted, in characters (the form says so)
	 * @param maxComment the longest comment accepted
	 */
	AcknowledgementPages(int maxName, int maxComment) {
		this.maxName = maxName;
		this.maxComment = maxComment;
	}

	/** The page a GET of the link shows: it acknowledges nothing, its form posts to the link. */
	String confirmation(AcknowledgementLinks.LinkClaims claims, NoteTracking tracking) {
		List<Row> rows = new ArrayList<>();
		rows.add(new Row("For", claims.office()));
		NoteFields note = tracking.note();
		if (note != null) {
			rows.add(new Row("Reference", note.reference()));
			rows.add(new Row("Date", (note.date() != null) ? note.date().toString() : null));
			rows.add(new Row("Sender", note.sender()));
			rows.add(new Row("Subject", note.subject()));
		}
		rows.add(new Row("Status", String.valueOf(tracking.state())));
		rows.add(new Row("Acknowledge by", String.valueOf(tracking.acknowledgementDeadline())));
		Context model = new Context(Locale.ENGLISH);
		model.setVariable("registryNumber", tracking.registryNumber());
		model.setVariable("rows", rows);
		model.setVariable("maxName", this.maxName);
		model.setVariable("maxComment", this.maxComment);
		model.setVariable("office", claims.office());
		model.setVariable("expiresAt", claims.expiresAt().toString());
		return TEMPLATES.process("confirmation.html", model);
	}

	/** The page a browser's POST of the link answers: acknowledged, or recorded while the decision is pending. */
	String acknowledged(AcknowledgementAccepted accepted) {
		Context model = new Context(Locale.ENGLISH);
		model.setVariable("pending", AcknowledgementAccepted.PENDING.equals(accepted.status()));
		model.setVariable("note",
				(accepted.registryNumber() != null) ? accepted.registryNumber() : accepted.noteId().toString());
		model.setVariable("office", accepted.office());
		model.setVariable("acknowledgedBy", accepted.acknowledgedBy());
		return TEMPLATES.process("acknowledged.html", model);
	}

	private static TemplateEngine templates() {
		ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver(
				AcknowledgementPages.class.getClassLoader());
		resolver.setPrefix("templates/acknowledgement/");
		resolver.setCharacterEncoding(StandardCharsets.UTF_8.name());
		resolver.setTemplateMode(TemplateMode.HTML);
		resolver.setCheckExistence(true);
		TemplateEngine engine = new TemplateEngine();
		engine.setTemplateResolver(resolver);
		return engine;
	}

	/**
	 * A line of the confirmation page's table.
	 *
	 * @param label what it states
	 * @param value its value, or null (shown as '—')
	 */
	record Row(String label, String value) {
	}

}
