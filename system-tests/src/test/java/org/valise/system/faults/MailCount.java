package org.valise.system.faults;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ToIntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * Counts the e-mails the offices received per delivery — the one place that decides which e-mails are copies of one
 * delivery. A delivery is a note ({@code X-Valise-Note-Id}, or the registry number of the subject), its recipients and
 * what the e-mail is (the note, an escalation notice, an information copy). Within a delivery, e-mails that carry the
 * same stable {@code Message-ID} (one derived from the delivery, the same at every attempt) are one message to a
 * reader, whose mail client keeps one: a resend after the sender died between the server's copy and its {@code 250}.
 * E-mails with different Message-IDs — or with the one Jakarta Mail makes up by itself at every send
 * ({@code <hash.counter.millis@host>}), which names nothing — are seen apart: duplicates.
 */
final class MailCount {

	/** The shape of the Message-ID Jakarta Mail generates when the sender sets none (UniqueValue). */
	private static final Pattern GENERATED_MESSAGE_ID = Pattern.compile("<?-?\\d+\\.\\d+\\.\\d+@[^>]*>?");

	private static final Pattern REGISTRY_NUMBER = Pattern.compile("\\[([A-Z]+/\\d{4}/\\d+)\\]");

	/** One delivery: the note it is about (id, else registry number) and to whom, as what. */
	record Delivery(String note, String recipient) {
	}

	/** Per delivery, e-mails per stable Message-ID (an e-mail without one is a message of its own). */
	private final Map<Delivery, Map<String, Integer>> counts = new ConcurrentHashMap<>();

	private final AtomicLong unnamed = new AtomicLong();

	/** Counts one e-mail the SMTP server received. */
	void count(MimeMessage message) {
		String messageId = stableMessageId(message);
		String key = (messageId != null) ? messageId : "unnamed " + this.unnamed.incrementAndGet();
		this.counts.computeIfAbsent(deliveryOf(message), (delivery) -> new ConcurrentHashMap<>())
			.merge(key, 1, Integer::sum);
	}

	/** E-mails received in all. */
	int total() {
		return this.counts.values().stream().flatMap((ids) -> ids.values().stream()).mapToInt(Integer::intValue).sum();
	}

	/** Messages a reader sees apart beyond the first of each delivery, per note. */
	Map<String, Integer> duplicatesByNote() {
		return perNote((ids) -> ids.size() - 1);
	}

	/** E-mails resent with a Message-ID already received for their delivery (one message to a reader), per note. */
	Map<String, Integer> resentByNote() {
		return perNote((ids) -> ids.values().stream().mapToInt(Integer::intValue).sum() - ids.size());
	}

	/** E-mails received per note. */
	Map<String, Integer> byNote() {
		return perNote((ids) -> ids.values().stream().mapToInt(Integer::intValue).sum());
	}

	private Map<String, Integer> perNote(ToIntFunction<Map<String, Integer>> measure) {
		Map<String, Integer> result = new HashMap<>();
		this.counts.forEach((delivery, ids) -> {
			int value = measure.applyAsInt(ids);
			if (value > 0) {
				result.merge(delivery.note(), value, Integer::sum);
			}
		});
		return result;
	}

	static Delivery deliveryOf(MimeMessage message) {
		try {
			String note = header(message, "X-Valise-Note-Id");
			if (note == null) {
				Matcher number = REGISTRY_NUMBER.matcher(String.valueOf(message.getSubject()));
				note = number.find() ? number.group(1) : "unknown";
			}
			Address[] to = message.getAllRecipients();
			String recipients = (to != null)
					? Arrays.stream(to).map(Address::toString).sorted().collect(Collectors.joining(",")) : "";
			String subject = String.valueOf(message.getSubject());
			String kind = subject.startsWith("[ESCALATED]") ? " escalation" : subject.startsWith("[COPY]") ? " copy" : "";
			return new Delivery(note, recipients + kind);
		}
		catch (MessagingException ex) {
			throw new IllegalStateException("Unreadable e-mail", ex);
		}
	}

	/** The e-mail's Message-ID if the sender set it (not one Jakarta Mail made up), else null. */
	static String stableMessageId(MimeMessage message) {
		try {
			String messageId = header(message, "Message-ID");
			return (messageId != null && !GENERATED_MESSAGE_ID.matcher(messageId.trim()).matches()) ? messageId.trim()
					: null;
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
