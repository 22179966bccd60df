package org.valise.intake.kafka;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How intake watches the broker while it is down ({@code valise.intake.broker.*}).
 *
 * @param probeInterval how often the broker is probed (1s): it bounds how long submissions are still refused once
 *        the broker is back
 * @param probeTimeout how long one probe waits for the broker (1s)
 * @param probeFailuresToClose how many probes in a row must miss the broker before submissions are refused without
 *        trying (2); one failed send is enough
 * @param retryAfter what a refused client is told to wait ({@code Retry-After}, 2s)
 */
@Validated
@ConfigurationProperties("valise.intake.broker")
public record BrokerProperties(@DefaultValue("1s") Duration probeInterval, @DefaultValue("1s") Duration probeTimeout,
		@DefaultValue("2") @Min(1) @Max(100) int probeFailuresToClose, @DefaultValue("2s") Duration retryAfter) {

	public BrokerProperties {
		requireBetween("valise.intake.broker.probe-interval", probeInterval, Duration.ofMillis(100),
				Duration.ofMinutes(1));
		requireBetween("valise.intake.broker.probe-timeout", probeTimeout, Duration.ofMillis(100),
				Duration.ofSeconds(30));
		requireBetween("valise.intake.broker.retry-after", retryAfter, Duration.ofSeconds(1), Duration.ofHours(1));
	}

	private static void requireBetween(String name, Duration value, Duration min, Duration max) {
		if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
			throw new IllegalArgumentException(name + " must be between " + min + " and " + max);
		}
	}

}
