package org.valise.platform.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.zip.Adler32;
import java.util.zip.Deflater;

/**
 * Inputs small on the wire and large once expanded, made in memory when first asked for (and kept): PDFs with
 * thousands of pages, streams that inflate to hundreds of megabytes, forms that draw themselves; e-mails with
 * thousands of parts or deep nesting; deeply nested JSON. Each is a well-formed file of its kind, so that what a
 * service does with it is reading it, not refusing it at the first byte.
 */
public final class Bombs {

	private static final Map<String, byte[]> MADE = new ConcurrentHashMap<>();

	private static final String FONT = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>";

	private Bombs() {
	}

	// PDF

	/** A PDF of that many pages, each saying "Page n of a bomb" (one shared content stream). */
	public static byte[] pdfWithPages(int pages) {
		return made("pdf-pages-" + pages, () -> pages(pages, pages));
	}

	/** The same pages, under a page tree that claims there is one. */
	public static byte[] pdfWithLyingPageCount(int pages) {
		return made("pdf-lying-count-" + pages, () -> pages(pages, 1));
	}

	/**
	 * One page whose content stream inflates to that many bytes of white space (no text: only the amount decoded
	 * stops it), through that many Flate layers: one layer takes about a thousandth of the size on the wire, two
	 * a millionth.
	 */
	public static byte[] pdfInflatingTo(long bytes, int layers) {
		return made("pdf-inflating-" + bytes + "-" + layers, () -> {
			byte[] data = zlib(RawPdf.ascii(" "), bytes);
			StringBuilder filters = new StringBuilder("/FlateDecode");
			for (int layer = 1; layer < layers; layer++) {
				data = zlib(data);
				filters.append(" /FlateDecode");
			}
			return onePage("/Filter [" + filters + "]", data, FONT);
		});
	}

	/** One page whose content stream inflates to that many bytes of operators that show text. */
	public static byte[] pdfWithTextInflatingTo(long bytes) {
		return made("pdf-text-inflating-" + bytes, () -> onePage("/Filter /FlateDecode",
				zlib(RawPdf.ascii("BT /F1 12 Tf 72 720 Td (All work and no play makes a dull bomb.) Tj ET\n"), bytes), FONT));
	}

	/**
	 * One page whose content stream inflates to that many bytes of operands and no operator ({@code () () () …}):
	 * a reader that keeps the operands until their operator comes keeps them all.
	 */
	public static byte[] pdfWithOperandFlood(long bytes) {
		return made("pdf-operand-flood-" + bytes, () -> onePage("/Filter /FlateDecode", zlib(RawPdf.ascii("() "), bytes), FONT));
	}

	/** One page whose font embeds a TrueType font file that inflates to that many bytes of zeros. */
	public static byte[] pdfWithFontInflatingTo(long bytes) {
		return made("pdf-font-inflating-" + bytes, () -> {
			RawPdf pdf = new RawPdf();
			int catalog = pdf.reserve();
			int pages = pdf.reserve();
			int fontFile = pdf.addStream("/Filter /FlateDecode /Length1 " + bytes, zlib(new byte[] { 0 }, bytes));
			int descriptor = pdf.add("<< /Type /FontDescriptor /FontName /Bomb /Flags 32 /FontBBox [0 0 1000 1000] "
					+ "/ItalicAngle 0 /Ascent 800 /Descent -200 /CapHeight 700 /StemV 80 /FontFile2 " + fontFile + " 0 R >>");
			int font = pdf.add("<< /Type /Font /Subtype /TrueType /BaseFont /Bomb /FirstChar 32 /LastChar 126 "
					+ "/FontDescriptor " + descriptor + " 0 R /Encoding /WinAnsiEncoding >>");
			int contents = pdf.addStream("", RawPdf.ascii("BT /F1 12 Tf 72 720 Td (The font of this page is a bomb.) Tj ET"));
			int page = pdf.add(page(pages, contents, "<< /Font << /F1 " + font + " 0 R >> >>"));
			pdf.set(pages, "<< /Type /Pages /Kids [" + page + " 0 R] /Count 1 >>");
			pdf.set(catalog, "<< /Type /Catalog /Pages " + pages + " 0 R >>");
			return pdf.build(catalog);
		});
	}

