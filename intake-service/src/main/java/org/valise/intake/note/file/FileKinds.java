package org.valise.intake.note.file;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

/**
 * Tells what an uploaded file is from its content (magic bytes), its declared content type and its name, in that
 * order of trust: a file that says it is a PDF but lacks {@code %PDF-} is refused, a PDF named {@code .txt} is read as
 * a PDF, and a file that declares nothing is sniffed.
 */
final class FileKinds {

	private static final byte[] PDF_MAGIC = "%PDF-".getBytes(StandardCharsets.US_ASCII);

	/** PDF readers accept the signature anywhere in the first kilobyte. */
	private static final int PDF_MAGIC_WINDOW = 1024;

	private static final Set<String> TEXT_EXTENSIONS = Set.of("txt", "text");

	private static final MediaType RFC822 = MediaType.valueOf("message/rfc822");

	/** The start of an RFC 5322 header block: "Name: value" lines, among them From. */
	private static final Pattern MAIL_HEADERS = Pattern.compile(
			"\\A(?:[!-9;-~]+:[^\\r\\n]*\\r?\\n(?:[ \\t][^\\r\\n]*\\r?\\n)*){2,}",
			Pattern.CASE_INSENSITIVE);

	private FileKinds() {
	}

	static FileKind detect(String what, String fileName, String contentType, byte[] content) {
		String extension = extension(fileName);
		MediaType type = mediaType(contentType);
		if (isPdf(content)) {
			return FileKind.PDF;
		}
		if ("pdf".equals(extension) || MediaType.APPLICATION_PDF.equalsTypeAndSubtype(type)) {
			throw new UnsupportedNoteFileException(what, "is declared as a PDF but does not start with %PDF-");
		}
		String binary = binaryFormat(content);
		if (binary != null) {
			throw new UnsupportedNoteFileException(what, "is " + binary + " content");
		}
		if ("eml".equals(extension) || RFC822.equalsTypeAndSubtype(type)) {
			return FileKind.EMAIL;
		}
		if ((extension != null && TEXT_EXTENSIONS.contains(extension)) || MediaType.TEXT_PLAIN.equalsTypeAndSubtype(type)) {
			return FileKind.TEXT;
		}
		if (type != null && !MediaType.APPLICATION_OCTET_STREAM.equalsTypeAndSubtype(type)) {
			throw new UnsupportedNoteFileException(what, "has the unsupported content type " + type.getType() + "/"
					+ type.getSubtype());
		}
		if (extension != null) {
			throw new UnsupportedNoteFileException(what, "has the unsupported extension ." + extension);
		}
		return looksLikeMail(content) ? FileKind.EMAIL : FileKind.TEXT;
	}

	static boolean isPdf(byte[] content) {
		int window = Math.min(content.length, PDF_MAGIC_WINDOW) - PDF_MAGIC.length;
		for (int start = 0; start <= window; start++) {
			if (startsWith(content, start, PDF_MAGIC)) {
				return true;
			}
		}
		return false;
	}

	/** Common binary formats a client might upload by mistake (a scan, a Word document), or {@code null}. */
	private static String binaryFormat(byte[] content) {
		if (startsWith(content, 0, new byte[] { (byte) 0x89, 'P', 'N', 'G' })) {
			return "PNG image";
		}
		if (startsWith(content, 0, new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF })) {
			return "JPEG image";
		}
		if (startsWith(content, 0, new byte[] { 'G', 'I', 'F', '8' })) {
			return "GIF image";
		}
		if (startsWith(content, 0, new byte[] { 'I', 'I', '*', 0 }) || startsWith(content, 0, new byte[] { 'M', 'M', 0, '*' })) {
			return "TIFF image";
		}
		if (startsWith(content, 0, new byte[] { 'P', 'K', 3, 4 })) {
			return "ZIP (e.g. Word .docx or OpenDocument)";
		}
		if (startsWith(content, 0, new byte[] { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0 })) {
			return "OLE (e.g. Word .doc)";
		}
		if (startsWith(content, 0, "{\\rtf".getBytes(StandardCharsets.US_ASCII))) {
			return "RTF";
		}
		return null;
	}

	private static boolean looksLikeMail(byte[] content) {
		String head = new String(content, 0, Math.min(content.length, 4096), StandardCharsets.ISO_8859_1);
		Matcher headers = MAIL_HEADERS.matcher(head);
		return headers.find() && Pattern.compile("^From:", Pattern.CASE_INSENSITIVE | Pattern.MULTILINE)
			.matcher(headers.group())
			.find();
	}

	private static boolean startsWith(byte[] content, int offset, byte[] prefix) {
		if (content.length - offset < prefix.length) {
			return false;
		}
		for (int i = 0; i < prefix.length; i++) {
			if (content[offset + i] != prefix[i]) {
				return false;
			}
		}
		return true;
	}

	private static String extension(String fileName) {
		if (fileName == null) {
			return null;
		}
		int dot = fileName.lastIndexOf('.');
		return (dot < 0 || dot == fileName.length() - 1) ? null : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
	}

	private static MediaType mediaType(String contentType) {
		if (contentType == null || contentType.isBlank()) {
			return null;
		}
		try {
			return MediaType.parseMediaType(contentType);
		}
		catch (InvalidMediaTypeException ex) {
			return null;
		}
	}

}
