package org.valise.intake.note.file;

import java.util.function.LongSupplier;

import org.springframework.util.unit.DataSize;
import org.valise.intake.note.IntakeLimits;
import org.valise.intake.note.file.FileOverLimitException.Limit;

/**
 * The reading of one uploaded file: the limits it is held to, and how much of them it has used — time (one budget
 * for the whole file, a PDF attached to an e-mail included), e-mail parts and decoded bytes.
 */
final class Reading {

	private final IntakeLimits limits;

	private final LongSupplier nanoClock;

	private final long deadline;

	private int mailParts;

	private long mailDecoded;

	Reading(IntakeLimits limits) {
		this(limits, System::nanoTime);
	}

	Reading(IntakeLimits limits, LongSupplier nanoClock) {
		this.limits = limits;
		this.nanoClock = nanoClock;
		this.deadline = nanoClock.getAsLong() + limits.fileTimeBudget().toNanos();
	}

	IntakeLimits limits() {
		return this.limits;
	}

	/** Whether the time budget is spent. */
	boolean overTime() {
		return this.nanoClock.getAsLong() - this.deadline > 0;
	}

	/** @throws FileOverLimitException once the time budget is spent */
	void checkTime(String what) {
		if (overTime()) {
			throw overTime(what);
		}
	}

	FileOverLimitException overTime(String what) {
		return new FileOverLimitException(what, Limit.TIME, "takes longer than " + seconds() + " s to read, "
				+ "the most intake spends on one file: send the note alone, as text or as a simple PDF");
	}

	/** Counts the parts of a multipart about to be read. */
	void mailParts(String what, int parts) {
		this.mailParts += parts;
		int max = this.limits.mail().maxParts();
		if (parts > max || this.mailParts > max) {
			throw new FileOverLimitException(what, Limit.MAIL_PARTS,
					"has more than " + max + " MIME parts, the most intake reads in an e-mail: send the note alone");
		}
	}

	/** Checks the nesting depth of a part about to be read (the message itself is at depth 0). */
	void mailDepth(String what, int depth) {
		int max = this.limits.mail().maxDepth();
		if (depth > max) {
			throw new FileOverLimitException(what, Limit.MAIL_DEPTH, "nests multiparts or forwarded messages more than "
					+ max + " deep, the most intake reads: send the note alone");
		}
	}

	/** How many more decoded bytes the parts of the e-mail may take. */
	long mailBytesLeft() {
		return Math.max(0, this.limits.mail().maxDecodedSize().toBytes() - this.mailDecoded);
	}

	/** Counts the decoded bytes of a part. */
	void mailDecoded(String what, long bytes) {
		this.mailDecoded += bytes;
		DataSize max = this.limits.mail().maxDecodedSize();
		if (this.mailDecoded > max.toBytes()) {
			throw new FileOverLimitException(what, Limit.MAIL_DECODED_SIZE, "decodes to more than "
					+ IntakeLimits.describe(max) + ", the most intake reads of an e-mail: send the note alone");
		}
	}

	/** The text read from the file is a note, and no larger than one. */
	FileOverLimitException textTooLarge(String what) {
		return new FileOverLimitException(what, Limit.TEXT_SIZE, "holds more than "
				+ IntakeLimits.describe(this.limits.maxNoteSize()) + " of text, the most a note may have");
	}

	long nanoTime() {
		return this.nanoClock.getAsLong();
	}

	long deadline() {
		return this.deadline;
	}

	private String seconds() {
		long millis = this.limits.fileTimeBudget().toMillis();
		return (millis % 1000 == 0) ? String.valueOf(millis / 1000) : String.valueOf(millis / 1000.0);
	}

}
