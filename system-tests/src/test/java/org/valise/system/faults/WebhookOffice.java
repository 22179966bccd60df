package org.valise.system.faults;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

/**
 * An office that takes its notes by webhook: an HTTPS endpoint on 127.0.0.1 with a self-signed certificate (made by
 * keytool; notification-service trusts it through {@link #trustStoreOptions()}). It answers 204, or 500 while
 * {@link #failing(boolean)}, and counts the calls per {@code X-Valise-Delivery-Id}.
 */
final class WebhookOffice implements AutoCloseable {

	static final String PASSWORD = "fault-harness";

	private final HttpsServer server;

	private final ExecutorService executor = Executors.newFixedThreadPool(4);

	private final Path trustStore;

	private final Map<String, AtomicInteger> acceptedByDelivery = new ConcurrentHashMap<>();

	private final AtomicInteger refused = new AtomicInteger();

	private volatile boolean failing;

	private WebhookOffice(HttpsServer server, Path trustStore) {
		this.server = server;
		this.trustStore = trustStore;
	}

	/** Makes a key pair and certificate for 127.0.0.1 in the directory, and starts the endpoint. */
	static WebhookOffice start(Path directory) throws Exception {
		Path keyStore = directory.resolve("webhook-office.p12");
		Path certificate = directory.resolve("webhook-office.crt");
		Path trustStore = directory.resolve("webhook-trust.p12");
		keytool("-genkeypair", "-alias", "office", "-keyalg", "RSA", "-keysize", "2048", "-validity", "7", "-dname",
				"CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1", "-keystore", keyStore.toString(), "-storetype", "PKCS12",
				"-storepass", PASSWORD, "-keypass", PASSWORD);
		keytool("-exportcert", "-rfc", "-alias", "office", "-keystore", keyStore.toString(), "-storepass", PASSWORD,
				"-file", certificate.toString());
		keytool("-importcert", "-noprompt", "-alias", "office", "-file", certificate.toString(), "-keystore",
				trustStore.toString(), "-storetype", "PKCS12", "-storepass", PASSWORD);

		KeyStore keys = KeyStore.getInstance("PKCS12");
		try (InputStream in = Files.newInputStream(keyStore)) {
			keys.load(in, PASSWORD.toCharArray());
		}
		KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
		keyManagers.init(keys, PASSWORD.toCharArray());
		SSLContext tls = SSLContext.getInstance("TLS");
		tls.init(keyManagers.getKeyManagers(), null, null);
		HttpsServer server = HttpsServer.create(
				new InetSocketAddress(InetAddress.getLoopbackAddress(), FaultHarness.freePort()), 100);
		server.setHttpsConfigurator(new HttpsConfigurator(tls));
		WebhookOffice office = new WebhookOffice(server, trustStore);
		server.createContext("/offices/", office::handle);
		server.setExecutor(office.executor);
		server.start();
		return office;
	}

	/** The webhook URL of an office. */
	String url(String officeId) {
		return "https://127.0.0.1:" + this.server.getAddress().getPort() + "/offices/" + officeId;
	}

	/** The JVM options that make a process trust this endpoint's certificate. */
	List<String> trustStoreOptions() {
		return List.of("-Djavax.net.ssl.trustStore=" + this.trustStore, "-Djavax.net.ssl.trustStorePassword=" + PASSWORD,
				"-Djavax.net.ssl.trustStoreType=PKCS12");
	}

	/** Whether the office answers 500 to every call. */
	void failing(boolean failing) {
		this.failing = failing;
	}

	/** Calls answered 2xx, per delivery id. */
	Map<String, Integer> acceptedByDelivery() {
		Map<String, Integer> copy = new TreeMap<>();
		this.acceptedByDelivery.forEach((id, count) -> copy.put(id, count.get()));
		return copy;
	}

	/** Calls answered 500. */
	int refused() {
		return this.refused.get();
	}

	@Override
	public void close() {
		this.server.stop(0);
		this.executor.shutdownNow();
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange; InputStream body = exchange.getRequestBody()) {
			body.readAllBytes();
			if (this.failing) {
				this.refused.incrementAndGet();
				exchange.sendResponseHeaders(500, -1);
				return;
			}
			String delivery = exchange.getRequestHeaders().getFirst("X-Valise-Delivery-Id");
			this.acceptedByDelivery.computeIfAbsent(String.valueOf(delivery), (id) -> new AtomicInteger())
				.incrementAndGet();
			exchange.sendResponseHeaders(204, -1);
		}
	}

	private static void keytool(String... arguments) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(List.of(Processes.jdkTool("keytool")));
		command.addAll(List.of(arguments));
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes());
		if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
			throw new IllegalStateException("keytool " + arguments[0] + " failed: " + output);
		}
	}

}
