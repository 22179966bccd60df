package org.valise.intake.note.file;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.function.ToIntFunction;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.valise.intake.note.InvalidNoteException;

/**
 * Finds the note in an e-mail (Jakarta Mail): an attachment that looks like a note (text/plain, .txt or .pdf) if
 * there is one, else the text/plain body, else any readable attachment. Forwarded messages are searched too.
 */
final class MailText {

	/** The likeness of a text that is not correspondence. */
	static final int NOT_A_NOTE = 2;

	private static final int MAX_DEPTH = 5;

	private static final Logger logger = LoggerFactory.getLogger(MailText.class);

	private static final Session SESSION = Session.getInstance(new Properties());

	/** One text found in the e-mail. */
	private record Candidate(String label, String text, boolean attachment) {
	}

	private MailText() {
	}

	/**
	 * The note's text.
	 * @param name the file as the client knows it, e.g. {@code 'note.eml'}
	 * @param noteLikeness how much a text looks like a note: 0 a note verbale, 1 a letter, {@link #NOT_A_NOTE} else
	 * @throws UnreadableNoteFileException if the e-mail cannot be read or holds no text
	 */
	static String extract(String name, byte[] content, ToIntFunction<String> noteLikeness) {
		List<Candidate> found = new ArrayList<>();
		List<String> skipped = new ArrayList<>();
		try {
			MimeMessage message = new MimeMessage(SESSION, new ByteArrayInputStream(content));
			collect(message, 0, found, skipped);
		}
		catch (MessagingException | IOException | RuntimeException ex) {
			throw new UnreadableNoteFileException(name, "cannot be read as an e-mail (RFC 5322/MIME)");
		}
		Candidate best = null;
		int bestLikeness = Integer.MAX_VALUE;
		for (Candidate candidate : found) {
			int likeness = candidate.attachment() ? noteLikeness.applyAsInt(candidate.text()) : Integer.MAX_VALUE;
			if (likeness < NOT_A_NOTE && likeness < bestLikeness) {
				best = candidate;
				bestLikeness = likeness;
			}
		}
		if (best == null) {
			best = found.stream()
				.filter((candidate) -> !candidate.attachment())
				.findFirst()
				.or(() -> found.stream().findFirst())
				.orElseThrow(() -> new UnreadableNoteFileException(name,
						"holds no note: no text/plain body and no text/plain, .txt or .pdf attachment with text"
								+ (skipped.isEmpty() ? "" : " (" + String.join("; ", skipped) + ")")));
		}
		logger.debug("Read the note of {} from its {}", name, best.label());
		return best.text();
	}

	private static void collect(Part part, int depth, List<Candidate> found, List<String> skipped)
			throws MessagingException, IOException {
		if (depth > MAX_DEPTH) {
			return;
		}
		if (part.isMimeType("multipart/*")) {
			Multipart multipart = (part.getContent() instanceof Multipart parts) ? parts
					: new MimeMultipart(part.getDataHandler().getDataSource());
			for (int i = 0; i < multipart.getCount(); i++) {
				BodyPart child = multipart.getBodyPart(i);
				collect(child, depth + 1, found, skipped);
			}
			return;
		}
		if (part.isMimeType("message/rfc822")) {
			try (InputStream forwarded = part.getInputStream()) {
				collect(new MimeMessage(SESSION, forwarded), depth + 1, found, skipped);
			}
			return;
		}
		String fileName = decodedFileName(part);
		boolean attachment = Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) || fileName != null;
		if (!attachment) {
			if (part.isMimeType("text/plain")) {
				String text = decode(part, bytes(part));
				if (!text.isBlank()) {
					found.add(new Candidate("body", text, false));
				}
			}
			return;
		}
		String label = "attachment " + NoteFiles.quote(fileName);
		try {
			byte[] bytes = bytes(part);
			FileKind kind = FileKinds.detect(label, fileName, part.getContentType(), bytes);
			if (kind == FileKind.EMAIL) {
				collect(new MimeMessage(SESSION, new ByteArrayInputStream(bytes)), depth + 1, found, skipped);
				return;
			}
			String text = (kind == FileKind.PDF) ? PdfText.extract(label, bytes)
					: (part.isMimeType("text/plain") && charset(part) != null) ? decode(part, bytes)
							: lineFeeds(Utf8Text.decode(label, bytes));
			if (!text.isBlank()) {
				found.add(new Candidate(label, text, true));
			}
		}
		catch (UnsupportedNoteFileException | UnreadableNoteFileException | InvalidNoteException ex) {
			skipped.add(ex.getMessage());
		}
	}

	private static byte[] bytes(Part part) throws MessagingException, IOException {
		try (InputStream in = part.getInputStream()) {
			return in.readAllBytes();
		}
	}

	/**
	 * Text parts in their declared charset; without one, UTF-8 (which US-ASCII, the default, is part of). Mail
	 * carries text with CRLF line ends (RFC 5322); the note gets plain LF, as in a text file.
	 */
	private static String decode(Part part, byte[] bytes) throws MessagingException {
		String charset = charset(part);
		Charset decoding;
		try {
			decoding = (charset != null) ? Charset.forName(MimeUtility.javaCharset(charset)) : StandardCharsets.UTF_8;
		}
		catch (IllegalArgumentException ex) {
			decoding = StandardCharsets.UTF_8;
		}
		return lineFeeds(new String(bytes, decoding));
	}

	private static String lineFeeds(String text) {
		return text.replace("\r\n", "\n");
	}

	private static String charset(Part part) throws MessagingException {
		try {
			return new ContentType(part.getContentType()).getParameter("charset");
		}
		catch (jakarta.mail.internet.ParseException ex) {
			return null;
		}
	}

	private static String decodedFileName(Part part) throws MessagingException {
		String fileName = part.getFileName();
		if (fileName == null) {
			return null;
		}
		try {
			return MimeUtility.decodeText(fileName);
		}
		catch (java.io.UnsupportedEncodingException ex) {
			return fileName;
		}
	}

}
