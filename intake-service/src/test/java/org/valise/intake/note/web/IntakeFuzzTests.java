package org.valise.intake.note.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

import com.sun.management.GarbageCollectionNotificationInfo;
import org.junit.jupiter.api.Test;
import org.valise.intake.IntakeBrokerTest;
import org.valise.platform.fuzz.Malformed;
import org.valise.platform.fuzz.MalformedInputs;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.MockMvcPrint;
import org.springframework.boot.webmvc.test.autoconfigure.SpringBootMockMvcBuilderCustomizer;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockPart;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.DefaultMockMvcBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import org.valise.samples.SampleNotes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * What an attacker holding a valid submitter's token would send: more than ten thousand malformed inputs
 * ({@link MalformedInputs}, seeded: set {@code -Dvalise.fuzz.seed} to replay another run) to every intake endpoint —
 * text, JSON and uploads to {@code POST /api/v1/notes}, text and uploads to {@code POST /api/v1/notes/parse} — in
 * process through the whole filter chain (Spring Security, the rate limit) and Spring MVC, then whole multipart
 * bodies and broken HTTP over real connections to Tomcat, whose parsing the in-process client skips. No answer may
 * be a 5xx, and the heap must stay bounded while bombs are read.
 */
@IntakeBrokerTest
class IntakeFuzzTests {

	private static final long SEED = Long.getLong("valise.fuzz.seed", 20_261_206L);

	private static final int IN_PROCESS = Integer.getInteger("valise.fuzz.requests", 10_240);

	private static final int MULTIPART_OVER_HTTP = 240;

	private static final int BODIES_OVER_HTTP = 120;

	/** Every this many in-process requests, a bomb instead of an ordinary malformed file. */
	private static final int BOMB_EVERY = 128;

	private static final long MB = 1024 * 1024;

	private static final String BEARER = "Bearer " + IntakeBrokerTest.TOKEN;

	@Autowired
	WebApplicationContext context;

	@LocalServerPort
	int port;

	private final Map<String, Integer> statuses = new TreeMap<>();

	private final List<String> failures = new ArrayList<>();

	private final Map<String, Long> nanosByKind = new TreeMap<>();

	private int requests;

	@Test
	void answersTenThousandMalformedInputsWithoutA5xxInBoundedMemory() throws Exception {
		MalformedInputs inputs = new MalformedInputs(SEED, texts(), jsonExamples());
		MockMvc mvc = mockMvc();
		HttpClient http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(5))
			.build();
		// Thousands of accepted notes would each log two lines at INFO (CanaryTests checks what they say).
		LoggingSystem logging = LoggingSystem.get(getClass().getClassLoader());
		logging.setLogLevel("org.valise.intake.note", LogLevel.WARN);
		long start = System.nanoTime();
		Heap heap = Heap.watch();
		try {
			fuzz(inputs, mvc, http);
		}
		finally {
			logging.setLogLevel("org.valise.intake.note", null);
		}
		Heap.Figures memory = heap.stop();
		Duration took = Duration.ofNanos(System.nanoTime() - start);