	/**
	 * One page drawing a form XObject that draws itself that many times: copies to the power of the depth at which
	 * the reader stops (PDFBox: 50) — the billion laughs of PDF. The form has text, so every drawing shows some.
	 */
	public static byte[] pdfWithSelfDrawingForm(int copies) {
		return made("pdf-self-drawing-" + copies, () -> {
			RawPdf pdf = new RawPdf();
			int catalog = pdf.reserve();
			int pages = pdf.reserve();
			int font = pdf.add(FONT);
			int form = pdf.reserve();
			pdf.setStream(form, "/Type /XObject /Subtype /Form /BBox [0 0 612 792] /Resources << /Font << /F1 " + font
					+ " 0 R >> /XObject << /Fm1 " + form + " 0 R >> >>",
					RawPdf.ascii("BT /F1 12 Tf 72 720 Td (Again and again.) Tj ET\n" + "/Fm1 Do\n".repeat(copies)));
			int contents = pdf.addStream("", RawPdf.ascii("/Fm1 Do"));
			int page = pdf.add(page(pages, contents, "<< /Font << /F1 " + font + " 0 R >> /XObject << /Fm1 " + form
					+ " 0 R >> >>"));
			pdf.set(pages, "<< /Type /Pages /Kids [" + page + " 0 R] /Count 1 >>");
			pdf.set(catalog, "<< /Type /Catalog /Pages " + pages + " 0 R >>");
			return pdf.build(catalog);
		});
	}

	/** A content stream whose PNG predictor declares rows of gigabytes (decoders allocate two of them). */
	public static byte[] pdfWithAbsurdPredictor() {
		return made("pdf-absurd-predictor", () -> onePage(
				"/Filter /FlateDecode /DecodeParms << /Predictor 12 /Colors 4 /BitsPerComponent 16 /Columns 2000000000 >>",
				zlib(RawPdf.ascii("BT /F1 12 Tf 72 720 Td (Predicted.) Tj ET\n"), 4096), FONT));
	}

	/**
	 * A content stream encoded with an image codec (which text extraction never needs): {@code DCTDecode} over
	 * garbage, or {@code CCITTFaxDecode} declaring a page of 2^30 by 2^30 pixels.
	 */
	public static byte[] pdfWithImageCodecOnContents(boolean ccitt) {
		return made("pdf-image-codec-" + ccitt, () -> onePage(ccitt
				? "/Filter /CCITTFaxDecode /DecodeParms << /K -1 /Columns 1073741824 /Rows 1073741824 >>"
				: "/Filter /DCTDecode", RawPdf.ascii("\u00ff\u00d8\u00ff\u00e0 not a JPEG at all ".repeat(64)), FONT));
	}

	/** A page dictionary holding arrays nested that deep. */
	public static byte[] pdfWithNestedArrays(int depth) {
		return made("pdf-nested-" + depth, () -> {
			RawPdf pdf = new RawPdf();
			int catalog = pdf.reserve();
			int pages = pdf.reserve();
			int font = pdf.add(FONT);
			int contents = pdf.addStream("", RawPdf.ascii("BT /F1 12 Tf 72 720 Td (Nested.) Tj ET"));
			int page = pdf.add(page(pages, contents, "<< /Font << /F1 " + font + " 0 R >> >> /Nested "
					+ "[".repeat(depth) + "]".repeat(depth)));
			pdf.set(pages, "<< /Type /Pages /Kids [" + page + " 0 R] /Count 1 >>");
			pdf.set(catalog, "<< /Type /Catalog /Pages " + pages + " 0 R >>");
			return pdf.build(catalog);
		});
	}

	/** A page tree whose only kid is the tree itself. */
	public static byte[] pdfWithPageTreeCycle() {
		return made("pdf-cycle", () -> {
			RawPdf pdf = new RawPdf();
			int catalog = pdf.reserve();
			int pages = pdf.reserve();
			pdf.set(pages, "<< /Type /Pages /Kids [" + pages + " 0 R] /Count 1000000 >>");
			pdf.set(catalog, "<< /Type /Catalog /Pages " + pages + " 0 R >>");
			return pdf.build(catalog);
		});
	}

