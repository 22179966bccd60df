package org.valise.notification.delivery;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.valise.notification.event.NoteRouted;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The e-mails of one batch of jobs: each written from its job ({@link NoteMailComposer}), then sent in as many SMTP
 * sessions as the mail lane allows, several e-mails per session.
 */
final class MailSends {

	private final NoteMailComposer composer;

	private final NoteMailer mailer;

	private final OfficeLanes lanes;

	private final JsonMapper json;

	MailSends(NoteMailComposer composer, NoteMailer mailer, OfficeLanes lanes, JsonMapper json) {
		this.composer = composer;
		this.mailer = mailer;
		this.lanes = lanes;
		this.json = json;
	}

	/**
	 * Sends the e-mails of the jobs.
	 * @param links each job's signed acknowledgement link
	 * @return each job's outcome, once known
	 */
	Map<DeliveryJob, CompletableFuture<AttemptOutcome>> send(List<DeliveryJob> jobs, Map<DeliveryJob, URI> links) {
		Map<DeliveryJob, CompletableFuture<AttemptOutcome>> outcomes = new LinkedHashMap<>();
		Map<MimeMessage, DeliveryJob> messages = new LinkedHashMap<>();
		for (DeliveryJob job : jobs) {
			try {
				messages.put(message(job, links.get(job)), job);
			}
			catch (RefusedMail ex) {
				outcomes.put(job, CompletableFuture.completedFuture(AttemptOutcome.permanent(ex.getMessage())));
			}
		}
		List<List<MimeMessage>> sessions = split(new ArrayList<>(messages.keySet()), this.lanes.mailThreads());
		for (List<MimeMessage> session : sessions) {
			CompletableFuture<Map<MimeMessage, Exception>> sent = this.lanes.mail(() -> this.mailer.send(session));
			for (MimeMessage message : session) {
				outcomes.put(messages.get(message), sent.thenApply((failed) -> {
					Exception error = failed.get(message);
					return (error == null) ? AttemptOutcome.delivered()
							: AttemptOutcome.retriable("SMTP: " + error.getClass().getSimpleName()
									+ ((error.getMessage() != null) ? " " + error.getMessage() : ""));
				}));
			}
		}
		return outcomes;
	}

	private MimeMessage message(DeliveryJob job, URI link) {
		InternetAddress address;
		try {
			address = new InternetAddress(job.address(), true);
		}
		catch (AddressException ex) {
			throw new RefusedMail("invalid e-mail address " + job.address());
		}
		if (job.routed() == null) {
			throw new RefusedMail("the note's routing is not known");
		}
		NoteRouted routed;
		try {
			routed = this.json.treeToValue(job.routed(), NoteRouted.class);
		}
		catch (JacksonException ex) {
			throw new RefusedMail("unreadable routing: " + ex.getClass().getSimpleName());
		}
		NoteMail mail = this.composer.compose(routed, job.text(), job.textOmitted(), link, job.escalation(),
				DeliveryJob.COPY.equals(job.purpose()) ? job.office() : null);
		try {
			return this.mailer.message(job, mail, address);
		}
		catch (MessagingException ex) {
			throw new RefusedMail("the e-mail cannot be written: " + ex.getClass().getSimpleName());
		}
	}

	/** The messages in at most {@code parts} lists of near-equal size. */
	private static List<List<MimeMessage>> split(List<MimeMessage> messages, int parts) {
		List<List<MimeMessage>> split = new ArrayList<>();
		int count = Math.min(Math.max(1, parts), messages.size());
		for (int i = 0; i < count; i++) {
			split.add(new ArrayList<>());
		}
		for (int i = 0; i < messages.size(); i++) {
			split.get(i % count).add(messages.get(i));
		}
		return split;
	}

	/** An e-mail no attempt can send. */
	private static final class RefusedMail extends RuntimeException {

		RefusedMail(String message) {
			super(message, null, false, false);
		}

	}

}
