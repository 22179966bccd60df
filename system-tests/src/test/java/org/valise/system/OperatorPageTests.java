package org.valise.system;

import java.io.File;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import org.valise.samples.SampleNotes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The operator page of notification-service in a real browser (headless Chromium from the Debian packages, driven by
 * Selenium through chromedriver) over the running system: a note posted to intake shows up on the page, its timeline
 * opens with the routing explanation and the acknowledgement-of-receipt draft, and the destination office acknowledges
 * it from the page. Leaves a screenshot in {@code target/screenshots/operator-page.png}.
 */
@ExtendWith({ OperatorPageTests.ChromiumInstalled.class, SharedSystem.class })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OperatorPageTests {

	/** {@code -Dvalise.browser.skip=true} skips (instead of failing) this test where Chromium is not installed. */
	static final String SKIP = "valise.browser.skip";

	static final Path CHROMIUM = Path.of(System.getProperty("valise.browser.chromium", "/usr/bin/chromium"));

	static final Path CHROMEDRIVER = Path.of(System.getProperty("valise.browser.chromedriver", "/usr/bin/chromedriver"));

	private static final Duration WAIT = Duration.ofSeconds(60);

	/** The Department of Migration Management's note (Arabic letterhead): no other class of the run submits it. */
	private static final String NOTE = "dev-08-egypt-arabic-letterhead-border-management.txt";

	/** A note no routing rule applies to (it goes to triage): no other class of the run submits it either. */
	private static final String UNROUTABLE = "dev-10-junk-spam-consignment.txt";

	private final HttpClient http = HttpClient.newHttpClient();

	private final JsonMapper json = JsonMapper.builder().build();

	private RunningSystem system;

	private WebDriver browser;

	private Path profile;

	@BeforeAll
	void openBrowser() throws IOException {
		this.system = SharedSystem.current();
		this.profile = Files.createTempDirectory("valise-chromium-profile");
		// Everything local: the Debian binaries, a fresh profile, no background traffic; Selenium Manager is not asked.
		System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, CHROMEDRIVER.toString());
		ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile())
			.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
					"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
					"--user-data-dir=" + this.profile, "--window-size=1440,900", "--lang=en-GB",
					"--force-device-scale-factor=1");
		Path logs = Files.createDirectories(Path.of("target", "system-tests"));
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.usingAnyFreePort()
			.withLogFile(logs.resolve("chromedriver.log").toFile())
			.build();
		this.browser = new ChromeDriver(service, options);
	}

	@AfterAll
	void closeBrowser() throws IOException {
		if (this.browser != null) {
			this.browser.quit();
		}
		if (this.profile != null) {
			try (Stream<Path> files = Files.walk(this.profile)) {
				files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
			}
		}
	}

	@Test
	void followsANoteFromIntakeToItsAcknowledgementOnTheOperatorPage() throws Exception {
		// given: the registry posts a note, which routing sends to the Department of Migration Management, and one
		// no rule can route
		String noteId = submit(SampleNotes.text(NOTE));
		String unroutable = submit(SampleNotes.text(UNROUTABLE));

		// when: a registry clerk opens the page: it asks for a token first, then shows the notes
		this.browser.get(this.system.notification().uri("/").toString());
		signIn(RunningSystem.CLERK_TOKEN);

		// then: the note appears in the list, delivered
		String row = "#notes tr[data-note-id='" + noteId + "']";
		await().atMost(WAIT).ignoreExceptions().untilAsserted(
				() -> assertThat(find(row + " .badge").getText()).isEqualTo("DELIVERED"));
		JsonNode tracking = tracking(noteId);
		String registryNumber = tracking.get("registryNumber").asString();
		assertThat(find(row + " .open-note").getText()).isEqualTo(registryNumber);
		assertThat(tracking.at("/destination/id").asString()).isEqualTo("DMM");
		// and the other waits in the triage queue
		await().atMost(WAIT).ignoreExceptions().untilAsserted(() -> {
			assertThat(find("#notes tr[data-note-id='" + unroutable + "']")).isNotNull();
			assertThat(Integer.parseInt(find("#kpi-triage").getText())).isPositive();
		});

		// when: the operator opens its timeline
		await().atMost(WAIT).ignoreExceptions().untilAsserted(() -> find(row + " .open-note").click());

		// then: the routing explanation, the timeline and the draft acknowledgement of receipt are shown
		await().atMost(WAIT).ignoreExceptions().untilAsserted(() -> {
			assertThat(find("#detail").getDomAttribute("data-note-id")).isEqualTo(noteId);
			assertThat(find("#detail-registry").getText()).isEqualTo(registryNumber);
			assertThat(find("#detail-state").getText()).isEqualTo("DELIVERED");
		});
		JsonNode why = tracking.get("explanation");
		String explanation = find("#detail-explanation").getText();
		assertThat(explanation).contains("Rule " + why.get("rule").asString(), why.get("summary").asString());
		why.get("evidence").forEach((quote) -> assertThat(explanation).contains(quote.asString()));
		assertThat(texts("#detail-timeline li .badge")).containsSubsequence("RECEIVED", "ROUTED", "DELIVERED");
		assertThat(find("#detail-deliveries").getText()).contains("DMM", "email", tracking.at("/deliveries/0/address").asString());
		assertThat(find("#receipt-text").getDomProperty("textContent")).isEqualTo(tracking.at("/receiptDraft/text").asString())
			.contains(registryNumber);

		// when: another office's token is given (for which the note does not exist), then the destination office's
		acknowledgeOnThePage(RunningSystem.ODG_TOKEN, "Chef de Cabinet");
		await().atMost(WAIT).untilAsserted(() -> assertThat(find("#ack-message").getText()).startsWith("Refused:")
			.contains("No note"));
		acknowledgeOnThePage(RunningSystem.DMM_TOKEN, "Director, Department of Migration Management");

		// then: the page shows the note acknowledged, in its timeline and in the list, as the service records it
		await().atMost(WAIT).ignoreExceptions().untilAsserted(() -> {
			assertThat(find("#ack-message").getText())
				.isEqualTo("Acknowledged for DMM by Director, Department of Migration Management.");
			assertThat(find("#detail-state").getText()).isEqualTo("ACKNOWLEDGED");
			assertThat(find(row + " .badge").getText()).isEqualTo("ACKNOWLEDGED");
			assertThat(texts("#detail-timeline li .badge")).last().isEqualTo("ACKNOWLEDGED");
			assertThat(Integer.parseInt(find("#count-ACKNOWLEDGED .count").getText())).isPositive();
		});
		assertThat(find("#ack-state").getText()).startsWith("Acknowledged for DMM by Director, Department of Migration Management");
		assertThat(find("#ack-form").isDisplayed()).isFalse();
		JsonNode acknowledged = tracking(noteId);
		assertThat(acknowledged.get("state").asString()).isEqualTo("ACKNOWLEDGED");
		assertThat(acknowledged.at("/acknowledgements/0/acknowledgedBy").asString())
			.isEqualTo("Director, Department of Migration Management");

		// and: the office's token was held in memory only, and is gone; the session's is out of the script's reach
		assertThat(find("#ack-token").getDomProperty("value")).isEmpty();
		assertThat(script("return localStorage.length + sessionStorage.length + document.cookie.length")).isEqualTo(0L);
		assertThat(find("#me").getText()).isEqualTo("Signed in as clerk (clerk)");

		screenshot(Path.of("target", "screenshots", "operator-page.png"));

		// when: the clerk signs out, the page asks for a token again
		find("form.sign-out button").click();
		await().atMost(WAIT).untilAsserted(() -> assertThat(find("form[action='sign-in']")).isNotNull());
	}

	/** Pastes a token into the sign-in form the page answers with, and waits for the page. */
	private void signIn(String token) {
		await().atMost(WAIT).ignoreExceptions().untilAsserted(() -> assertThat(find("#token")).isNotNull());
		find("#token").sendKeys(token);
		find("form[action='sign-in'] button").click();
		await().atMost(WAIT).ignoreExceptions().untilAsserted(() -> assertThat(find("#notes")).isNotNull());
	}

	private void acknowledgeOnThePage(String token, String acknowledgedBy) {
		WebElement tokenField = find("#ack-token");
		tokenField.clear();
		tokenField.sendKeys(token);
		WebElement by = find("#ack-by");
		by.clear();
		by.sendKeys(acknowledgedBy);
		find("#ack-submit").click();
	}

	private WebElement find(String css) {
		return this.browser.findElement(By.cssSelector(css));
	}

	private List<String> texts(String css) {
		return this.browser.findElements(By.cssSelector(css)).stream().map(WebElement::getText).toList();
	}

	private Object script(String script) {
		return ((JavascriptExecutor) this.browser).executeScript(script);
	}

	/** The whole page at a laptop's width (1440 px), beyond the 900 px of the window's height. */
	private void screenshot(Path file) throws IOException {
		long width = (Long) script("return document.documentElement.scrollWidth");
		long height = (Long) script("return document.documentElement.scrollHeight");
		Map<String, Object> shot = ((ChromeDriver) this.browser).executeCdpCommand("Page.captureScreenshot",
				Map.of("format", "png", "captureBeyondViewport", true, "clip",
						Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1)));
		Files.createDirectories(file.getParent());
		Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
	}

	private String submit(String note) throws Exception {
		HttpResponse<String> accepted = this.http.send(HttpRequest.newBuilder(this.system.intake().uri("/api/v1/notes"))
			.header("Content-Type", "text/plain; charset=UTF-8")
			.header("Authorization", "Bearer " + RunningSystem.REGISTRY_TOKEN)
			.timeout(Duration.ofSeconds(20))
			.POST(HttpRequest.BodyPublishers.ofString(note, StandardCharsets.UTF_8))
			.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
		return this.json.readTree(accepted.body()).get("noteId").asString();
	}

	private JsonNode tracking(String noteId) throws Exception {
		HttpResponse<String> response = this.http.send(
				HttpRequest.newBuilder(this.system.notification().uri("/api/v1/notes/" + noteId))
					.header("Authorization", "Bearer " + RunningSystem.CLERK_TOKEN)
					.build(),
				HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return this.json.readTree(response.body());
	}

	/**
	 * Fails the class, before the system is started, where Chromium or its driver is missing: the test is part of the
	 * build. With {@value OperatorPageTests#SKIP}=true it is skipped instead (a developer's machine without them).
	 */
	static final class ChromiumInstalled implements ExecutionCondition, BeforeAllCallback {

		@Override
		public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
			return (!installed() && Boolean.getBoolean(SKIP)) ? ConditionEvaluationResult.disabled(missing())
					: ConditionEvaluationResult.enabled("Chromium and chromedriver are installed, or required");
		}

		@Override
		public void beforeAll(ExtensionContext context) {
			if (!installed()) {
				throw new IllegalStateException(missing());
			}
		}

		private static boolean installed() {
			return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
		}

		private static String missing() {
			return "Chromium and its WebDriver are not installed (looked for " + CHROMIUM + " and " + CHROMEDRIVER
					+ "): install the Debian packages chromium and chromium-driver "
					+ "(apt-get install -y chromium chromium-driver; .ci/run does), or run with -D" + SKIP
					+ "=true to skip this test";
		}

	}

}
