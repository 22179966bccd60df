package org.valise.notification.tracking;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Exponential backoff with jitter between delivery attempts.
 */
class RetryBackoffTests {

	private final RetryBackoff backoff = new RetryBackoff(Duration.ofSeconds(10), 3, Duration.ofMinutes(30), 0.5, 6);

	@Test
	void growsExponentiallyUpToItsCap() {
		assertThat(this.backoff.delay(1, 0)).isEqualTo(Duration.ofSeconds(10));
		assertThat(this.backoff.delay(2, 0)).isEqualTo(Duration.ofSeconds(30));
		assertThat(this.backoff.delay(3, 0)).isEqualTo(Duration.ofSeconds(90));
		assertThat(this.backoff.delay(10, 0)).isEqualTo(Duration.ofMinutes(30));
	}

	@Test
	void takesARandomShareOffEachWait() {
		assertThat(this.backoff.delay(2, 0.5)).isEqualTo(Duration.ofMillis(22_500));
		assertThat(this.backoff.delay(2, 0.999)).isGreaterThan(Duration.ofSeconds(15));
	}

	@Test
	void retriesUpToTheMaximumNumberOfAttempts() {
		assertThat(this.backoff.retries(5)).isTrue();
		assertThat(this.backoff.retries(6)).isFalse();
	}

}
