package org.valise.system.faults;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What notification-service's tracking view ({@code GET /api/v1/notes/{noteId}}, as a registry clerk) says of a note
 * the topics do not show delivered: whether the system still holds it (then it is stuck) or has forgotten it (lost).
 */
public final class TrackingViews {

	/**
	 * A note's view.
	 *
	 * @param answer "ok", "unknown" (404) or why the service did not answer
	 * @param state its state, or null
	 * @param deliveries the status of each of its deliveries
	 */
	public record View(String answer, String state, List<String> deliveries) {

		/** Whether the service holds the note as still to be delivered, or given up awaiting an operator. */
		public boolean held() {
			return !"unknown".equals(this.answer) && (!"ok".equals(this.answer)
					|| this.deliveries.contains("PENDING") || this.deliveries.contains("FAILED")
					|| "RECEIVED".equals(this.state) || "FAILED".equals(this.state));
		}

	}

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(2))
		.build();

	private final JsonMapper json = JsonMapper.builder().build();

	private final ServiceNode notification;

	private final Supplier<String> clerkToken;

	private int failures;

	private View lastFailure;

	public TrackingViews(ServiceNode notification, Supplier<String> clerkToken) {
		this.notification = notification;
		this.clerkToken = clerkToken;
	}

	/**
	 * The note's view. After three answers in a row that are not views (the service down or not ready), the service is
	 * not asked again during this audit: every later note gets the same answer.
	 */
	public View of(String noteId) {
		if (this.failures >= 3) {
			return this.lastFailure;
		}
		View view = ask(noteId);
		if ("ok".equals(view.answer()) || "unknown".equals(view.answer())) {
			this.failures = 0;
		}
		else {
			this.failures++;
			this.lastFailure = view;
		}
		return view;
	}

	/** Starts a new audit: the service is asked again. */
	public TrackingViews fresh() {
		return new TrackingViews(this.notification, this.clerkToken);
	}

	private View ask(String noteId) {
		URI uri = this.notification.uri("/api/v1/notes/" + noteId);
		try {
			HttpResponse<String> response = this.http.send(HttpRequest.newBuilder(uri)
				.header("Authorization", "Bearer " + this.clerkToken.get())
				.timeout(Duration.ofSeconds(5))
				.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			if (response.statusCode() == 404) {
				return new View("unknown", null, List.of());
			}
			if (response.statusCode() != 200) {
				return new View("HTTP " + response.statusCode(), null, List.of());
			}
			JsonNode view = this.json.readTree(response.body());
			List<String> deliveries = new ArrayList<>();
			view.path("deliveries").forEach((delivery) -> deliveries.add(delivery.path("status").asString(null)));
			return new View("ok", view.path("state").asString(null), deliveries);
		}
		catch (IOException ex) {
			return new View("no answer (" + ex.getClass().getSimpleName() + ")", null, List.of());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return new View("interrupted", null, List.of());
		}
	}

}
