package org.valise.intake.note.file;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Field;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.filter.DecodeOptions;
import org.apache.pdfbox.filter.DecodeResult;
import org.apache.pdfbox.filter.Filter;
import org.apache.pdfbox.filter.FilterFactory;

import org.valise.intake.note.IntakeLimits;
import org.valise.intake.note.file.FileOverLimitException.Limit;

/**
 * Holds PDFBox's stream decoding to a budget while intake reads a PDF.
 * <p>
 * PDFBox 3.0 decodes every stream it reads (page contents, forms, fonts, and already while loading: object and
 * cross-reference streams) whole into the heap, and its {@code MemoryUsageSetting}/{@code RandomAccessStreamCache}
 * does not cover that: it only caches streams PDFBox writes. A 1 MB PDF whose Flate stream inflates to gigabytes
 * would take the heap with it. So every filter of PDFBox's {@link FilterFactory} is wrapped, once, in one that
 * counts what it decodes against the budget of the PDF being read on the current thread, checks the time budget as
 * it goes, refuses absurd predictor rows, and refuses to decode image data ({@code DCTDecode}, {@code JPXDecode},
 * {@code JBIG2Decode}, {@code CCITTFaxDecode}), which text extraction never needs and whose decoders allocate
 * rasters from the sizes the file declares. Outside {@link #within} (other users of PDFBox in this JVM, e.g. tests
 * that write PDFs) the wrappers decode as PDFBox does.
 * <p>
 * PDFBox offers no hook for this, so the wrappers are put into its filter map by reflection. Should a PDFBox
 * upgrade change that map, {@link #requireInstalled()} fails intake's start instead of reading PDFs unguarded.
 */
final class PdfDecoding {

	private static final Set<COSName> IMAGE_FILTERS = Set.of(COSName.DCT_DECODE, COSName.DCT_DECODE_ABBREVIATION,
			COSName.JPX_DECODE, COSName.JBIG2_DECODE, COSName.CCITTFAX_DECODE, COSName.CCITTFAX_DECODE_ABBREVIATION);

	private static final ThreadLocal<Budget> BUDGET = new ThreadLocal<>();

	private static final String FAILURE = install();

	private PdfDecoding() {
	}

	/** @throws IllegalStateException if PDFBox's filters could not be guarded */
	static void requireInstalled() {
		if (FAILURE != null) {
			throw new IllegalStateException("Cannot guard PDFBox's stream decoding (" + FAILURE + "); intake does not "
					+ "read PDFs unguarded. Check the PDFBox version against PdfDecoding.");
		}
	}

	/** Whether every filter PDFBox would decode with is guarded. */
	static boolean installed() {
		return FAILURE == null && guardedFilters().values().stream().allMatch(Guarded.class::isInstance);
	}

	/**
	 * Runs the reading of one PDF under a budget.
	 * @throws FileOverLimitException when the reading went over the budget, even if PDFBox swallowed the refusal
	 */
	static <T> T within(Budget budget, PdfWork<T> work) throws IOException {
		requireInstalled();
		Budget outer = BUDGET.get();
		BUDGET.set(budget);
		try {
			T result = work.run();
			budget.rethrowIfExceeded();
			return result;
		}
		catch (IOException | RuntimeException ex) {
			budget.rethrowIfExceeded();
			throw ex;
		}
		finally {
			if (outer != null) {
				BUDGET.set(outer);
			}
			else {
				BUDGET.remove();
			}
		}
	}

	/** The reading of a PDF. */
	interface PdfWork<T> {

		T run() throws IOException;

	}

	private static String install() {
		try {
			Map<COSName, Filter> filters = guardedFilters();
			Map<Filter, Filter> guards = new IdentityHashMap<>();
			filters.replaceAll((name, filter) -> (filter instanceof Guarded) ? filter
					: guards.computeIfAbsent(filter, (decoder) -> new Guarded(decoder, IMAGE_FILTERS.contains(name))));
			return null;
		}
		catch (RuntimeException ex) {
			return ex.getClass().getSimpleName() + ": " + ex.getMessage();
		}
	}

