package org.valise.intake;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * A {@code multipart/form-data} request body with one part, as a browser or {@code curl -F} sends an upload.
 */
public record Multipart(String contentType, byte[] body) {

	/**
	 * @param partName the part's name ({@code file} for a note)
	 * @param fileName the file name sent, or {@code null} for none
	 * @param contentType the part's content type, or {@code null} for none
	 */
	public static Multipart of(String partName, String fileName, String contentType, byte[] content) {
		String boundary = "valise-" + UUID.randomUUID();
		StringBuilder head = new StringBuilder("--").append(boundary).append("\r\n")
			.append("Content-Disposition: form-data; name=\"").append(partName).append('"');
		if (fileName != null) {
			head.append("; filename=\"").append(fileName).append('"');
		}
		head.append("\r\n");
		if (contentType != null) {
			head.append("Content-Type: ").append(contentType).append("\r\n");
		}
		head.append("\r\n");
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
		body.writeBytes(content);
		body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
		return new Multipart("multipart/form-data; boundary=" + boundary, body.toByteArray());
	}

	/** A file upload in the part {@code file}. */
	public static Multipart file(String fileName, String contentType, byte[] content) {
		return of("file", fileName, contentType, content);
	}

	public HttpRequest.BodyPublisher publisher() {
		return HttpRequest.BodyPublishers.ofByteArray(this.body);
	}

}
