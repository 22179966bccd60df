package org.valise.intake.note.file;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.valise.intake.NoteDocuments;
import org.valise.intake.note.IntakeLimits;
import org.valise.intake.note.InvalidNoteException;
import org.valise.intake.note.file.FileOverLimitException.Limit;
import org.valise.intake.parsing.NoteParser;
import org.valise.platform.fuzz.Bombs;
import org.valise.platform.fuzz.MalformedInputs;
import org.valise.samples.SampleNotes;

import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * What one uploaded file may expand to ({@code valise.intake.*}), against the bombs an attacker would upload: each
 * is refused naming the limit it went over, without the memory it asks for (the refusal comes from the counting of
 * what is decoded, so nothing is expanded past its limit). How long a refusal takes is not asserted here (speed is
 * measured by benchmarks); the timeout only stops a reading that would never end.
 */
@Timeout(120)
class NoteFileLimitsTests {

	private static final String NOTE = SampleNotes.referenceNote();

	private final NoteFiles files = new NoteFiles(new NoteParser(), IntakeLimits.defaults());

	@Test
	void guardsEveryFilterOfPdfBox() {
		assertThat(PdfDecoding.installed()).isTrue();
	}

	@Test
	void refusesAPdfOfThousandsOfPages() {
		assertOverLimit(() -> this.files.read("pages.pdf", "application/pdf", Bombs.pdfWithPages(5000)), Limit.PDF_PAGES)
			.hasMessageContaining("'pages.pdf' has more than 100 pages");
	}

	@Test
	void countsThePagesWhateverThePageTreeClaims() {
		assertOverLimit(() -> this.files.read("pages.pdf", null, Bombs.pdfWithLyingPageCount(3000)), Limit.PDF_PAGES);
	}

	@Test
	void refusesAPdfWhoseContentInflatesToHundredsOfMegabytes() {
		assertOverLimit(() -> this.files.read("flate.pdf", null, Bombs.pdfInflatingTo(256L << 20, 1)),
				Limit.PDF_DECODED_SIZE)
			.hasMessageContaining("decodes to more than 15 MB");
	}

	@Test
	void refusesAPdfWhoseContentInflatesThroughTwoLayersOfFlate() {
		// PDFBox applies a filter named twice only once: the first layer's output is no content, so no text.
		Throwable refusal = catchThrowable((
				() -> this.files.read("flate.pdf", null, Bombs.pdfInflatingTo(1L << 30, 2))));

		assertThat(refusal).isInstanceOfAny(UnreadableNoteFileException.class, FileOverLimitException.class);
	}

	@Test
	void refusesAPdfWhoseOperandsWouldPileUpInPdfBox() {
		assertOverLimit(() -> this.files.read("operands.pdf", null, Bombs.pdfWithOperandFlood(8L << 20)),
				Limit.PDF_OPERANDS)
			.hasMessageContaining("more than 10000 operands");
	}

	@Test
	void refusesAPdfWhoseFontInflatesEvenThoughPdfBoxCarriesOnWithoutTheFont() {
		assertOverLimit(() -> this.files.read("font.pdf", null, Bombs.pdfWithFontInflatingTo(128L << 20)),
				Limit.PDF_DECODED_SIZE);
	}

	@Test
	void refusesAPdfHoldingMoreTextThanANote() {
		IntakeLimits kilobyte = new IntakeLimits(DataSize.ofKilobytes(1), null,
				new IntakeLimits.Pdf(100, DataSize.ofMegabytes(16), 50_000), null, null, null);

		assertOverLimit(() -> new NoteFiles(new NoteParser(), kilobyte).read("note.pdf", null, NoteDocuments.pdf(NOTE)),
				Limit.TEXT_SIZE)
			.hasMessageContaining("holds more than 1 KB of text");
		assertOverLimit(() -> this.files.read("text.pdf", null, Bombs.pdfWithTextInflatingTo(64L << 20)),
				Limit.PDF_DECODED_SIZE);
	}

	@Test
	void refusesAPdfWhoseFormDrawsItself() {
		assertOverLimit(() -> this.files.read("forms.pdf", null, Bombs.pdfWithSelfDrawingForm(2)), Limit.PDF_FORMS)
			.hasMessageContaining("draws forms more than 12 deep");
		assertOverLimit(() -> this.files.read("forms.pdf", null, Bombs.pdfWithSelfDrawingForm(10)), Limit.PDF_FORMS);
	}

	@Test
	void refusesAPdfWhosePredictorRowsWouldTakeGigabytes() {
		assertOverLimit(() -> this.files.read("predictor.pdf", null, Bombs.pdfWithAbsurdPredictor()),
				Limit.PDF_DECODED_SIZE);
	}

	@Test
	void neverDecodesImageDataToReadText() {
		for (boolean ccitt : new boolean[] { false, true }) {
			assertThatExceptionOfType(UnreadableNoteFileException.class)
				.isThrownBy(() -> this.files.read("codec.pdf", null, Bombs.pdfWithImageCodecOnContents(ccitt)));
		}
	}