		System.out.printf(Locale.ROOT, "Fuzzed %,d requests (seed %d) in %.1f s: %s%n", this.requests, SEED,
				took.toMillis() / 1000.0, histogram());
		System.out.printf(Locale.ROOT, "Heap used: %,d MB before, %,d MB after, %,d MB at most after a collection, "
				+ "%,d MB at most (garbage included)%n", memory.before() / MB, memory.after() / MB,
				memory.peakAfterCollection() / MB, memory.peak() / MB);
		System.out.printf(Locale.ROOT, "Slowest kinds in process: %s; most live heap after a collection while reading %s%n",
				this.nanosByKind.entrySet()
					.stream()
					.sorted(Map.Entry.<String, Long>comparingByValue().reversed())
					.limit(12)
					.map((entry) -> String.format(Locale.ROOT, "%s %.1f s", entry.getKey(), entry.getValue() / 1e9))
					.collect(Collectors.joining(", ")), Heap.peakKind);
		assertThat(this.requests).isGreaterThanOrEqualTo(Math.min(10_000, IN_PROCESS));
		assertThat(this.failures).as("answers of 5xx").isEmpty();
		assertThat(memory.after() - memory.before()).as("heap kept after the run").isLessThan(96 * MB);
		assertThat(memory.peakAfterCollection() - memory.before()).as("live heap while fuzzing")
			.isLessThan(512 * MB);
	}

	private void fuzz(MalformedInputs inputs, MockMvc mvc, HttpClient http) throws IOException {
		for (int i = 0; i < IN_PROCESS; i++) {
			String path = (i % 8 == 7) ? "/api/v1/notes/parse" : "/api/v1/notes";
			if (i % BOMB_EVERY == BOMB_EVERY - 1) {
				inProcess(mvc, path, inputs.bomb());
			}
			else if (i % 4 == 3) {
				inProcess(mvc, path, upload(inputs.upload()));
			}
			else {
				inProcess(mvc, path, inputs.body());
			}
		}
		for (int i = 0; i < MULTIPART_OVER_HTTP; i++) {
			overHttp(http, (i % 5 == 4) ? "/api/v1/notes/parse" : "/api/v1/notes", inputs.multipart("file"));
		}
		for (int i = 0; i < BODIES_OVER_HTTP; i++) {
			overHttp(http, "/api/v1/notes", inputs.body());
		}
		for (byte[] request : BrokenHttp.requests(BEARER)) {
			overSocket(request);
		}
	}

	private void inProcess(MockMvc mvc, String path, Malformed input) {
		AbstractMockHttpServletRequestBuilder<?> request;
		if (input.fileName() != null || input.kind().startsWith("upload:")) {
			MockPart part = new RawPart(input.fileName(), input.contentType(), input.body());
			request = multipart(URI.create(path)).part(part);
		}
		else {
			MockHttpServletRequestBuilder body = post(URI.create(path)).content(input.body());
			if (input.contentType() != null && !input.contentType().isEmpty()) {
				body.header(HttpHeaders.CONTENT_TYPE, input.contentType());
			}
			request = body;
		}
		request.header(HttpHeaders.AUTHORIZATION, BEARER);
		Heap.current = input.kind();
		long start = System.nanoTime();
		try {
			MvcResult result = mvc.perform(request).andReturn();
			record(input, result.getResponse().getStatus(), result.getResponse().getContentAsString());
		}
		catch (Exception ex) {
			// Nothing answered it: in a servlet container, a 500.
			record(input, 500, ex.toString());
		}
		this.nanosByKind.merge(input.kind(), System.nanoTime() - start, Long::sum);
	}

	private void overHttp(HttpClient http, String path, Malformed input) {
		HttpRequest request;
		try {
			HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
				.timeout(Duration.ofSeconds(30))
				.header(HttpHeaders.AUTHORIZATION, BEARER)
				.POST(HttpRequest.BodyPublishers.ofByteArray(input.body()));
			if (input.contentType() != null && !input.contentType().isEmpty()) {
				builder.header(HttpHeaders.CONTENT_TYPE, input.contentType());
			}
			request = builder.build();
		}
		catch (IllegalArgumentException ex) {
			// A header no HTTP client sends (a NUL in it): the broken requests over a socket send such things.
			this.statuses.merge("unsendable", 1, Integer::sum);
			return;
		}
		try {
			HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
			record(input, response.statusCode(), response.body());
		}
		catch (IOException ex) {
			// Tomcat may answer early (413) and close before the client has sent everything.
			count("closed");
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private void overSocket(byte[] request) throws IOException {
		try (Socket socket = new Socket("127.0.0.1", this.port)) {
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			out.write(request);
			out.flush();
			socket.shutdownOutput();
			InputStream in = socket.getInputStream();
			String answer = new String(in.readNBytes(16_384), StandardCharsets.ISO_8859_1);
			// Interim answers (100 Continue) aside, the worst of the answers (a pipelined request gets its own).
			int status = java.util.regex.Pattern.compile("(?m)^HTTP/1\\.1 (\\d{3})")
				.matcher(answer)
				.results()
				.mapToInt((match) -> Integer.parseInt(match.group(1)))
				.filter((code) -> code >= 200)
				.max()
				.orElse(0);
			if (status == 501 || status == 505) {
				// Tomcat's answer to a transfer coding it does not know (RFC 9112, 6.1) or to HTTP/9.9 (RFC 9110,
				// 15.6.6), as the protocol requires, before any of intake is involved.
				count(status + " (Tomcat)");
			}
			else if (status > 0) {
				record(Malformed.body("broken-http", null, request), status, answer);
			}
			else {
				count("closed");
			}
		}
		catch (IOException ex) {
			count("closed");
		}
	}

	private void record(Malformed input, int status, String body) {
		Heap.current = input.kind();
		count(String.valueOf(status));
		if (status >= 500 && this.failures.size() < 20) {
			this.failures.add(status + " for " + input + ": " + body.substring(0, Math.min(body.length(), 400)));
		}
	}

	private void count(String outcome) {
		this.requests++;
		this.statuses.merge(outcome, 1, Integer::sum);
	}

	private String histogram() {
		return this.statuses.entrySet()
			.stream()
			.map((entry) -> String.format(Locale.ROOT, "%s×%,d", entry.getKey(), entry.getValue()))
			.collect(Collectors.joining(" "));
	}

	/** The whole filter chain of the application (Spring Security, the rate limit), as Spring Boot's MockMvc has it. */
	private MockMvc mockMvc() {
		DefaultMockMvcBuilder builder = MockMvcBuilders.webAppContextSetup(this.context);
		SpringBootMockMvcBuilderCustomizer customizer = new SpringBootMockMvcBuilderCustomizer(this.context);
		customizer.setPrint(MockMvcPrint.NONE);
		customizer.customize(builder);
		return builder.build();
	}

	/** A part as Tomcat gives it: its Content-Type as sent, parsed or not ({@link MockPart} parses it). */
	private static final class RawPart extends MockPart {

		private final String contentType;

		RawPart(String fileName, String contentType, byte[] content) {
			super("file", fileName, content);
			// A part without a file name is a form field, whose charset MockMvc reads from a type it must parse.
			this.contentType = (contentType == null || contentType.isEmpty() || (fileName == null && !parses(contentType)))
					? null : contentType;
			if (this.contentType != null) {
				getHeaders().set(HttpHeaders.CONTENT_TYPE, this.contentType);
			}
		}

		@Override
		public String getContentType() {
			return this.contentType;
		}

		private static boolean parses(String contentType) {
			try {
				org.springframework.http.MediaType.parseMediaType(contentType);
				return true;
			}
			catch (IllegalArgumentException ex) {
				return false;
			}
		}

	}

	/** A file, as an upload even when the generator made it as a body. */
	private static Malformed upload(Malformed input) {
		return (input.fileName() != null) ? input
				: new Malformed("upload:" + input.kind(), input.contentType(), null, input.body());
	}

	private static List<String> texts() {
		return SampleNotes.all().stream().limit(8).map(SampleNotes.Sample::text).toList();
	}

	private static List<String> jsonExamples() {
		return List.of("""
				{"sender": "Permanent Mission of the Kingdom of Cambodia", "reference": "2021/01/105",
				 "date": "2021-01-28", "docType": "note_verbale", "language": "en", "confidential": false,
				 "highestDestination": true, "place": "Geneva", "recipient": "International Organization for Migration",
				 "enclosures": [{"title": "Letter", "author": "Prime Minister", "addressee": "Director General"}],
				 "text": "The Permanent Mission presents its compliments."}""", """
				{"sender": "Embassy of Ruritania", "subject": "Visas for the delegation", "inReplyTo": "12/2024",
				 "requestedAction": "issue visas", "recipientHead": "Director General", "text": null}""");
	}

	/** Heap before, during and after a run: used heap after full collections, and the peaks in between. */
	private static final class Heap implements NotificationListener {

		private final long before;

		private final AtomicLong peakAfterCollection = new AtomicLong();

		/** What was being read, to name it when the heap peaks. */
		static volatile String current;

		static volatile String peakKind;

		private Heap(long before) {
			this.before = before;
		}

		static Heap watch() {
			Heap heap = new Heap(usedAfterFullCollection());
			heap.peakAfterCollection.set(heap.before);
			ManagementFactory.getMemoryPoolMXBeans()
				.stream()
				.filter((pool) -> pool.getType() == MemoryType.HEAP)
				.forEach(MemoryPoolMXBean::resetPeakUsage);
			for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
				((NotificationEmitter) collector).addNotificationListener(heap, null, null);
			}
			return heap;
		}

		Figures stop() throws Exception {
			for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
				((NotificationEmitter) collector).removeNotificationListener(this);
			}
			long peak = ManagementFactory.getMemoryPoolMXBeans()
				.stream()
				.filter((pool) -> pool.getType() == MemoryType.HEAP)
				.mapToLong((pool) -> pool.getPeakUsage().getUsed())
				.sum();
			return new Figures(this.before, usedAfterFullCollection(), this.peakAfterCollection.get(), peak);
		}

		@Override
		public void handleNotification(javax.management.Notification notification, Object handback) {
			if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
				GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo
					.from((CompositeData) notification.getUserData());
				long used = info.getGcInfo().getMemoryUsageAfterGc().values().stream().mapToLong((usage) -> usage.getUsed()).sum();
				if (used > this.peakAfterCollection.getAndAccumulate(used, Math::max)) {
					peakKind = current;
				}
			}
		}

		private static long usedAfterFullCollection() {
			for (int i = 0; i < 3; i++) {
				System.gc();
			}
			return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
		}

		record Figures(long before, long after, long peakAfterCollection, long peak) {
		}

	}

	/** HTTP requests no client library would send: lying lengths, broken chunks, smuggling, oversized headers. */
	private static final class BrokenHttp {

		private BrokenHttp() {
		}

		static List<byte[]> requests(String bearer) {
			String head = "POST /api/v1/notes HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: " + bearer + "\r\n";
			String note = "No. 2024/07/001 The Permanent Mission presents its compliments.";
			List<String> requests = new ArrayList<>();
			for (int i = 0; i < 5; i++) {
				requests.add(head + "Content-Type: text/plain\r\nContent-Length: " + (note.length() + 1000) + "\r\n\r\n" + note);
				requests.add(head + "Content-Type: text/plain\r\nContent-Length: 5\r\n\r\n" + note + "\r\n\r\nGARBAGE / HTTP/1.1\r\n\r\n");
				requests.add(head + "Content-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n" + note + "\r\n0\r\n\r\n");
				requests.add(head + "Content-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\n7fffffffffffffff\r\n" + note);
				requests.add(head + "Content-Type: text/plain\r\nContent-Length: 10\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n");
				requests.add(head + "Content-Type: text/plain\r\nTransfer-Encoding: gzip, chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n");
				requests.add(head + "Content-Type: text/plain\r\nContent-Length: -1\r\n\r\n" + note);
				requests.add(head + "Content-Type: text/plain\r\nContent-Length: 99999999999999999999\r\n\r\n" + note);
				requests.add(head + "Content-Type: text/plain\r\nX-Long: " + "x".repeat(20_000) + "\r\nContent-Length: "
						+ note.length() + "\r\n\r\n" + note);
				requests.add(head + "Content-Type: text/plain\r\n Folded: header\r\nContent-Length: " + note.length()
						+ "\r\n\r\n" + note);
				requests.add(head + "Content-Type: text/pl\u0000ain\r\nContent-Length: " + note.length() + "\r\n\r\n" + note);
				requests.add(head + "Content-Type: text/plain; charset=\u00ff\u00fe\r\nContent-Length: " + note.length()
						+ "\r\n\r\n" + note);
				requests.add(head + "Content-Type: text/plain\r\nContent-Encoding: gzip\r\nContent-Length: " + note.length()
						+ "\r\n\r\n" + note);
				requests.add(head + "Content-Type: text/plain\r\nExpect: 100-continue\r\nContent-Length: " + note.length()
						+ "\r\n\r\n" + note);
				requests.add(head + "Content-Type: multipart/form-data; boundary=b\r\nContent-Length: 30\r\n\r\n--b\r\n"
						+ "Content-Disposition: form-data; name=\"file\"\r\n");
				requests.add("POST /api/v1/notes HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: " + bearer + "\r\n"
						+ "Authorization: Bearer forged\r\nContent-Type: text/plain\r\nContent-Length: " + note.length()
						+ "\r\n\r\n" + note);
				requests.add("POST /api/v1/notes/../notes HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: " + bearer
						+ "\r\nContent-Type: text/plain\r\nContent-Length: " + note.length() + "\r\n\r\n" + note);
				requests.add("POST /api/v1/notes;jsessionid=x HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: " + bearer
						+ "\r\nContent-Type: text/plain\r\nContent-Length: " + note.length() + "\r\n\r\n" + note);
				requests.add("POST /api/v1/%6eotes HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: " + bearer
						+ "\r\nContent-Type: text/plain\r\nContent-Length: 3\r\n\r\n\u00ff\u00fe\u0000");
				requests.add("P\u00d6ST /api/v1/notes HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
				requests.add("POST /api/v1/notes HTTP/9.9\r\nHost: 127.0.0.1\r\n\r\n");
				requests.add("POST /api/v1/notes HTTP/1.1\r\n" + "X-Many: 1\r\n".repeat(200) + "Authorization: " + bearer
						+ "\r\nContent-Type: text/plain\r\nContent-Length: " + note.length() + "\r\n\r\n" + note);
			}
			return requests.stream().map((request) -> request.getBytes(StandardCharsets.ISO_8859_1)).toList();
		}

	}

}
