package org.valise.kafka.dlq;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.kafka.common.header.Header;

/**
 * What {@code list} prints of a dead-letter topic: one line per dead letter (oldest first, the latest {@code max}),
 * then how many there are per error. Never any part of a value (notes are confidential): its size, or "omitted".
 * Keys and header values are printed with control characters replaced, so a hostile record cannot drive the
 * terminal.
 */
final class DeadLetterListing {

	private static final int MAX_TEXT = 80;

	private final ReplayLedger ledger;

	private final int max;

	private final boolean showHeaders;

	/**
	 * @param max how many dead letters to print per topic, the latest ones
	 * @param showHeaders whether to print each one's x-* headers
	 */
	DeadLetterListing(ReplayLedger ledger, int max, boolean showHeaders) {
		this.ledger = ledger;
		this.max = max;
		this.showHeaders = showHeaders;
	}

	List<String> lines(String topic, List<DeadLetter> deadLetters) {
		List<DeadLetter> ordered = deadLetters.stream()
			.sorted(Comparator.comparingLong(DeadLetter::timestamp)
				.thenComparingInt((DeadLetter d) -> d.position().partition())
				.thenComparingLong((DeadLetter d) -> d.position().offset()))
			.toList();
		List<String> lines = new ArrayList<>();
		int hidden = Math.max(0, ordered.size() - this.max);
		for (DeadLetter deadLetter : ordered.subList(hidden, ordered.size())) {
			lines.add(line(deadLetter));
			if (this.showHeaders) {
				for (Header header : deadLetter.headers()) {
					if (DeadLetterHeaders.isShown(header.key())) {
						lines.add("    " + printable(header.key()) + ": " + printable(header.value()));
					}
				}
			}
		}
		Map<String, Integer> perError = new TreeMap<>();
		deadLetters.forEach((deadLetter) -> perError.merge(deadLetter.error(), 1, Integer::sum));
		long replayed = deadLetters.stream().filter((d) -> this.ledger.markOf(d).isPresent()).count();
		lines.add(topic + ": " + deadLetters.size() + " dead letter" + ((deadLetters.size() == 1) ? "" : "s") + ", "
				+ replayed + " replayed" + ((hidden > 0) ? " (" + hidden + " earlier not shown: --max)" : ""));
		perError.forEach((error, count) -> lines.add(String.format("  %-24s %d", printable(error), count)));
		return lines;
	}

	String line(DeadLetter deadLetter) {
		String failedAt = deadLetter.header(DeadLetterHeaders.FAILED_AT);
		String value = deadLetter.omittedValueSize().map((size) -> "omitted (" + printable(size) + " B)")
			.orElse((deadLetter.value() == null) ? "none" : deadLetter.value().length + " B");
		String replayed = this.ledger.markOf(deadLetter)
			.map((mark) -> "yes (" + mark.replays() + "x, last to " + mark.replayedTo() + " at " + mark.replayedAt()
					+ ")")
			.orElse("no");
		return deadLetter.position() + "  from=" + printable(deadLetter.origin())
				+ "  failed-at=" + printable((failedAt != null) ? failedAt : "?")
				+ "  stage=" + quoted(deadLetter.header(DeadLetterHeaders.STAGE))
				+ "  error=" + printable(deadLetter.error())
				+ "  key=" + quoted(deadLetter.key())
				+ "  value=" + value
				+ "  replayed=" + replayed;
	}

	private static String quoted(String text) {
		String printable = printable(text);
		return printable.contains(" ") ? "\"" + printable + "\"" : printable;
	}

	private static String quoted(byte[] bytes) {
		return quoted((bytes == null) ? null : printable(bytes));
	}

	/** UTF-8 text without control characters, at most 80 characters; other bytes in hexadecimal (0x…). */
	static String printable(byte[] bytes) {
		if (bytes == null) {
			return "-";
		}
		try {
			return printable(StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString());
		}
		catch (CharacterCodingException ex) {
			String hex = HexFormat.of().formatHex(bytes, 0, Math.min(bytes.length, MAX_TEXT / 2 - 2));
			return "0x" + hex + ((bytes.length > MAX_TEXT / 2 - 2) ? "…" : "");
		}
	}

	static String printable(String text) {
		if (text == null) {
			return "-";
		}
		String clean = text.replaceAll("[\\p{Cntrl}\\p{Cf}]", "?");
		return (clean.length() <= MAX_TEXT) ? clean : clean.substring(0, MAX_TEXT - 1) + "…";
	}

}
