package org.valise.platform.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a PDF object by object, as bytes, with a correct cross-reference table — so that a test can make the PDFs
 * no word processor would (thousands of pages, a stream that inflates to gigabytes, a form that draws itself)
 * without a PDF library. Objects are numbered from 1 in the order they are added; {@link #reserve()} numbers one
 * to be set later, for objects that refer to each other.
 */
final class RawPdf {

	private final List<byte[]> objects = new ArrayList<>();

	/** Reserves the next object number. */
	int reserve() {
		this.objects.add(null);
		return this.objects.size();
	}

	/** Adds an object (a dictionary, an array, …), returning its number. */
	int add(String object) {
		int number = reserve();
		set(number, object);
		return number;
	}

	/** Adds a stream with its dictionary entries (without /Length, which is added). */
	int addStream(String entries, byte[] data) {
		int number = reserve();
		setStream(number, entries, data);
		return number;
	}

	void set(int number, String object) {
		this.objects.set(number - 1, ascii(object));
	}

	void setStream(int number, String entries, byte[] data) {
		ByteArrayOutputStream object = new ByteArrayOutputStream(data.length + 64);
		object.writeBytes(ascii("<< " + entries + " /Length " + data.length + " >>\nstream\n"));
		object.writeBytes(data);
		object.writeBytes(ascii("\nendstream"));
		this.objects.set(number - 1, object.toByteArray());
	}

	/** The file, its trailer's /Root being the given object. */
	byte[] build(int root) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.writeBytes(ascii("%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n"));
		long[] offsets = new long[this.objects.size()];
		for (int i = 0; i < this.objects.size(); i++) {
			offsets[i] = out.size();
			out.writeBytes(ascii((i + 1) + " 0 obj\n"));
			out.writeBytes((this.objects.get(i) != null) ? this.objects.get(i) : ascii("null"));
			out.writeBytes(ascii("\nendobj\n"));
		}
		long xref = out.size();
		StringBuilder table = new StringBuilder("xref\n0 ").append(this.objects.size() + 1).append("\n0000000000 65535 f\r\n");
		for (long offset : offsets) {
			table.append(String.format("%010d 00000 n\r\n", offset));
		}
		table.append("trailer\n<< /Size ").append(this.objects.size() + 1).append(" /Root ").append(root)
			.append(" 0 R >>\nstartxref\n").append(xref).append("\n%%EOF\n");
		out.writeBytes(ascii(table.toString()));
		return out.toByteArray();
	}

	static byte[] ascii(String text) {
		return text.getBytes(StandardCharsets.ISO_8859_1);
	}

}
