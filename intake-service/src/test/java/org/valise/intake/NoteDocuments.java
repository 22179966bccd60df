package org.valise.intake;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * Makes the files a registry uploads, from a note's text, the way their usual producers do: a PDF with a text layer
 * (Apache PDFBox), an e-mail with the note in its body or attached (Jakarta Mail).
 * <p>
 * The PDF embeds DejaVu Sans (Debian's {@code fonts-dejavu-core}) when the machine has it, else uses the Standard 14
 * Helvetica, which only encodes Latin-1. Either way the characters the font has no glyph for (the Khmer letterhead
 * of the reference note with DejaVu Sans; everything outside Latin-1 with Helvetica) are left out of the PDF, so
 * tests assert the fields of a PDF, and the scripts only of text and e-mail.
 */
public final class NoteDocuments {

	private static final File UNICODE_FONT = new File("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf");

	private static final float FONT_SIZE = 11;

	private static final float LEADING = 14;

	private static final float MARGIN = 60;

	private NoteDocuments() {
	}

	/** A PDF whose text layer is the note, one paragraph after another, lines wrapped to the page. */
	public static byte[] pdf(String text) {
		try (PDDocument document = new PDDocument()) {
			PDFont font = UNICODE_FONT.isFile() ? PDType0Font.load(document, UNICODE_FONT)
					: new PDType1Font(Standard14Fonts.FontName.HELVETICA);
			PDPageContentStream page = null;
			float y = 0;
			for (String line : wrap(text, font)) {
				if (page == null || y < MARGIN) {
					if (page != null) {
						page.endText();
						page.close();
					}
					PDPage next = new PDPage(PDRectangle.A4);
					document.addPage(next);
					page = new PDPageContentStream(document, next);
					page.beginText();
					page.setFont(font, FONT_SIZE);
					page.setLeading(LEADING);
					y = PDRectangle.A4.getHeight() - MARGIN;
					page.newLineAtOffset(MARGIN, y);
				}
				if (!line.isEmpty()) {
					page.showText(line);
				}
				page.newLine();
				y -= LEADING;
			}
			if (page != null) {
				page.endText();
				page.close();
			}
			return save(document);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A PDF as a scanner makes it: a page of "image" (here a grey rectangle) and no text layer. */
	public static byte[] scannedPdf() {
		try (PDDocument document = new PDDocument()) {
			PDPage page = new PDPage(PDRectangle.A4);
			document.addPage(page);
			try (PDPageContentStream content = new PDPageContentStream(document, page)) {
				content.setNonStrokingColor(0.8f, 0.8f, 0.8f);
				content.addRect(MARGIN, MARGIN, 400, 600);
				content.fill();
			}
			return save(document);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** An e-mail whose text/plain body is the note. */
	public static byte[] emailWithBody(String note) {
		try {
			MimeMessage message = message("Note verbale");
			message.setText(note, "UTF-8");
			return save(message);
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** An e-mail with a covering text in its body and the note attached as a file. */
	public static byte[] emailWithAttachment(String cover, String fileName, String contentType, byte[] attachment) {
		try {
			MimeMessage message = message("Transmission of a note verbale");
			MimeBodyPart body = new MimeBodyPart();
			body.setText(cover, "UTF-8");
			MimeBodyPart file = new MimeBodyPart();
			file.setDataHandler(new DataHandler(new ByteArrayDataSource(attachment, contentType)));
			file.setFileName(fileName);
			file.setDisposition(Part.ATTACHMENT);
			message.setContent(new MimeMultipart(body, file));
			return save(message);
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static MimeMessage message(String subject) throws MessagingException {
		MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
		message.setFrom(new InternetAddress("registry@cambodia-mission.example"));
		message.setRecipient(Message.RecipientType.TO, new InternetAddress("registry@iom.example"));
		message.setSubject(subject, "UTF-8");
		return message;
	}

	private static byte[] save(MimeMessage message) throws MessagingException {
		try {
			message.saveChanges();
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			message.writeTo(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static byte[] save(PDDocument document) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		document.save(out);
		return out.toByteArray();
	}

	/** The note's lines, without the characters the font cannot show, wrapped to the width of the page. */
	private static List<String> wrap(String text, PDFont font) throws IOException {
		float width = PDRectangle.A4.getWidth() - 2 * MARGIN;
		List<String> lines = new ArrayList<>();
		for (String source : text.replace("\r", "").split("\n", -1)) {
			String line = printable(source, font).strip();
			StringBuilder current = new StringBuilder();
			for (String word : line.split(" +")) {
				String candidate = current.isEmpty() ? word : current + " " + word;
				if (!current.isEmpty() && font.getStringWidth(candidate) / 1000 * FONT_SIZE > width) {
					lines.add(current.toString());
					current = new StringBuilder(word);
				}
				else {
					current = new StringBuilder(candidate);
				}
			}
			lines.add(current.toString());
		}
		return lines;
	}

	private static String printable(String line, PDFont font) {
		StringBuilder kept = new StringBuilder();
		line.codePoints().forEach((codePoint) -> {
			String character = new String(Character.toChars(codePoint));
			try {
				font.encode(character);
				kept.append(character);
			}
			catch (IOException | IllegalArgumentException ex) {
				// no glyph in this font: left out of the PDF
			}
		});
		return kept.toString();
	}

	/** The bytes of a text in UTF-8. */
	public static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