	@SuppressWarnings("unchecked")
	private static Map<COSName, Filter> guardedFilters() {
		try {
			Field field = FilterFactory.class.getDeclaredField("filters");
			field.setAccessible(true);
			return (Map<COSName, Filter>) field.get(FilterFactory.INSTANCE);
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** What one PDF may use: decoded bytes, in all, and time. */
	static final class Budget {

		private final String what;

		private final long maxDecoded;

		private final Reading reading;

		private long decoded;

		private FileOverLimitException exceeded;

		Budget(String what, Reading reading) {
			this.what = what;
			this.reading = reading;
			this.maxDecoded = reading.limits().pdf().maxDecodedSize().toBytes();
		}

		void decoded(long bytes) {
			this.decoded += bytes;
			if (this.decoded > this.maxDecoded) {
				throw exceeded(new FileOverLimitException(this.what, Limit.PDF_DECODED_SIZE, "decodes to more than "
						+ IntakeLimits.describe(this.reading.limits().pdf().maxDecodedSize())
						+ " (its compressed streams), the most intake reads of a PDF: send the note alone, as text "
						+ "or as a simple PDF"));
			}
		}

		void checkTime() {
			if (this.reading.overTime()) {
				throw exceeded(this.reading.overTime(this.what));
			}
		}

		FileOverLimitException exceeded(FileOverLimitException ex) {
			if (this.exceeded == null) {
				this.exceeded = ex;
			}
			return this.exceeded;
		}

		void rethrowIfExceeded() {
			if (this.exceeded != null) {
				throw this.exceeded;
			}
		}

		Reading reading() {
			return this.reading;
		}

		long left() {
			return this.maxDecoded - this.decoded;
		}

	}

	/** A PDFBox filter that decodes under the current thread's budget, if any. */
	private static final class Guarded extends Filter {

		private final Filter decoder;

		private final boolean image;

		Guarded(Filter decoder, boolean image) {
			this.decoder = decoder;
			this.image = image;
		}

		@Override
		public DecodeResult decode(InputStream encoded, OutputStream decoded, COSDictionary parameters, int index)
				throws IOException {
			Budget budget = BUDGET.get();
			if (budget == null) {
				return this.decoder.decode(encoded, decoded, parameters, index);
			}
			return this.decoder.decode(encoded, guard(budget, decoded, parameters, index), parameters, index);
		}

		@Override
		public DecodeResult decode(InputStream encoded, OutputStream decoded, COSDictionary parameters, int index,
				DecodeOptions options) throws IOException {
			Budget budget = BUDGET.get();
			if (budget == null) {
				return this.decoder.decode(encoded, decoded, parameters, index, options);
			}
			return this.decoder.decode(encoded, guard(budget, decoded, parameters, index), parameters, index, options);
		}

		@Override
		protected void encode(InputStream input, OutputStream encoded, COSDictionary parameters) throws IOException {
			this.decoder.encode(input, encoded, parameters, 0);
		}

		private OutputStream guard(Budget budget, OutputStream decoded, COSDictionary parameters, int index)
				throws IOException {
			budget.checkTime();
			if (this.image) {
				throw new IOException("image data is not decoded to read text");
			}
			COSDictionary decodeParameters = getDecodeParams(parameters, index);
			if (decodeParameters != null && decodeParameters.getInt(COSName.PREDICTOR, 1) > 1) {
				// The predictor keeps two rows of this many bytes, sized from what the file declares.
				long row = (long) decodeParameters.getInt(COSName.COLUMNS, 1) * decodeParameters.getInt(COSName.COLORS, 1)
						* decodeParameters.getInt(COSName.BITS_PER_COMPONENT, 8) / 8;
				if (row < 0 || 2 * row > budget.left()) {
					budget.decoded(Math.max(2 * row, budget.left() + 1));
				}
			}
			return new Counted(decoded, budget);
		}

	}

	/** Counts decoded bytes against the budget as they are written, and checks the time every 64 KB. */
	private static final class Counted extends FilterOutputStream {

		private static final long TIME_CHECK_BYTES = 64 * 1024;

		private final Budget budget;

		private long sinceTimeCheck;

		Counted(OutputStream out, Budget budget) {
			super(out);
			this.budget = budget;
		}

		@Override
		public void write(int b) throws IOException {
			counted(1);
			this.out.write(b);
		}

		@Override
		public void write(byte[] bytes, int offset, int length) throws IOException {
			counted(length);
			this.out.write(bytes, offset, length);
		}

		private void counted(int bytes) {
			this.budget.decoded(bytes);
			this.sinceTimeCheck += bytes;
			if (this.sinceTimeCheck >= TIME_CHECK_BYTES) {
				this.sinceTimeCheck = 0;
				this.budget.checkTime();
			}
		}

	}

}
