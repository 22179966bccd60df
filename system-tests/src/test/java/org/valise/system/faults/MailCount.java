package org.valise.system.faults;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * Counts the e-mails the offices received per delivery — the one place that decides which e-mails are copies of one
 * delivery. An e-mail names its delivery by, in order of preference: an {@code X-Valise-Delivery-Id} header; a stable
 * {@code Message-ID} (one derived from the delivery, so that every attempt at that delivery carries the same one); or
 * else its note ({@code X-Valise-Note-Id}, or the registry number of the subject), its recipient and whether it is an
 * escalation notice. The {@code Message-ID} Jakarta Mail makes up by itself for every message sent
 * ({@code <hash.counter.millis@host>}) is new at each attempt, so it names nothing and is not used.
 */
final class MailCount {

	/** The shape of the Message-ID Jakarta Mail generates when the sender sets none (UniqueValue). */
	private static final Pattern GENERATED_MESSAGE_ID = Pattern.compile("<?-?\\d+\\.\\d+\\.\\d+@[^>]*>?");

	private static final Pattern REGISTRY_NUMBER = Pattern.compile("\\[([A-Z]+/\\d{4}/\\d+)\\]");

	/** One e-mail's delivery: the note it is about (id, else registry number) and what names the delivery. */
	record Delivery(String note, String identity) {

		/** Whether the e-mail itself names its delivery (delivery id or stable Message-ID), rather than the harness. */
		boolean namedByTheEmail() {
			return this.identity.startsWith("delivery ") || this.identity.startsWith("message-id ");
		}

	}

	private final Map<Delivery, Integer> counts = new ConcurrentHashMap<>();

	/** Counts one e-mail the SMTP server received. */
	void count(MimeMessage message) {
		this.counts.merge(deliveryOf(message), 1, Integer::sum);
	}

	/** E-mails received in all. */
	int total() {
		return this.counts.values().stream().mapToInt(Integer::intValue).sum();
	}

	/** Copies beyond the first, per note (note id, or registry number when the e-mail carries no id). */
	Map<String, Integer> duplicatesByNote() {
		return this.counts.entrySet()
			.stream()
			.filter((entry) -> entry.getValue() > 1)
			.collect(Collectors.toMap((entry) -> entry.getKey().note(), (entry) -> entry.getValue() - 1, Integer::sum));
	}

	/** Of those copies, the ones that carry the same delivery id or stable Message-ID as the first, per note. */
	Map<String, Integer> namedDuplicatesByNote() {
		return this.counts.entrySet()
			.stream()
			.filter((entry) -> entry.getValue() > 1 && entry.getKey().namedByTheEmail())
			.collect(Collectors.toMap((entry) -> entry.getKey().note(), (entry) -> entry.getValue() - 1, Integer::sum));
	}

	/** E-mails received per note. */
	Map<String, Integer> byNote() {
		return this.counts.entrySet()
			.stream()
			.collect(Collectors.toMap((entry) -> entry.getKey().note(), Map.Entry::getValue, Integer::sum));
	}

	static Delivery deliveryOf(MimeMessage message) {
		try {
			String note = header(message, "X-Valise-Note-Id");
			if (note == null) {
				Matcher number = REGISTRY_NUMBER.matcher(String.valueOf(message.getSubject()));
				note = number.find() ? number.group(1) : "unknown";
			}
			String deliveryId = header(message, "X-Valise-Delivery-Id");
			if (deliveryId != null) {
				return new Delivery(note, "delivery " + deliveryId);
			}
			String messageId = header(message, "Message-ID");
			if (messageId != null && !GENERATED_MESSAGE_ID.matcher(messageId.trim()).matches()) {
				return new Delivery(note, "message-id " + messageId.trim());
			}
			Address[] to = message.getAllRecipients();
			String recipients = (to != null)
					? Arrays.stream(to).map(Address::toString).sorted().collect(Collectors.joining(",")) : "";
			String subject = String.valueOf(message.getSubject());
			return new Delivery(note, "to " + recipients + (subject.startsWith("[ESCALATED]") ? " escalation" : ""));
		}
		catch (MessagingException ex) {
			throw new IllegalStateException("Unreadable e-mail", ex);
		}
	}

	private static String header(MimeMessage message, String name) throws MessagingException {
		String[] values = message.getHeader(name);
		return (values != null && values.length > 0 && !values[0].isBlank()) ? values[0] : null;
	}

}
