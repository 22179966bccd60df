package org.valise.intake.note;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * How much intake accepts and how much work it does for one submission ({@code valise.intake.*}). Everything follows
 * from one setting, platform's {@code valise.kafka.max-record-size} (1 MiB), the largest record every Valise topic,
 * producer and broker take: a {@code NoteReceived} may weigh that less {@link #EVENT_RESERVE} (64 KiB, room for what
 * routing and notification add to the note in their records, and for headers), and {@code max-note-size}, which
 * bounds a text or JSON body and an uploaded file, defaults to the same; the limits on what a file expands to (the
 * decoded streams of a PDF, the decoded parts of an e-mail) default to multiples of it.
 *
 * @param maxNoteSize the largest note accepted: a body, an uploaded file, and the text read from a file (by default
 *        max-record-size less the reserve: 960 KB)
 * @param fileTimeBudget how long reading the text of one uploaded file may take, e-mail parts and PDF text
 *        extraction included (5s)
 * @param pdf how much of a PDF is read
 * @param mail how much of an e-mail is read
 * @param rateLimit how many submissions one client may make
 * @param maxRecordSize platform's {@code valise.kafka.max-record-size}, which application.yml passes on here (1MB):
 *        not a setting of its own
 */
@Validated
@ConfigurationProperties("valise.intake")
public record IntakeLimits(DataSize maxNoteSize, @DefaultValue("5s") Duration fileTimeBudget,
		@Valid @DefaultValue Pdf pdf, @Valid @DefaultValue Mail mail, @Valid @DefaultValue RateLimit rateLimit,
		@DefaultValue("1MB") DataSize maxRecordSize) {

	/**
	 * What every record downstream of a {@code NoteReceived} may need beyond it: routing's {@code NoteRouted} carries
	 * the note's fields but not its text; notification's delivery carries the text once with the routing, and up to
	 * about 16 KiB of headers and overhead. 64 KiB leaves room for all of it.
	 */
	public static final DataSize EVENT_RESERVE = DataSize.ofKilobytes(64);

	/** What a PDF's streams may decode to by default: 16 times the largest note (15 MB for 960 KB). */
	static final int PDF_DECODED_PER_NOTE_SIZE = 16;

	/** What an e-mail's parts may decode to by default: 4 times the largest note (3840 KB for 960 KB). */
	static final int MAIL_DECODED_PER_NOTE_SIZE = 4;

	public IntakeLimits {
		maxRecordSize = (maxRecordSize != null) ? maxRecordSize : DataSize.ofMegabytes(1);
		if (maxRecordSize.toBytes() - EVENT_RESERVE.toBytes() < DataSize.ofKilobytes(16).toBytes()) {
			throw new IllegalArgumentException("valise.kafka.max-record-size must leave at least 16KB for a note "
					+ "beyond the " + describe(EVENT_RESERVE) + " reserved for what routing and notification add");
		}
		maxNoteSize = (maxNoteSize != null) ? maxNoteSize
				: DataSize.ofBytes(maxRecordSize.toBytes() - EVENT_RESERVE.toBytes());
		requirePositive("valise.intake.max-note-size", maxNoteSize);
		fileTimeBudget = (fileTimeBudget != null) ? fileTimeBudget : Duration.ofSeconds(5);
		requirePositive("valise.intake.file-time-budget", fileTimeBudget);
		pdf = ((pdf != null) ? pdf : new Pdf(Pdf.DEFAULT_MAX_PAGES, null, Pdf.DEFAULT_MAX_PAGE_CHARACTERS))
			.derivedFrom(maxNoteSize);
		mail = ((mail != null) ? mail : new Mail(Mail.DEFAULT_MAX_PARTS, Mail.DEFAULT_MAX_DEPTH, null))
			.derivedFrom(maxNoteSize);
		rateLimit = (rateLimit != null) ? rateLimit : new RateLimit(true, RateLimit.DEFAULT_REQUESTS, null, null);
	}

	/**
	 * The most a {@code NoteReceived} may weigh as written (its JSON, the text escaped): the record limit less
	 * {@link #EVENT_RESERVE}.
	 */
	public DataSize maxEventSize() {
		return DataSize.ofBytes(this.maxRecordSize.toBytes() - EVENT_RESERVE.toBytes());
	}

	/** Every limit at its default. */
	public static IntakeLimits defaults() {
		return new IntakeLimits(null, null, null, null, null, null);
	}

	/** The limit as a person would write it: "1 MB", "512 KB", "1500 bytes". */
	public static String describe(DataSize size) {
		long bytes = size.toBytes();
		if (bytes % (1024 * 1024) == 0) {
			return (bytes / (1024 * 1024)) + " MB";
		}
		if (bytes % 1024 == 0) {
			return (bytes / 1024) + " KB";
		}
		return bytes + " bytes";
	}

	private static void requirePositive(String name, DataSize size) {
		if (size.toBytes() <= 0) {
			throw new IllegalArgumentException(name + " must be positive");
		}
	}

	private static void requirePositive(String name, Duration duration) {
		if (duration.isNegative() || duration.isZero()) {
			throw new IllegalArgumentException(name + " must be positive");
		}
	}

	/**
	 * How much of an uploaded PDF is read ({@code valise.intake.pdf.*}). Every stream PDFBox decodes while reading
	 * the PDF (page contents, forms, fonts, object and cross-reference streams) counts against {@code maxDecodedSize},
	 * each time it is decoded; image streams are never decoded.
	 *
	 * @param maxPages the most pages a PDF may have (100)
	 * @param maxDecodedSize the most bytes its streams may decode to, in all (16 × max-note-size); also the memory
	 *        PDFBox's stream cache may take
	 * @param maxPageCharacters the most characters a page may show (50,000; a dense A4 page holds about 6,000):
	 *        PDFBox keeps every character of a page, with its position and font, until the page ends
	 */
	public record Pdf(@DefaultValue("100") @Min(1) @Max(10_000) int maxPages, DataSize maxDecodedSize,
			@DefaultValue("50000") @Min(1000) @Max(10_000_000) int maxPageCharacters) {

		static final int DEFAULT_MAX_PAGES = 100;

		static final int DEFAULT_MAX_PAGE_CHARACTERS = 50_000;

		Pdf derivedFrom(DataSize maxNoteSize) {
			DataSize decoded = (this.maxDecodedSize != null) ? this.maxDecodedSize
					: DataSize.ofBytes(maxNoteSize.toBytes() * PDF_DECODED_PER_NOTE_SIZE);
			requirePositive("valise.intake.pdf.max-decoded-size", decoded);
			return new Pdf(this.maxPages, decoded, this.maxPageCharacters);
		}

	}

	/**
	 * How much of an uploaded e-mail is read ({@code valise.intake.mail.*}); a forwarded message or an attached
	 * {@code .eml} is one level deeper, and its parts count with the others.
	 *
	 * @param maxParts the most MIME parts an e-mail may have, at every level together (100)
	 * @param maxDepth how deeply multiparts and forwarded messages may nest (5)
	 * @param maxDecodedSize the most bytes its parts may decode to, in all (4 × max-note-size)
	 */
	public record Mail(@DefaultValue("100") @Min(1) @Max(10_000) int maxParts,
			@DefaultValue("5") @Min(1) @Max(50) int maxDepth, DataSize maxDecodedSize) {

		static final int DEFAULT_MAX_PARTS = 100;

		static final int DEFAULT_MAX_DEPTH = 5;

		Mail derivedFrom(DataSize maxNoteSize) {
			DataSize decoded = (this.maxDecodedSize != null) ? this.maxDecodedSize
					: DataSize.ofBytes(maxNoteSize.toBytes() * MAIL_DECODED_PER_NOTE_SIZE);
			requirePositive("valise.intake.mail.max-decoded-size", decoded);
			return new Mail(this.maxParts, this.maxDepth, decoded);
		}

	}

	/**
	 * How many submissions ({@code POST /api/v1/notes}, whatever their outcome) one client, as named by its token,
	 * may make ({@code valise.intake.rate-limit.*}): {@code requests} per {@code per}, in bursts of up to
	 * {@code burst}. Each intake instance counts for itself.
	 *
	 * @param enabled whether submissions are limited at all (true)
	 * @param requests how many submissions a client may make per period (60)
	 * @param per the period (1m)
	 * @param burst how many submissions a client may make at once after a quiet spell (as many as requests)
	 */
	public record RateLimit(@DefaultValue("true") boolean enabled,
			@DefaultValue("60") @Min(1) @Max(1_000_000) int requests, Duration per, @Min(1) Integer burst) {

		static final int DEFAULT_REQUESTS = 60;

		public RateLimit {
			per = (per != null) ? per : Duration.ofMinutes(1);
			requirePositive("valise.intake.rate-limit.per", per);
			burst = (burst != null) ? burst : requests;
		}

	}

}
