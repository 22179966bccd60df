package org.valise.notification.delivery;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.util.StreamProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MailStreamsTests {

	private static final String PROPERTY = StreamProvider.class.getName();

	@AfterEach
	void pinAgain() {
		System.clearProperty(PROPERTY);
		MailStreams.pin();
	}

	@Test
	void pinsAngusMailsStreamProviderSoThatALookupFindsItByName() throws Exception {
		System.clearProperty(PROPERTY);

		assertThat(MailStreams.pin()).isTrue();

		assertThat(System.getProperty(PROPERTY)).isEqualTo(MailStreams.ANGUS_PROVIDER);
		assertThat(StreamProvider.provider().getClass().getName()).isEqualTo(MailStreams.ANGUS_PROVIDER);
		MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
		message.setSubject("Note verbale n° 2026/105 — Genève", "UTF-8");
		message.setText("Texte de la note, accentué.", "UTF-8");
		ByteArrayOutputStream written = new ByteArrayOutputStream();
		message.writeTo(written);
		MimeMessage read = new MimeMessage(Session.getInstance(new Properties()),
				new ByteArrayInputStream(written.toByteArray()));
		assertThat(written.toString(StandardCharsets.US_ASCII)).contains("Subject: =?UTF-8?");
		assertThat(read.getSubject()).isEqualTo("Note verbale n° 2026/105 — Genève");
		assertThat(read.getContent()).isEqualTo("Texte de la note, accentué.");
	}

	@Test
	void leavesAProviderAnOperatorNamedAlone() {
		System.setProperty(PROPERTY, "org.example.OperatorsStreamProvider");

		assertThat(MailStreams.pin()).isFalse();

		assertThat(System.getProperty(PROPERTY)).isEqualTo("org.example.OperatorsStreamProvider");
	}

}
