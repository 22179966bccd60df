package org.valise.system.scale;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.valise.system.faults.ServiceNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What each notification instance's search ({@code GET /api/v1/notes}, as a registry clerk, who may see every note)
 * says the total is: every instance's part merged, so each must give the same, exact total.
 */
final class SearchTotals {

	/** The total an instance answered, or -1 when it did not answer with a page. */
	static final long NO_ANSWER = -1;

	private static final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(2))
		.build();

	private static final JsonMapper json = JsonMapper.builder().build();

	private SearchTotals() {
	}

	/** Each instance's total, by its name. */
	static Map<String, Long> of(List<ServiceNode> notifications, Supplier<String> clerkToken) {
		Map<String, Long> totals = new LinkedHashMap<>();
		for (ServiceNode node : notifications) {
			totals.put(node.name(), total(node, clerkToken.get()));
		}
		return totals;
	}

	private static long total(ServiceNode node, String token) {
		try {
			HttpResponse<String> response = http.send(HttpRequest.newBuilder(node.uri("/api/v1/notes?size=1"))
				.header("Authorization", "Bearer " + token)
				.timeout(Duration.ofSeconds(10))
				.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			return (response.statusCode() == 200) ? json.readTree(response.body()).path("totalItems").asLong(NO_ANSWER)
					: NO_ANSWER;
		}
		catch (IOException ex) {
			return NO_ANSWER;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return NO_ANSWER;
		}
	}

}
