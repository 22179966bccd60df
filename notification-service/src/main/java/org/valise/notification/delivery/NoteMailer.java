package org.valise.notification.delivery;

import java.nio.charset.StandardCharsets;

import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMultipart;
import org.valise.notification.ValiseProperties;
import org.valise.notification.event.NoteRouted;

import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Sends a note's e-mail over SMTP as multipart/alternative (plain text and HTML, UTF-8).
 */
@Component
class NoteMailer {

	private static final String UTF_8 = StandardCharsets.UTF_8.name();

	private final JavaMailSender sender;

	private final String from;

	NoteMailer(JavaMailSender sender, ValiseProperties properties) {
		this.sender = sender;
		this.from = properties.mail().from();
	}

	/**
	 * Sends the mail; returns once the SMTP server accepted it.
	 * @throws MailException when it did not
	 */
	void send(NoteMail mail, InternetAddress to, NoteRouted routed) {
		this.sender.send((message) -> {
			message.setFrom(new InternetAddress(this.from, true));
			message.setRecipient(Message.RecipientType.TO, to);
			message.setSubject(mail.subject(), UTF_8);
			message.setHeader("X-Valise-Note-Id", routed.noteId().toString());
			message.setHeader("X-Valise-Registry-Number", routed.registryNumber());
			if ("HIGH".equals(routed.priority()) || "URGENT".equals(routed.priority())) {
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
		});
	}

}
