package org.valise.notification.delivery;

import java.time.Duration;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingDeque;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.function.LongSupplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.util.StringUtils;

/**
 * SMTP connections kept open between batches: an e-mail goes out on a connection already open (no TCP handshake,
 * EHLO, STARTTLS or AUTH per batch, and no write-timeout thread per connection: Angus Mail starts one for each).
 * Connections are taken by the mail lane's threads and given back after their session, so at most one per thread is
 * open. One idle for longer than {@code idleCheck} is asked whether it is still there (NOOP) before use; one that fails
 * before sending anything of its session (a server that dropped it) is replaced once; a connection is closed after
 * {@code maxPerConnection} e-mails, for servers that limit them.
 */
final class SmtpConnections {

	private static final Logger log = LoggerFactory.getLogger(SmtpConnections.class);

	private final JavaMailSenderImpl sender;

	private final Duration idleCheck;

	private final int maxPerConnection;

	private final LongSupplier nanoTime;

	private final BlockingDeque<Connection> idle = new LinkedBlockingDeque<>();

	private final Counter opened;

	private volatile boolean closed;

	SmtpConnections(JavaMailSenderImpl sender, Duration idleCheck, int maxPerConnection, MeterRegistry meters,
			LongSupplier nanoTime) {
		this.sender = sender;
		this.idleCheck = idleCheck;
		this.maxPerConnection = Math.max(1, maxPerConnection);
		this.nanoTime = nanoTime;
		this.opened = Counter.builder("valise.mail.connections.opened")
			.description("SMTP connections opened (kept open and reused between batches)")
			.register(meters);
		Gauge.builder("valise.mail.connections.idle", this.idle, BlockingDeque::size)
			.description("SMTP connections open and waiting for the next e-mails")
			.register(meters);
	}

	/**
	 * Sends the e-mails in one session, on a connection kept open for the next one.
	 * @return the e-mails the server did not accept, with why; empty when it accepted them all
	 */
	Map<MimeMessage, Exception> send(List<MimeMessage> messages) {
		Map<MimeMessage, Exception> failed = new LinkedHashMap<>();
		Connection connection = null;
		boolean replaced = false;
		for (int i = 0; i < messages.size(); i++) {
			MimeMessage message = messages.get(i);
			try {
				if (connection == null) {
					connection = take();
				}
			}
			catch (MessagingException ex) {
				messages.subList(i, messages.size()).forEach((unsent) -> failed.put(unsent, ex));
				break;
			}
			try {
				send(connection, message);
			}
			catch (SendFailedException ex) {
				// This e-mail refused (its sender or recipients): the connection goes on.
				failed.put(message, ex);
			}
			catch (MessagingException ex) {
				boolean stale = connection.reused && connection.sentInSession == 0 && !replaced;
				discard(connection);
				connection = null;
				if (stale) {
					log.debug("An SMTP connection kept open failed before its first e-mail ({}): once on a new one",
							ex.getMessage());
					replaced = true;
					i--;
					continue;
				}
				failed.put(message, ex);
			}
		}
		if (connection != null) {
			release(connection);
		}
		return failed;
	}

	/** Closes the connections kept open; connections given back later are closed too. */
	void close() {
		this.closed = true;
		Connection connection;
		while ((connection = this.idle.poll()) != null) {
			discard(connection);
		}
	}

	private void send(Connection connection, MimeMessage message) throws MessagingException {
		// As JavaMailSenderImpl does: a sent date, the headers updated, the Message-ID kept.
		if (message.getSentDate() == null) {
			message.setSentDate(new Date());
		}
		String messageId = message.getMessageID();
		message.saveChanges();
		if (messageId != null) {
			message.setHeader("Message-ID", messageId);
		}
		Address[] recipients = message.getAllRecipients();
		connection.transport.sendMessage(message, (recipients != null) ? recipients : new Address[0]);
		connection.sentInSession++;
		connection.sent++;
	}

	private Connection take() throws MessagingException {
		Connection connection;
		while ((connection = this.idle.pollFirst()) != null) {
			long idleNanos = this.nanoTime.getAsLong() - connection.idleSince;
			// SMTPTransport.isConnected() asks the server (NOOP).
			if (idleNanos < this.idleCheck.toNanos() || connection.transport.isConnected()) {
				connection.reused = true;
				connection.sentInSession = 0;
				return connection;
			}
			discard(connection);
		}
		return open();
	}

	private Connection open() throws MessagingException {
		// The protocol as JavaMailSenderImpl finds it: its own, the session's, else smtp.
		String protocol = (this.sender.getProtocol() != null) ? this.sender.getProtocol()
				: this.sender.getSession().getProperty("mail.transport.protocol");
		Transport transport = this.sender.getSession().getTransport((protocol != null) ? protocol : "smtp");
		String username = StringUtils.hasLength(this.sender.getUsername()) ? this.sender.getUsername() : null;
		String password = (username != null) ? this.sender.getPassword() : null;
		transport.connect(this.sender.getHost(), this.sender.getPort(), username, password);
		this.opened.increment();
		return new Connection(transport);
	}

	private void release(Connection connection) {
		if (this.closed || connection.sent >= this.maxPerConnection) {
			discard(connection);
			return;
		}
		connection.idleSince = this.nanoTime.getAsLong();
		// Most recently used first: the others age out and are checked, or closed by the server.
		this.idle.offerFirst(connection);
	}

	private static void discard(Connection connection) {
		try {
			connection.transport.close();
		}
		catch (MessagingException ex) {
			log.debug("Closing an SMTP connection: {}", ex.getMessage());
		}
	}

	/** An open connection and what it sent. */
	private static final class Connection {

		private final Transport transport;

		private long idleSince;

		private boolean reused;

		private int sentInSession;

		private int sent;

		Connection(Transport transport) {
			this.transport = transport;
		}

	}

}
