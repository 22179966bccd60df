package org.valise.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.valise.platform.security.TestTokens;

import static org.awaitility.Awaitility.await;

/**
 * The real Prometheus server (the Debian package's {@code /usr/bin/prometheus}, which {@code .ci/run} installs) as a
 * process on 127.0.0.1, scraping the given services every second with the project's alert rules loaded, its data in
 * a temporary folder; its output goes to {@code target/system-tests/prometheus.log}.
 */
final class PrometheusProcess implements AutoCloseable {

	/** {@code -Dvalise.prometheus.optional=true} skips (instead of failing) the tests that need it, where it is missing. */
	static final String OPTIONAL = "valise.prometheus.optional";

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private static final JsonMapper json = JsonMapper.builder().build();

	private final Process process;

	private final int port;

	private final Path home;

	private PrometheusProcess(Process process, int port, Path home) {
		this.process = process;
		this.port = port;
		this.home = home;
	}

	/**
	 * Starts Prometheus scraping {@code /actuator/prometheus} of each service (label {@code service} = its name) and
	 * evaluating the rules file, and waits until it is ready.
	 * @param targets service name → its port on 127.0.0.1
	 */
	static PrometheusProcess start(Map<String, Integer> targets, Path rules) throws IOException {
		Path binary = binary();
		Path home = Files.createTempDirectory("valise-prometheus");
		String scrapeTargets = targets.entrySet()
			.stream()
			.map(target -> "      - targets: [\"127.0.0.1:" + target.getValue() + "\"]\n        labels: {service: "
					+ target.getKey() + "}\n")
			.collect(Collectors.joining());
		// The scraper's credentials of the local profile the services run with (deploy/prometheus does the same).
		Path passwordFile = Files.writeString(home.resolve("scraper-password"), TestTokens.LOCAL_SCRAPER_PASSWORD);
		Path config = Files.writeString(home.resolve("prometheus.yml"), """
				global:
				  scrape_interval: 1s
				  scrape_timeout: 1s
				  evaluation_interval: 1s
				rule_files:
				  - %s
				scrape_configs:
				  - job_name: valise
				    metrics_path: /actuator/prometheus
				    basic_auth:
				      username: prometheus
				      password_file: %s
				    static_configs:
				%s""".formatted(rules.toAbsolutePath(), passwordFile.toAbsolutePath(), scrapeTargets));
		int port = ServiceProcess.freePort();
		Path log = Path.of("target", "system-tests", "prometheus.log");
		Files.createDirectories(log.getParent());
		Process process = new ProcessBuilder(binary.toString(), "--config.file=" + config,
				"--storage.tsdb.path=" + home.resolve("data"), "--web.listen-address=127.0.0.1:" + port,
				"--log.level=warn")
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.to(log.toFile()))
			.start();
		PrometheusProcess prometheus = new PrometheusProcess(process, port, home);
		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() -> {
			if (!process.isAlive()) {
				throw new IllegalStateException("prometheus exited with " + process.exitValue() + "; see "
						+ log.toAbsolutePath() + "\n" + Files.readString(log));
			}
			return prometheus.ready();
		});
		return prometheus;
	}

	/** Where the prometheus binary is; fails (skips with {@value #OPTIONAL}) when it is not installed. */
	static Path binary() {
		Optional<Path> found = Stream
			.concat(Stream.of(System.getProperty("valise.prometheus.binary"), "/usr/bin/prometheus"),
					Stream.of(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
						.map(dir -> dir.isEmpty() ? null : Path.of(dir, "prometheus").toString()))
			.filter(candidate -> candidate != null && !candidate.isBlank())
			.map(Path::of)
			.filter(Files::isExecutable)
			.findFirst();
		if (found.isEmpty()) {
			String message = "The prometheus binary is not installed (looked for /usr/bin/prometheus and on PATH): "
					+ "install the Debian package `prometheus` (apt-get install -y prometheus; .ci/run does), or "
					+ "run with -D" + OPTIONAL + "=true to skip this test locally";
			Assumptions.assumeFalse(Boolean.getBoolean(OPTIONAL), message);
			throw new IllegalStateException(message);
		}
		return found.get();
	}

	/** The result vector of an instant query: each series' labels and value. */
	List<JsonNode> query(String promql) {
		JsonNode answer = get("/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8));
		if (!"success".equals(answer.path("status").asString())) {
			throw new IllegalStateException(promql + ": " + answer);
		}
		return answer.at("/data/result").valueStream().toList();
	}

	/** The value of a query that gives one series, or {@code null} when it gives none yet. */
	Double value(String promql) {
		List<JsonNode> result = query(promql);
		return result.isEmpty() ? null : Double.valueOf(result.get(0).at("/value/1").asString());
	}

	/** The scrape targets' health, for failure messages: "url health lastError" per target. */
	String targets() {
		return get("/api/v1/targets").at("/data/activeTargets")
			.valueStream()
			.map(target -> target.path("scrapeUrl").asString() + " " + target.path("health").asString() + " "
					+ target.path("lastError").asString())
			.collect(Collectors.joining("; "));
	}

	/** Every alerting rule loaded, as {@code /api/v1/rules} reports them. */
	List<JsonNode> rules() {
		return get("/api/v1/rules").at("/data/groups")
			.valueStream()
			.flatMap(group -> group.get("rules").valueStream())
			.toList();
	}

	private boolean ready() {
		try {
			return http.send(HttpRequest.newBuilder(uri("/-/ready")).build(), HttpResponse.BodyHandlers.discarding())
				.statusCode() == 200;
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	private JsonNode get(String path) {
		try {
			return json.readTree(http.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString())
				.body());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

	@Override
	public void close() {
		this.process.destroy();
		try {
			if (!this.process.waitFor(20, TimeUnit.SECONDS)) {
				this.process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.process.destroyForcibly();
		}
		try (Stream<Path> files = Files.walk(this.home)) {
			files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
		}
		catch (IOException ex) {
			// a temporary folder left behind is harmless
		}
	}

}
