package org.valise.notification.delivery;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.valise.notification.ValiseProperties;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

/**
 * Sends notes' e-mails over SMTP as multipart/alternative (plain text and HTML, UTF-8), several over one connection.
 * Each e-mail's {@code Message-ID} is derived from its delivery id, the same on every attempt
 * ({@code <delivery-id@domain of valise.mail.from>}): a mail system that received an attempt already recognises a
 * later one as the same message.
 */
@Component
class NoteMailer implements DisposableBean {

	private static final String UTF_8 = StandardCharsets.UTF_8.name();

	/** A connection idle this long is asked whether it is still open before it is used again. */
	private static final Duration IDLE_CHECK = Duration.ofSeconds(30);

	/** E-mails over one connection before it is closed (some servers refuse more: Exchange's default is 20). */
	private static final int MAX_PER_CONNECTION = 20;

	private final JavaMailSenderImpl sender;

	private final SmtpConnections connections;

	private final String from;

	private final String domain;

	NoteMailer(JavaMailSenderImpl sender, ValiseProperties properties, MeterRegistry meters) {
		MailStreams.pin();
		this.sender = sender;
		this.connections = new SmtpConnections(sender, IDLE_CHECK, MAX_PER_CONNECTION, meters, System::nanoTime);
		this.from = properties.mail().from();
		int at = this.from.lastIndexOf('@');
		this.domain = (at >= 0 && at < this.from.length() - 1) ? this.from.substring(at + 1) : "valise.invalid";
	}

	/** The Message-ID of a delivery's e-mails (RFC 5322 msg-id). */
	String messageId(String deliveryId) {
		return "<" + deliveryId + "@" + this.domain + ">";
	}

	/**
	 * The e-mail of one delivery.
	 * @throws MessagingException when it cannot be written (e.g. an invalid address)
	 */
	MimeMessage message(DeliveryJob job, NoteMail mail, InternetAddress to) throws MessagingException {
		MimeMessage message = new StableIdMessage(this.sender.getSession(), messageId(job.deliveryId()));
		message.setFrom(new InternetAddress(this.from, true));
		message.setRecipient(Message.RecipientType.TO, to);
		message.setSubject(mail.subject(), UTF_8);
		message.setHeader("X-Valise-Note-Id", job.noteId().toString());
		if (job.registryNumber() != null) {
			message.setHeader("X-Valise-Registry-Number", job.registryNumber());
		}
		message.setHeader("X-Valise-Delivery-Id", job.deliveryId());
		if ("HIGH".equals(job.priority()) || "URGENT".equals(job.priority())) {
			message.setHeader("Importance", "high");
			message.setHeader("X-Priority", "1");
		}
		MimeBodyPart text = new MimeBodyPart();
		text.setText(mail.text(), UTF_8, "plain");
		MimeBodyPart html = new MimeBodyPart();
		html.setText(mail.html(), UTF_8, "html");
		MimeMultipart alternative = new MimeMultipart("alternative");
		alternative.addBodyPart(text);
		alternative.addBodyPart(html);
		message.setContent(alternative);
		return message;
	}

	/**
	 * Sends the e-mails over one SMTP connection, kept open for the next ones ({@link SmtpConnections}).
	 * @return the e-mails the server did not accept, with why; empty when it accepted them all
	 */
	Map<MimeMessage, Exception> send(List<MimeMessage> messages) {
		return messages.isEmpty() ? Map.of() : this.connections.send(messages);
	}

	@Override
	public void destroy() {
		this.connections.close();
	}

	/** A message whose Message-ID is set, not generated when it is saved. */
	private static final class StableIdMessage extends MimeMessage {

		private final String messageId;

		StableIdMessage(Session session, String messageId) {
			super(session);
			this.messageId = messageId;
		}

		@Override
		protected void updateMessageID() throws MessagingException {
			setHeader("Message-ID", this.messageId);
		}

	}

}
