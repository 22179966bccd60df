package org.valise.intake.note.file;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
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
import jakarta.mail.util.SharedByteArrayInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.valise.intake.note.InvalidNoteException;
import org.valise.intake.note.NoteText;

/**
 * Finds the note in an e-mail (Jakarta Mail): an attachment that looks like a note (text/plain, .txt or .pdf) if
 * there is one, else the text/plain body, else any readable attachment. Forwarded messages are searched too.
 * <p>
 * An e-mail is read within limits ({@code valise.intake.mail.*}): the parts it has at every level together, how
 * deeply they nest, what they decode to, and the time budget of the upload. Text parts are decoded strictly in their
 * declared charset (UTF-8 without one): a malformed byte is refused, never replaced.
 */
final class MailText {

	/** The likeness of a text that is not correspondence. */
	static final int NOT_A_NOTE = 2;

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
	 * @param reading the reading of the uploaded file
	 * @throws UnreadableNoteFileException if the e-mail cannot be read or holds no text
	 * @throws InvalidNoteException if its text body is not valid text in its charset
	 * @throws FileOverLimitException if the e-mail goes over a limit
	 */
	static String extract(String name, byte[] content, ToIntFunction<String> noteLikeness, Reading reading) {
		List<Candidate> found = new ArrayList<>();
		List<String> skipped = new ArrayList<>();
		try {
			reading.mailDecoded(name, content.length);
			collect(name, message(content), 0, found, skipped, reading);
		}
		catch (FileOverLimitException | InvalidNoteException ex) {
			throw ex;
		}
		catch (MessagingException | IOException | RuntimeException | StackOverflowError ex) {
			throw new UnreadableNoteFileException(name, "cannot be read as an e-mail (RFC 5322/MIME)");
		}
		Candidate best = null;
		int bestLikeness = Integer.MAX_VALUE;
		for (Candidate candidate : found) {
			if (!candidate.attachment()) {
				continue;
			}
			reading.checkTime(name);
			int likeness = noteLikeness.applyAsInt(candidate.text());
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

	/** A message over the bytes, its parts sharing them rather than copying them. */
	private static MimeMessage message(byte[] content) throws MessagingException {
		return new MimeMessage(SESSION, new SharedByteArrayInputStream(content));
	}

	private static void collect(String name, Part part, int depth, List<Candidate> found, List<String> skipped,
			Reading reading) throws MessagingException, IOException {
		reading.mailDepth(name, depth);
		reading.checkTime(name);
		if (part.isMimeType("multipart/*")) {
			Multipart multipart = (part.getContent() instanceof Multipart parts) ? parts
					: new MimeMultipart(part.getDataHandler().getDataSource());
			int count = multipart.getCount();
			reading.mailParts(name, count);
			for (int i = 0; i < count; i++) {
				BodyPart child = multipart.getBodyPart(i);
				collect(name, child, depth + 1, found, skipped, reading);
			}
			return;
		}
		if (part.isMimeType("message/rfc822")) {
			collect(name, message(bytes(name, part, reading)), depth + 1, found, skipped, reading);
			return;
		}
		String fileName = decodedFileName(part);
		boolean attachment = Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) || fileName != null;
		if (!attachment) {
			if (part.isMimeType("text/plain")) {
				String text = NoteText.require(NoteFiles.FIELD, name + " text body",
						decode(name + " text body", part, bytes(name, part, reading)));
				if (!text.isBlank()) {
					found.add(new Candidate("body", text, false));
				}
			}
			return;
		}
		String label = "attachment " + NoteFiles.quote(fileName);
		byte[] bytes = bytes(name, part, reading);
		try {
			FileKind kind = FileKinds.detect(label, fileName, part.getContentType(), bytes);
			if (kind == FileKind.EMAIL) {
				collect(name, message(bytes), depth + 1, found, skipped, reading);
				return;
			}
			String text = (kind == FileKind.PDF) ? PdfText.extract(name + " " + label, bytes, reading)
					: (part.isMimeType("text/plain") && charset(part) != null) ? decode(label, part, bytes)
							: lineFeeds(Utf8Text.decode(label, bytes));
			String flaw = NoteText.flaw(text);
			if (flaw != null) {
				skipped.add(label + " " + flaw);
			}
			else if (!text.isBlank()) {
				found.add(new Candidate(label, text, true));
			}
		}
		catch (UnsupportedNoteFileException | UnreadableNoteFileException | InvalidNoteException ex) {
			skipped.add(ex.getMessage());
		}
	}

	/** The decoded content of a part, counted against the e-mail's decoded size. */
	private static byte[] bytes(String name, Part part, Reading reading) throws MessagingException, IOException {
		try (InputStream in = part.getInputStream()) {
			byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, reading.mailBytesLeft() + 1));
			reading.mailDecoded(name, bytes.length);
			return bytes;
		}
	}

	/**
	 * Text parts in their declared charset; without one, or with one Java does not know, UTF-8 (which US-ASCII, the
	 * default, is part of) — strictly: a malformed byte is refused, not replaced. Mail carries text with CRLF line
	 * ends (RFC 5322); the note gets plain LF, as in a text file.
	 */
	private static String decode(String what, Part part, byte[] bytes) throws MessagingException {
		String charset = charset(part);
		Charset decoding;
		try {
			decoding = (charset != null) ? Charset.forName(MimeUtility.javaCharset(charset)) : StandardCharsets.UTF_8;
		}
		catch (IllegalArgumentException ex) {
			decoding = StandardCharsets.UTF_8;
		}
		try {
			return lineFeeds(decoding.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes))
				.toString());
		}
		catch (CharacterCodingException ex) {
			throw new InvalidNoteException(NoteFiles.FIELD, what + " is not valid " + decoding.name()
					+ " text, as its charset says it is: send the note in UTF-8");
		}
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
