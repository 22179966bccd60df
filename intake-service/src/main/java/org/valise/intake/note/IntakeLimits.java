package org.valise.intake.note;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * How much intake accepts: {@code valise.intake.max-note-size} bounds a text or JSON body and an uploaded file.
 *
 * @param maxNoteSize the largest note accepted, 1MB unless configured
 */
@ConfigurationProperties("valise.intake")
public record IntakeLimits(DataSize maxNoteSize) {

	public IntakeLimits {
		maxNoteSize = (maxNoteSize != null) ? maxNoteSize : DataSize.ofMegabytes(1);
		if (maxNoteSize.toBytes() <= 0) {
			throw new IllegalArgumentException("valise.intake.max-note-size must be positive");
		}
	}

	/** The limit as a person would write it: "1 MB", "512 KB", "1500 bytes". */
	static String describe(DataSize size) {
		long bytes = size.toBytes();
		if (bytes % (1024 * 1024) == 0) {
			return (bytes / (1024 * 1024)) + " MB";
		}
		if (bytes % 1024 == 0) {
			return (bytes / 1024) + " KB";
		}
		return bytes + " bytes";
	}

}
