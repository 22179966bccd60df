package org.valise.notification;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * An office's webhook endpoint for the tests, on the JDK's HTTP server: it verifies each request's signature the way
 * an office would (HMAC-SHA256 over "timestamp.body" with the office's secret, constant-time compare, fresh
 * timestamp), answers 401 to a bad one, else the status scripted for its hook (200 by default), and keeps every
 * request.
 */
final class WebhookReceiver {

	private final HttpServer server;

	private final Map<String, String> secrets = new ConcurrentHashMap<>();

	private final Map<String, Deque<Integer>> scripts = new ConcurrentHashMap<>();

	private final Map<String, Integer> otherwise = new ConcurrentHashMap<>();

	private final List<Request> requests = new CopyOnWriteArrayList<>();

	private final Map<String, CountDownLatch> holds = new ConcurrentHashMap<>();

	private final List<String> waiting = new CopyOnWriteArrayList<>();

	WebhookReceiver() {
		try {
			this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		this.server.createContext("/hooks/", this::handle);
		this.server.setExecutor(Executors.newFixedThreadPool(4, (task) -> {
			Thread thread = new Thread(task, "webhook-receiver");
			thread.setDaemon(true);
			return thread;
		}));
		this.server.start();
	}

	/** A hook of an office, verifying with that office's secret; answers the given statuses, then 200 for ever. */
	String hook(String name, String secret, Integer... statuses) {
		this.secrets.put(name, secret);
		this.scripts.put(name, new ArrayDeque<>(List.of(statuses)));
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + "/hooks/" + name;
	}

	/** From now on, answer this status to the hook once its script is done. */
	void otherwise(String name, int status) {
		this.otherwise.put(name, status);
	}

	/** Holds every answer of the hook (a slow office) until the returned latch is counted down. */
	CountDownLatch hold(String name) {
		CountDownLatch latch = new CountDownLatch(1);
		this.holds.put(name, latch);
		return latch;
	}

	/** Whether a request to the hook is being held right now. */
	boolean holding(String name) {
		return this.waiting.contains(name);
	}

	List<Request> requestsTo(String name) {
		return this.requests.stream().filter((request) -> request.hook().equals(name)).toList();
	}

	private void handle(HttpExchange exchange) throws IOException {
		String hook = exchange.getRequestURI().getPath().substring("/hooks/".length());
		byte[] body;
		try (InputStream in = exchange.getRequestBody()) {
			body = in.readAllBytes();
		}
		String id = exchange.getRequestHeaders().getFirst("webhook-id");
		String timestamp = exchange.getRequestHeaders().getFirst("webhook-timestamp");
		String signature = exchange.getRequestHeaders().getFirst("webhook-signature");
		boolean valid = verify(this.secrets.get(hook), id, timestamp, body, signature);
		CountDownLatch hold = this.holds.get(hook);
		if (hold != null) {
			this.waiting.add(hook);
			try {
				hold.await(30, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			this.waiting.remove(hook);
		}
		Deque<Integer> script = this.scripts.get(hook);
		Integer scripted = (script != null) ? script.poll() : null;
		int status = !valid ? 401 : (scripted != null) ? scripted : this.otherwise.getOrDefault(hook, 200);
		this.requests.add(new Request(hook, exchange.getRequestHeaders().getFirst("X-Valise-Event-Id"),
				exchange.getRequestHeaders().getFirst("X-Valise-Event-Type"),
				exchange.getRequestHeaders().getFirst("webhook-id"),
				exchange.getRequestHeaders().getFirst("X-Valise-Acknowledgement-Link"),
				new String(body, StandardCharsets.UTF_8), valid, status));
		exchange.sendResponseHeaders(status, -1);
		exchange.close();
	}

	/** Verifies a Standard Webhooks signature: v1,base64(HMAC-SHA256(secret, id.timestamp.body)), 5 minutes' skew. */
	private static boolean verify(String secret, String id, String timestamp, byte[] body, String signature) {
		if (secret == null || id == null || timestamp == null || signature == null) {
			return false;
		}
		if (Math.abs(Instant.now().getEpochSecond() - Long.parseLong(timestamp)) > 300) {
			return false;
		}
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
			byte[] expected = mac.doFinal(body);
			for (String candidate : signature.split(" ")) {
				if (candidate.startsWith("v1,")
						&& MessageDigest.isEqual(expected, Base64.getDecoder().decode(candidate.substring(3)))) {
					return true;
				}
			}
			return false;
		}
		catch (Exception ex) {
			return false;
		}
	}

	/**
	 * A request the receiver got.
	 *
	 * @param hook which hook
	 * @param eventId X-Valise-Event-Id
	 * @param eventType X-Valise-Event-Type
	 * @param deliveryId webhook-id (the delivery id, the same on every attempt)
	 * @param acknowledgementLink X-Valise-Acknowledgement-Link
	 * @param body the raw body
	 * @param signatureValid whether the signature verified
	 * @param status what it answered
	 */
	record Request(String hook, String eventId, String eventType, String deliveryId, String acknowledgementLink,
			String body, boolean signatureValid, int status) {
	}

}
