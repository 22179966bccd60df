package org.valise.notification.delivery;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.mail.javamail.JavaMailSenderImpl;

import static org.assertj.core.api.Assertions.assertThat;

class SmtpConnectionsTests {

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private final AtomicLong clock = new AtomicLong();

	private GreenMail server;

	private JavaMailSenderImpl sender;

	@BeforeEach
	void startTheServer() {
		this.server = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		this.server.start();
		this.sender = new JavaMailSenderImpl();
		this.sender.setHost("127.0.0.1");
		this.sender.setPort(this.server.getSmtp().getPort());
		this.sender.getJavaMailProperties().put("mail.smtp.timeout", "5000");
	}

	@AfterEach
	void stopTheServer() {
		this.server.stop();
	}

	@Test
	void sendsOneSessionAfterAnotherOverTheConnectionItKeptOpen() {
		SmtpConnections connections = connections(20);

		for (int session = 0; session < 3; session++) {
			assertThat(connections.send(messages(2))).isEmpty();
		}

		assertThat(this.server.getReceivedMessages()).hasSize(6);
		assertThat(opened()).isEqualTo(1);
		connections.close();
	}

	@Test
	void replacesOnceAConnectionTheServerDroppedWhileItWasKeptOpen() {
		SmtpConnections connections = connections(20);
		assertThat(connections.send(messages(1))).isEmpty();
		int port = this.server.getSmtp().getPort();
		this.server.stop();
		this.server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		this.server.start();

		Map<MimeMessage, Exception> failed = connections.send(messages(2));

		assertThat(failed).isEmpty();
		assertThat(this.server.getReceivedMessages()).hasSize(2);
		assertThat(opened()).isEqualTo(2);
		connections.close();
	}

	@Test
	void asksAConnectionIdleLongerThanTheCheckWhetherItIsStillOpen() {
		SmtpConnections connections = connections(20);
		assertThat(connections.send(messages(1))).isEmpty();
		this.clock.addAndGet(Duration.ofMinutes(1).toNanos());

		assertThat(connections.send(messages(1))).isEmpty();

		assertThat(this.server.getReceivedMessages()).hasSize(2);
		assertThat(opened()).as("still open: the NOOP was answered").isEqualTo(1);
		connections.close();
	}

	@Test
	void closesAConnectionOnceItCarriedItsLimit() {
		SmtpConnections connections = connections(3);

		assertThat(connections.send(messages(2))).isEmpty();
		assertThat(connections.send(messages(2))).isEmpty();
		assertThat(connections.send(messages(2))).isEmpty();

		assertThat(this.server.getReceivedMessages()).hasSize(6);
		assertThat(opened()).isEqualTo(2);
		connections.close();
	}

	@Test
	void reportsEveryEMailOfASessionAsNotSentWhenNoConnectionCanBeOpened() {
		SmtpConnections connections = connections(20);
		this.server.stop();

		List<MimeMessage> messages = messages(3);
		Map<MimeMessage, Exception> failed = connections.send(messages);

		assertThat(failed).containsOnlyKeys(messages);
		assertThat(failed.values()).allSatisfy((error) -> assertThat(error).isInstanceOf(MessagingException.class));
	}

	private SmtpConnections connections(int maxPerConnection) {
		return new SmtpConnections(this.sender, Duration.ofSeconds(30), maxPerConnection, this.meters, this.clock::get);
	}

	private double opened() {
		return this.meters.get("valise.mail.connections.opened").counter().count();
	}

	private List<MimeMessage> messages(int count) {
		return IntStream.range(0, count).mapToObj((i) -> {
			try {
				MimeMessage message = new MimeMessage(this.sender.getSession());
				message.setFrom(new InternetAddress("registry@valise.example.org"));
				message.setRecipient(Message.RecipientType.TO, new InternetAddress("odg@iom.example.org"));
				message.setSubject("Note " + i, "UTF-8");
				message.setText("Text " + i, "UTF-8");
				return message;
			}
			catch (MessagingException ex) {
				throw new IllegalStateException(ex);
			}
		}).toList();
	}

}
