package org.valise.system.faults;

import java.util.Properties;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How the fault suite tells a second copy of one delivery from another e-mail ({@link MailCount}).
 */
class MailCountTests {

	private static final Session SESSION = Session.getInstance(new Properties());

	@Test
	void countsASecondEmailOfTheSameNoteToTheSameOfficeAsACopy() throws Exception {
		MailCount count = new MailCount();

		count.count(email("note-1", "dmm@iom.example.org", "[IN/2026/000001] Note No. 1 from X — for DMM", null));
		count.count(email("note-1", "dmm@iom.example.org", "[IN/2026/000001] Note No. 1 from X — for DMM", null));
		count.count(email("note-2", "dmm@iom.example.org", "[IN/2026/000002] Note No. 2 from X — for DMM", null));

		assertThat(count.duplicatesByNote()).containsExactly(java.util.Map.entry("note-1", 1));
		assertThat(count.total()).isEqualTo(3);
	}

	@Test
	void countsEveryEmailWithTheMessageIdJakartaMailMakesUpAsAMessageOfItsOwn() throws Exception {
		MimeMessage first = email("note-1", "odg@iom.example.org", "[IN/2026/000001] Letter", null);
		MimeMessage second = email("note-1", "odg@iom.example.org", "[IN/2026/000001] Letter", null);
		first.saveChanges();
		second.saveChanges();
		MailCount count = new MailCount();
		count.count(first);
		count.count(second);

		assertThat(first.getMessageID()).isNotEqualTo(second.getMessageID());
		assertThat(MailCount.stableMessageId(first)).isNull();
		assertThat(count.duplicatesByNote()).containsExactly(java.util.Map.entry("note-1", 1));
		assertThat(count.resentByNote()).isEmpty();
	}

	@Test
	void takesAResendWithTheSameStableMessageIdAsOneMessageAndADifferentOneAsADuplicate() throws Exception {
		MailCount count = new MailCount();

		count.count(email("note-1", "odg@iom.example.org", "[IN/2026/000001] Letter", "<delivery-a@valise.local>"));
		count.count(email("note-1", "odg@iom.example.org", "[IN/2026/000001] Letter", "<delivery-a@valise.local>"));
		count.count(email("note-2", "odg@iom.example.org", "[IN/2026/000002] Letter", "<delivery-b@valise.local>"));
		count.count(email("note-2", "odg@iom.example.org", "[IN/2026/000002] Letter", "<delivery-c@valise.local>"));

		assertThat(count.resentByNote()).containsExactly(java.util.Map.entry("note-1", 1));
		assertThat(count.duplicatesByNote()).containsExactly(java.util.Map.entry("note-2", 1));
		assertThat(count.total()).isEqualTo(4);
	}

	@Test
	void tellsAnInformationCopyToAnotherOfficeFromTheNote() throws Exception {
		MailCount count = new MailCount();

		count.count(email("note-1", "odg@iom.example.org", "[IN/2026/000001] Letter", "<d1@valise.local>"));
		count.count(email("note-1", "dmm@iom.example.org", "[COPY] [IN/2026/000001] Letter", "<d2@valise.local>"));

		assertThat(count.duplicatesByNote()).isEmpty();
		assertThat(count.byNote()).containsEntry("note-1", 2);
	}

	@Test
	void tellsAnEscalationNoticeFromTheNoteItself() throws Exception {
		MailCount count = new MailCount();

		count.count(email("note-1", "odg@iom.example.org", "[IN/2026/000001] Letter", null));
		count.count(email("note-1", "odg@iom.example.org", "[ESCALATED] [IN/2026/000001] Letter", null));

		assertThat(count.duplicatesByNote()).isEmpty();
	}

	@Test
	void fallsBackOnTheSubjectsRegistryNumberWithoutANoteIdHeader() throws Exception {
		MimeMessage message = email(null, "odg@iom.example.org", "[IN/2026/000123] Letter No. 5 from X", null);

		assertThat(MailCount.deliveryOf(message).note()).isEqualTo("IN/2026/000123");
	}

	private static MimeMessage email(String noteId, String to, String subject, String messageId) throws Exception {
		MimeMessage message = new MimeMessage(SESSION) {

			@Override
			protected void updateMessageID() throws jakarta.mail.MessagingException {
				if (messageId != null) {
					setHeader("Message-ID", messageId);
				}
				else {
					super.updateMessageID();
				}
			}

		};
		message.setFrom(new InternetAddress("registry@valise.local"));
		message.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
		message.setSubject(subject, "UTF-8");
		message.setText("text", "UTF-8");
		if (noteId != null) {
			message.setHeader("X-Valise-Note-Id", noteId);
		}
		if (messageId != null) {
			message.setHeader("Message-ID", messageId);
		}
		return message;
	}

}
