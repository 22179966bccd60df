package org.valise.intake.note.file;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.valise.intake.NoteDocuments;
import org.valise.intake.note.IntakeLimits;
import org.valise.intake.note.InvalidNoteException;
import org.valise.intake.parsing.NoteParser;
import org.valise.intake.parsing.ParsedNote;
import org.valise.samples.SampleNotes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Reading notes out of uploaded files, without Spring: which kind a file is, and what text comes out of it.
 */
class NoteFilesTests {

	private static final String NOTE = SampleNotes.referenceNote();

	private static final String COVER = """
			Dear colleagues,

			Please find attached a note verbale of the Permanent Mission for your kind attention.

			Best regards,
			Registry
			""";

	private final NoteFiles files = new NoteFiles(new NoteParser(), IntakeLimits.defaults());

	@Test
	void readsUtf8TextAsItIsWithoutTheByteOrderMark() {
		byte[] withBom = concat(new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF }, NoteDocuments.utf8(NOTE));

		ExtractedNote note = this.files.read("note.txt", "text/plain", withBom);

		assertThat(note.kind()).isEqualTo(FileKind.TEXT);
		assertThat(note.fileName()).isEqualTo("note.txt");
		assertThat(note.text()).isEqualTo(NOTE);
	}

	@Test
	void readsTextSentWithoutNameOrType() {
		ExtractedNote note = this.files.read(null, null, NoteDocuments.utf8(NOTE));

		assertThat(note.kind()).isEqualTo(FileKind.TEXT);
		assertThat(note.fileName()).isNull();
	}

	@Test
	void refusesTextThatIsNotUtf8NamingTheFile() {
		byte[] latin1 = "Genève, le 17 octobre 2019".getBytes(StandardCharsets.ISO_8859_1);

		assertThatExceptionOfType(InvalidNoteException.class)
			.isThrownBy(() -> this.files.read("note-fr.txt", "text/plain", latin1))
			.satisfies((ex) -> assertThat(ex.field()).isEqualTo("file"))
			.withMessageContaining("'note-fr.txt' is not valid UTF-8")
			.withMessageContaining("offset 3");
	}

	@Test
	void refusesAnEmptyFile() {
		assertThatExceptionOfType(InvalidNoteException.class)
			.isThrownBy(() -> this.files.read("note.txt", "text/plain", new byte[0]))
			.withMessageContaining("'note.txt' is empty");
	}

	@Test
	void readsTheTextLayerOfAPdf() {
		ExtractedNote note = this.files.read("note.pdf", "application/pdf", NoteDocuments.pdf(NOTE));

		assertThat(note.kind()).isEqualTo(FileKind.PDF);
		assertThat(note.text()).contains("No: 2021/01/105").contains("conveyed to its highest destination");
	}

	@Test
	void readsTheSameFieldsFromAPdfAsFromTheText() {
		ParsedNote fromText = new NoteParser().parse(NOTE);

		ParsedNote fromPdf = new NoteParser()
			.parse(this.files.read("note.pdf", "application/pdf", NoteDocuments.pdf(NOTE)).text());

		assertThat(fromPdf).usingRecursiveComparison()
			.comparingOnlyFields("reference", "date", "place", "sender", "recipient", "recipientHead", "enclosures",
					"highestDestination", "docType", "language")
			.isEqualTo(fromText);
	}

	@Test
	void trustsThePdfSignatureOverTheNameAndDeclaredType() {
		ExtractedNote note = this.files.read("note.txt", "text/plain", NoteDocuments.pdf(NOTE));

		assertThat(note.kind()).isEqualTo(FileKind.PDF);
	}

	@Test
	void refusesAFileCalledPdfThatIsNotOne() {
		assertThatExceptionOfType(UnsupportedNoteFileException.class)
			.isThrownBy(() -> this.files.read("note.pdf", "application/pdf", NoteDocuments.utf8(NOTE)))
			.withMessageContaining("'note.pdf' is declared as a PDF but does not start with %PDF-")
			.withMessageContaining(".txt").withMessageContaining(".eml");
	}

	@Test
	void refusesAWordDocumentNamingTheAcceptedTypes() {
		byte[] docx = concat(new byte[] { 'P', 'K', 3, 4 }, new byte[64]);

		assertThatExceptionOfType(UnsupportedNoteFileException.class)
			.isThrownBy(() -> this.files.read("note.docx", "application/octet-stream", docx))
			.withMessageContaining("ZIP")
			.withMessageContaining(".txt (text/plain, UTF-8)")
			.withMessageContaining(".pdf (application/pdf)")
			.withMessageContaining(".eml (message/rfc822)");
	}

	@Test
	void refusesAnUnsupportedDeclaredType() {
		assertThatExceptionOfType(UnsupportedNoteFileException.class)
			.isThrownBy(() -> this.files.read("note.html", "text/html", NoteDocuments.utf8("<p>Note</p>")))
			.withMessageContaining("text/html");
	}

	@Test
	void refusesAScannedPdfSayingItHasNoTextLayer() {
		assertThatExceptionOfType(UnreadableNoteFileException.class)
			.isThrownBy(() -> this.files.read("scan.pdf", "application/pdf", NoteDocuments.scannedPdf()))
			.withMessageContaining("'scan.pdf' has no text layer")
			.withMessageContaining("OCR");
	}

	@Test
	void refusesADamagedPdf() {
		assertThatExceptionOfType(UnreadableNoteFileException.class)
			.isThrownBy(() -> this.files.read("note.pdf", null, NoteDocuments.utf8("%PDF-1.7\nnothing else")))
			.withMessageContaining("damaged");
	}

	@Test
	void readsTheNoteInTheBodyOfAnEmail() {
		ExtractedNote note = this.files.read("note.eml", "message/rfc822", NoteDocuments.emailWithBody(NOTE));

		assertThat(note.kind()).isEqualTo(FileKind.EMAIL);
		assertThat(note.text().strip()).isEqualTo(NOTE.strip());
	}

	@Test
	void sniffsAnEmailSentWithoutNameOrType() {
		ExtractedNote note = this.files.read(null, null, NoteDocuments.emailWithBody(NOTE));

		assertThat(note.kind()).isEqualTo(FileKind.EMAIL);
		assertThat(note.text()).contains("ព្រះរាជាណាចក្រកម្ពុជា");
	}

	@Test
	void prefersAnAttachedNoteToTheCoveringBody() {
		byte[] email = NoteDocuments.emailWithAttachment(COVER, "NV-2021-01-105.txt", "text/plain; charset=UTF-8",
				NoteDocuments.utf8(NOTE));

		ExtractedNote note = this.files.read("forwarded.eml", null, email);

		assertThat(note.text()).isEqualTo(NOTE);
	}

	@Test
	void readsAnAttachedPdf() {
		byte[] email = NoteDocuments.emailWithAttachment(COVER, "NV-2021-01-105.pdf", "application/pdf",
				NoteDocuments.pdf(NOTE));

		ParsedNote parsed = new NoteParser().parse(this.files.read("note.eml", null, email).text());

		assertThat(parsed.reference()).isEqualTo("2021/01/105");
	}

	@Test
	void takesTheBodyWhenNoAttachmentLooksLikeANote() {
		byte[] email = NoteDocuments.emailWithAttachment(NOTE, "disclaimer.txt", "text/plain",
				NoteDocuments.utf8("This e-mail is confidential and intended for its addressee only."));

		ExtractedNote note = this.files.read("note.eml", null, email);

		assertThat(note.text().strip()).isEqualTo(NOTE.strip());
	}

	@Test
	void refusesAnEmailWithoutText() {
		byte[] email = NoteDocuments.emailWithAttachment("", "scan.pdf", "application/pdf", NoteDocuments.scannedPdf());

		assertThatExceptionOfType(UnreadableNoteFileException.class)
			.isThrownBy(() -> this.files.read("note.eml", null, email))
			.withMessageContaining("'note.eml' holds no note")
			.withMessageContaining("'scan.pdf' has no text layer");
	}

	private static byte[] concat(byte[] first, byte[] second) {
		byte[] both = new byte[first.length + second.length];
		System.arraycopy(first, 0, both, 0, first.length);
		System.arraycopy(second, 0, both, first.length, second.length);
		return both;
	}

}