	@Test
	void refusesPdfsNestedOrCycledAsDamaged() {
		Throwable cycle = catchThrowable(() -> this.files.read("cycle.pdf", null, Bombs.pdfWithPageTreeCycle()));
		assertThat(cycle).isInstanceOfAny(UnreadableNoteFileException.class, FileOverLimitException.class);
		Throwable nested = catchThrowable((
				() -> this.files.read("nested.pdf", null, Bombs.pdfWithNestedArrays(100_000))));
		assertThat(nested).isInstanceOfAny(UnreadableNoteFileException.class, FileOverLimitException.class);
	}

	@Test
	void refusesAPdfThatTakesLongerThanTheTimeBudget() {
		NoteFiles impatient = new NoteFiles(new NoteParser(),
				new IntakeLimits(null, Duration.ofNanos(1), null, null, null, null));

		assertOverLimit(() -> impatient.read("note.pdf", null, NoteDocuments.pdf(NOTE)), Limit.TIME)
			.hasMessageContaining("takes longer than");
	}

	@Test
	void refusesAnEmailOfThousandsOfParts() {
		assertOverLimit(() -> this.files.read("parts.eml", null, Bombs.emailWithParts(5000)), Limit.MAIL_PARTS)
			.hasMessageContaining("more than 100 MIME parts");
	}

	@Test
	void refusesAnEmailNestedTooDeeply() {
		assertOverLimit(() -> this.files.read("nested.eml", null, Bombs.emailWithNestedMultiparts(1000)), Limit.MAIL_DEPTH);
		assertOverLimit(() -> this.files.read("nested.eml", null, Bombs.emailWithNestedMessages(1000)), Limit.MAIL_DEPTH);
	}

	@Test
	void readsAnEmailNestedWithinTheLimit() {
		assertThat(this.files.read("nested.eml", null, Bombs.emailWithNestedMultiparts(3)).text()).contains("At the bottom.");
	}

	@Test
	void refusesAnEmailWithBombsAttached() {
		byte[] mail = Bombs.emailWithAttachments(5, "flate.pdf", "application/pdf", Bombs.pdfInflatingTo(64L << 20, 1));

		assertOverLimit(() -> this.files.read("attached.eml", null, mail), Limit.PDF_DECODED_SIZE);
	}

	@Test
	void refusesAnEmailWhosePartsDecodeToMoreThanItsLimit() {
		IntakeLimits small = new IntakeLimits(null, null, null,
				new IntakeLimits.Mail(100, 5, DataSize.ofKilobytes(64)), null, null);
		byte[] mail = Bombs.emailWithAttachments(3, "note.txt", "text/plain", NoteDocuments.utf8(NOTE.repeat(5)));

		assertOverLimit(() -> new NoteFiles(new NoteParser(), small).read("big.eml", null, mail), Limit.MAIL_DECODED_SIZE);
	}

	@Test
	void refusesAnEmailBodyThatIsNotTheCharsetItDeclares() {
		byte[] mail = ("From: registry@example.org\r\nContent-Type: text/plain; charset=UTF-8\r\n"
				+ "Content-Transfer-Encoding: 8bit\r\n\r\nGenève, le 17 octobre 2019\r\n").getBytes(StandardCharsets.ISO_8859_1);

		assertThatExceptionOfType(InvalidNoteException.class).isThrownBy(() -> this.files.read("latin1.eml", null, mail))
			.satisfies((ex) -> assertThat(ex.field()).isEqualTo("file"))
			.withMessageContaining("text body is not valid UTF-8 text");
	}

	@Test
	void refusesAnEmailBodyHoldingANul() {
		byte[] mail = ("From: registry@example.org\r\nContent-Type: text/plain; charset=ISO-8859-1\r\n\r\n" + NOTE
			.replaceAll("[^\\x00-\\xFF]", "")
			.replaceFirst(" ", "\u0000 ")).getBytes(StandardCharsets.ISO_8859_1);

		assertThatExceptionOfType(InvalidNoteException.class).isThrownBy(() -> this.files.read("nul.eml", null, mail))
			.withMessageContaining("contains a NUL character");
	}

	@Test
	void refusesAPdfWhoseTextLayerHoldsANul() {
		String note = "No. 2021/01/105\nThe~Permanent Mission of the Kingdom of Cambodia presents its compliments to the "
				+ "International Organization for Migration.";

		assertThatExceptionOfType(InvalidNoteException.class)
			.isThrownBy(() -> this.files.read("nul.pdf", null, MalformedInputs.notePdfReadingTildeAs(note, 0)))
			.satisfies((ex) -> assertThat(ex.field()).isEqualTo("file"))
			.withMessageContaining("'nul.pdf': its text contains a NUL character");
		assertThat(this.files.read("tilde.pdf", null, MalformedInputs.notePdfReadingTildeAs(note, '~')).text())
			.contains("The~Permanent Mission");
	}

	@Test
	void leavesPdfBoxUnguardedOutsideTheReadingOfAnUpload() {
		byte[] pdf = NoteDocuments.pdf("A note written by PDFBox while no upload is being read.");

		assertThat(this.files.read("note.pdf", null, pdf).text()).contains("no upload is being read");
	}

	private static org.assertj.core.api.AbstractThrowableAssert<?, ? extends Throwable> assertOverLimit(
			Runnable reading, Limit limit) {
		Throwable refusal = catchThrowable(reading::run);
		assertThat(refusal).isInstanceOf(FileOverLimitException.class);
		assertThat(((FileOverLimitException) refusal).limit()).isEqualTo(limit);
		return assertThat(refusal);
	}

}