	private static byte[] pages(int count, int claimed) {
		RawPdf pdf = new RawPdf();
		int catalog = pdf.reserve();
		int pages = pdf.reserve();
		int font = pdf.add(FONT);
		int contents = pdf.addStream("", RawPdf.ascii("BT /F1 12 Tf 72 720 Td (A page of a PDF bomb with many pages.) Tj ET"));
		String resources = "<< /Font << /F1 " + font + " 0 R >> >>";
		StringBuilder kids = new StringBuilder();
		for (int i = 0; i < count; i++) {
			kids.append(pdf.add(page(pages, contents, resources))).append(" 0 R ");
		}
		pdf.set(pages, "<< /Type /Pages /Kids [" + kids + "] /Count " + claimed + " >>");
		pdf.set(catalog, "<< /Type /Catalog /Pages " + pages + " 0 R >>");
		return pdf.build(catalog);
	}

	private static byte[] onePage(String contentEntries, byte[] content, String font) {
		RawPdf pdf = new RawPdf();
		int catalog = pdf.reserve();
		int pages = pdf.reserve();
		int fontObject = pdf.add(font);
		int contents = pdf.addStream(contentEntries, content);
		int page = pdf.add(page(pages, contents, "<< /Font << /F1 " + fontObject + " 0 R >> >>"));
		pdf.set(pages, "<< /Type /Pages /Kids [" + page + " 0 R] /Count 1 >>");
		pdf.set(catalog, "<< /Type /Catalog /Pages " + pages + " 0 R >>");
		return pdf.build(catalog);
	}

	private static String page(int parent, int contents, String resources) {
		return "<< /Type /Page /Parent " + parent + " 0 R /MediaBox [0 0 612 792] /Contents " + contents
				+ " 0 R /Resources " + resources + " >>";
	}

	// E-mail

	/** An e-mail whose multipart/mixed body has that many small text/plain parts. */
	public static byte[] emailWithParts(int parts) {
		return made("mail-parts-" + parts, () -> {
			StringBuilder mail = headers("multipart/mixed; boundary=\"b\"");
			for (int i = 0; i < parts; i++) {
				mail.append("--b\r\nContent-Type: text/plain\r\n\r\npart ").append(i).append("\r\n");
			}
			return ascii(mail.append("--b--\r\n"));
		});
	}

	/** An e-mail of multiparts nested that deep, a text/plain part at the bottom. */
	public static byte[] emailWithNestedMultiparts(int depth) {
		return made("mail-nested-multiparts-" + depth, () -> {
			StringBuilder mail = headers("multipart/mixed; boundary=\"b0\"");
			for (int level = 1; level <= depth; level++) {
				mail.append("--b").append(level - 1).append("\r\nContent-Type: multipart/mixed; boundary=\"b")
					.append(level).append("\"\r\n\r\n");
			}
			mail.append("--b").append(depth).append("\r\nContent-Type: text/plain\r\n\r\nAt the bottom.\r\n");
			for (int level = depth; level >= 0; level--) {
				mail.append("--b").append(level).append("--\r\n");
			}
			return ascii(mail);
		});
	}

	/** An e-mail forwarding an e-mail forwarding an e-mail …, that deep. */
	public static byte[] emailWithNestedMessages(int depth) {
		return made("mail-nested-messages-" + depth, () -> {
			String message = "From: bottom@example.org\r\nSubject: bottom\r\nContent-Type: text/plain\r\n\r\nAt the bottom.\r\n";
			for (int level = 0; level < depth; level++) {
				message = "From: level" + level + "@example.org\r\nSubject: Fwd\r\nMIME-Version: 1.0\r\n"
						+ "Content-Type: message/rfc822\r\n\r\n" + message;
			}
			return RawPdf.ascii(message);
		});
	}

