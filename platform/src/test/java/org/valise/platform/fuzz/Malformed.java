package org.valise.platform.fuzz;

/**
 * One malformed input: a request body and the content type it is sent with, or a file to upload.
 *
 * @param kind what is wrong with it, for histograms and failure messages ("invalid-utf8", "pdf-pages", …)
 * @param contentType the Content-Type to send (for an upload: the part's), or {@code null} for none
 * @param fileName the file name of an upload, or {@code null}
 * @param body the bytes
 */
public record Malformed(String kind, String contentType, String fileName, byte[] body) {

	/** A body sent as is. */
	public static Malformed body(String kind, String contentType, byte[] body) {
		return new Malformed(kind, contentType, null, body);
	}

	/** A file to upload. */
	public static Malformed file(String kind, String fileName, String contentType, byte[] content) {
		return new Malformed(kind, contentType, fileName, content);
	}

	/** The same input with another content type. */
	public Malformed withContentType(String kind, String type) {
		return new Malformed(kind, type, this.fileName, this.body);
	}

	@Override
	public String toString() {
		return this.kind + " (" + this.contentType + ", " + ((this.fileName != null) ? this.fileName + ", " : "")
				+ this.body.length + " bytes)";
	}

}
