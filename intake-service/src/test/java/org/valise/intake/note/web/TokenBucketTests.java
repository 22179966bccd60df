package org.valise.intake.note.web;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.valise.intake.note.IntakeLimits;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The token bucket and the per-client buckets behind the submission rate limit, with time passed in.
 */
class TokenBucketTests {

	private static final long SECOND = Duration.ofSeconds(1).toNanos();

	@Test
	void admitsABurstThenOneRequestPerInterval() {
		TokenBucket bucket = new TokenBucket(60, Duration.ofMinutes(1), 3);
		long now = 1_000 * SECOND;

		assertThat(bucket.tryTake(now)).isZero();
		assertThat(bucket.tryTake(now)).isZero();
		assertThat(bucket.tryTake(now)).isZero();
		assertThat(bucket.tryTake(now)).isEqualTo(SECOND);
		assertThat(bucket.tryTake(now + SECOND / 2)).isEqualTo(SECOND / 2);
		assertThat(bucket.tryTake(now + SECOND)).isZero();
		assertThat(bucket.tryTake(now + SECOND)).isEqualTo(SECOND);
	}

	@Test
	void refillsToTheBurstAndNoFurther() {
		TokenBucket bucket = new TokenBucket(60, Duration.ofMinutes(1), 3);
		long now = 0;
		for (int i = 0; i < 3; i++) {
			bucket.tryTake(now);
		}

		long later = now + 3600 * SECOND;

		assertThat(bucket.full(later)).isTrue();
		assertThat(bucket.tryTake(later)).isZero();
		assertThat(bucket.tryTake(later)).isZero();
		assertThat(bucket.tryTake(later)).isZero();
		assertThat(bucket.tryTake(later)).isPositive();
	}

	@Test
	void refusedRequestsTakeNothing() {
		TokenBucket bucket = new TokenBucket(1, Duration.ofSeconds(10), 1);

		assertThat(bucket.tryTake(0)).isZero();
		for (int i = 0; i < 100; i++) {
			assertThat(bucket.tryTake(i * SECOND / 100)).isPositive();
		}
		assertThat(bucket.tryTake(10 * SECOND)).isZero();
	}

	@Test
	void worksAcrossTheWrapOfTheNanosecondClock() {
		TokenBucket bucket = new TokenBucket(1, Duration.ofSeconds(1), 1);
		long now = Long.MAX_VALUE - SECOND / 2;

		assertThat(bucket.tryTake(now)).isZero();
		assertThat(bucket.tryTake(now + SECOND / 4)).isEqualTo(SECOND * 3 / 4);
		assertThat(bucket.tryTake(now + SECOND)).isZero();
	}

	@Test
	void limitsEachClientOnItsOwn() {
		ClientRateLimits limits = new ClientRateLimits(new IntakeLimits.RateLimit(true, 2, Duration.ofMinutes(1), null));

		assertThat(limits.admit("registry", 0)).isZero();
		assertThat(limits.admit("registry", 0)).isZero();
		assertThat(limits.admit("registry", 0)).isEqualTo(30 * SECOND);
		assertThat(limits.admit("mission-desk", 0)).isZero();
	}

	@Test
	void admitsEverythingWhenDisabled() {
		ClientRateLimits limits = new ClientRateLimits(new IntakeLimits.RateLimit(false, 1, Duration.ofHours(1), 1));

		for (int i = 0; i < 100; i++) {
			assertThat(limits.admit("registry", 0)).isZero();
		}
		assertThat(limits.clients()).isZero();
	}

	@Test
	void forgetsIdleClientsOnceThereAreManyOfThem() {
		ClientRateLimits limits = new ClientRateLimits(new IntakeLimits.RateLimit(true, 60, Duration.ofMinutes(1), 1));
		for (int i = 0; i < ClientRateLimits.MAX_CLIENTS; i++) {
			limits.admit("client-" + i, 0);
		}

		limits.admit("one-more", 3600 * SECOND);

		assertThat(limits.clients()).isEqualTo(1);
	}

}