	/** An e-mail with a short body and that many attachments of the same file (base64). */
	public static byte[] emailWithAttachments(int count, String fileName, String contentType, byte[] attachment) {
		StringBuilder mail = headers("multipart/mixed; boundary=\"b\"");
		mail.append("--b\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\nPlease find the files attached.\r\n");
		String encoded = Base64.getMimeEncoder().encodeToString(attachment);
		for (int i = 0; i < count; i++) {
			mail.append("--b\r\nContent-Type: ").append(contentType).append("\r\nContent-Disposition: attachment; ")
				.append("filename=\"").append(i).append('-').append(fileName)
				.append("\"\r\nContent-Transfer-Encoding: base64\r\n\r\n").append(encoded).append("\r\n");
		}
		return ascii(mail.append("--b--\r\n"));
	}

	private static StringBuilder headers(String contentType) {
		return new StringBuilder("From: sender@example.org\r\nTo: registry@example.org\r\nSubject: A bomb\r\n"
				+ "MIME-Version: 1.0\r\nContent-Type: ").append(contentType).append("\r\n\r\n");
	}

	// JSON

	/** A JSON value nested that deep: arrays, or objects under the given field name. */
	public static byte[] jsonNested(int depth, String field) {
		return made("json-nested-" + depth + "-" + field, () -> (field == null) ? ascii(
				new StringBuilder("[".repeat(depth)).append("]".repeat(depth)))
				: ascii(new StringBuilder(("{\"" + field + "\":").repeat(depth)).append("1").append("}".repeat(depth))));
	}

	// Compression

	/**
	 * The zlib stream (RFC 1950, as PDF's FlateDecode reads it) of a unit repeated to about that many bytes, made
	 * without compressing them all: the deflate blocks of one 64 KB chunk, flushed to a byte boundary, repeat.
	 */
	public static byte[] zlib(byte[] unit, long bytes) {
		int units = Math.max(1, 65536 / unit.length);
		byte[] chunk = new byte[units * unit.length];
		for (int i = 0; i < units; i++) {
			System.arraycopy(unit, 0, chunk, i * unit.length, unit.length);
		}
		long chunks = Math.max(2, (bytes + chunk.length - 1) / chunk.length);
		Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
		try {
			byte[] first = syncFlushed(deflater, chunk);
			byte[] next = syncFlushed(deflater, chunk);
			byte[] last = finished(deflater);
			Adler32 adler = new Adler32();
			for (long i = 0; i < chunks; i++) {
				adler.update(chunk);
			}
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			out.write(0x78);
			out.write(0xDA);
			out.writeBytes(first);
			for (long i = 1; i < chunks; i++) {
				out.writeBytes(next);
			}
			out.writeBytes(last);
			out.writeBytes(ByteBuffer.allocate(4).putInt((int) adler.getValue()).array());
			return out.toByteArray();
		}
		finally {
			deflater.end();
		}
	}

	/** The zlib stream of the bytes (for a second layer of Flate). */
	public static byte[] zlib(byte[] data) {
		Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
		try {
			deflater.setInput(data);
			deflater.finish();
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			byte[] buffer = new byte[8192];
			while (!deflater.finished()) {
				out.write(buffer, 0, deflater.deflate(buffer));
			}
			return out.toByteArray();
		}
		finally {
			deflater.end();
		}
	}

	/** Deflates the input and flushes it to a byte boundary: blocks that can follow any others. */
	private static byte[] syncFlushed(Deflater deflater, byte[] input) {
		deflater.setInput(input);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		byte[] buffer = new byte[8192];
		int n;
		do {
			n = deflater.deflate(buffer, 0, buffer.length, Deflater.SYNC_FLUSH);
			out.write(buffer, 0, n);
		}
		while (n == buffer.length);
		return out.toByteArray();
	}

	/** The final (empty) block. */
	private static byte[] finished(Deflater deflater) {
		deflater.setInput(new byte[0]);
		deflater.finish();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		byte[] buffer = new byte[64];
		while (!deflater.finished()) {
			out.write(buffer, 0, deflater.deflate(buffer));
		}
		return out.toByteArray();
	}

	private static byte[] made(String key, Supplier<byte[]> maker) {
		return MADE.computeIfAbsent(key, (ignored) -> maker.get()).clone();
	}

	private static byte[] ascii(StringBuilder text) {
		return text.toString().getBytes(StandardCharsets.ISO_8859_1);
	}

}
