package org.valise.intake.note.web;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.valise.intake.note.IntakeLimits;

/**
 * One {@link TokenBucket} per client, by the name its token gives. Clients are named by the identity provider, so
 * there are few; still, once more than {@value #MAX_CLIENTS} have a bucket, the full ones (idle clients) are
 * forgotten.
 */
final class ClientRateLimits {

	static final int MAX_CLIENTS = 10_000;

	private final IntakeLimits.RateLimit settings;

	private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();

	ClientRateLimits(IntakeLimits.RateLimit settings) {
		this.settings = settings;
	}

	/**
	 * Admits one request of the client, or says how long it must wait.
	 * @param client the client's name
	 * @param now the current time in nanoseconds (monotonic)
	 * @return 0 if admitted, otherwise the nanoseconds until it would be
	 */
	long admit(String client, long now) {
		if (!this.settings.enabled()) {
			return 0;
		}
		TokenBucket bucket = this.buckets.get(client);
		if (bucket == null) {
			if (this.buckets.size() >= MAX_CLIENTS) {
				this.buckets.values().removeIf((idle) -> idle.full(now));
			}
			bucket = this.buckets.computeIfAbsent(client,
					(name) -> new TokenBucket(this.settings.requests(), this.settings.per(), this.settings.burst()));
		}
		return bucket.tryTake(now);
	}

	int clients() {
		return this.buckets.size();
	}

	IntakeLimits.RateLimit settings() {
		return this.settings;
	}

}
