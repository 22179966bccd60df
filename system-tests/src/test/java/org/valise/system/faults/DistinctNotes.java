package org.valise.system.faults;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.valise.samples.SampleNotes;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Distinct notes for the load, made from the sample correspondence: each copy of a sample gets a reference number of
 * its own (the last group of digits of the sender's reference replaced by a number never used before), so that the
 * registry never takes one for a duplicate of another (same sender and reference). Only the samples for which intake's
 * parser reads the altered reference (or no reference at all) are used: {@link #checkedAgainst} asks it.
 */
public final class DistinctNotes {

	private static final Pattern LAST_DIGITS = Pattern.compile("(\\d+)(?!.*\\d)");

	private static final String FILLER = "The Permanent Mission further recalls the exchanges held on the matter "
			+ "and kindly requests that the enclosed documentation be brought to the attention of all concerned. ";

	private final List<SampleNotes.Sample> pool;

	private final AtomicLong sequence = new AtomicLong(100_000);

	private DistinctNotes(List<SampleNotes.Sample> pool) {
		this.pool = List.copyOf(pool);
	}

	/**
	 * Keeps the samples whose copies intake reads as distinct notes: parses two copies of each with
	 * {@code POST /api/v1/notes/parse} (nothing published) and keeps the sample if they differ in reference or have no
	 * sender or reference.
	 */
	public static DistinctNotes checkedAgainst(URI parse, String token) throws Exception {
		HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
		JsonMapper json = JsonMapper.builder().build();
		DistinctNotes all = new DistinctNotes(SampleNotes.all());
		List<SampleNotes.Sample> kept = new ArrayList<>();
		for (SampleNotes.Sample sample : SampleNotes.all()) {
			String reference = sample.expected().path("reference").asString(null);
			if (reference != null && (!sample.text().contains(reference) || !LAST_DIGITS.matcher(reference).find())) {
				continue;
			}
			JsonNode first = parsed(http, json, parse, token, all.variant(sample));
			JsonNode second = parsed(http, json, parse, token, all.variant(sample));
			String firstReference = first.path("reference").asString(null);
			if (firstReference == null || first.path("sender").asString(null) == null
					|| !Objects.equals(firstReference, second.path("reference").asString(null))) {
				kept.add(sample);
			}
		}
		if (kept.size() < 10) {
			throw new IllegalStateException("Only " + kept.size() + " samples can be made distinct: " + kept);
		}
		return new DistinctNotes(kept);
	}

	/** How many samples the notes are made from. */
	public int samples() {
		return this.pool.size();
	}

	/** The next distinct note (samples in turn). */
	public String next() {
		long n = this.sequence.getAndIncrement();
		return variant(this.pool.get((int) (n % this.pool.size())), n);
	}

	/** A distinct note of about the given size in bytes (UTF-8): a sample followed by an annex of filler text. */
	String ofSize(int bytes) {
		String note = next() + "\n\nANNEX\n\n";
		StringBuilder annex = new StringBuilder();
		int size = note.getBytes(StandardCharsets.UTF_8).length;
		for (int paragraph = 1; size + annex.length() + FILLER.length() * 20 + 10 < bytes; paragraph++) {
			annex.append(paragraph).append(". ").append(FILLER.repeat(20)).append("\n\n");
		}
		annex.append(".".repeat(Math.max(0, bytes - size - annex.length())));
		return note + annex;
	}

	private String variant(SampleNotes.Sample sample) {
		return variant(sample, this.sequence.getAndIncrement());
	}

	private static String variant(SampleNotes.Sample sample, long n) {
		String reference = sample.expected().path("reference").asString(null);
		if (reference == null) {
			return sample.text();
		}
		Matcher digits = LAST_DIGITS.matcher(reference);
		if (!digits.find()) {
			return sample.text();
		}
		String altered = reference.substring(0, digits.start()) + n + reference.substring(digits.end());
		return sample.text().replace(reference, altered);
	}

	private static JsonNode parsed(HttpClient http, JsonMapper json, URI parse, String token, String text)
			throws Exception {
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(parse)
			.header("Content-Type", "text/plain; charset=UTF-8")
			.header("Authorization", "Bearer " + token)
			.timeout(Duration.ofSeconds(20))
			.POST(HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8))
			.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		if (response.statusCode() != 200) {
			throw new IllegalStateException("POST " + parse + " answered " + response.statusCode() + ": " + response.body());
		}
		return json.readTree(response.body());
	}

}
