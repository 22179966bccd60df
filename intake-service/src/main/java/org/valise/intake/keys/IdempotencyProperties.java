package org.valise.intake.keys;

import java.time.Duration;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where and how long intake's Idempotency-Keys are remembered ({@code valise.intake.idempotency.*}).
 *
 * @param topic the compacted topic of claims, in intake's own namespace ({@code intake-service.} or {@code intake.}:
 *        the Kafka ACLs give intake-service the prefix {@code intake-service})
 * @param retention how long a key is remembered from its first use (7 days): after that the same key is a new
 *        submission
 * @param settleTimeout how long a submission waits for its claim to be read back before it is answered 503 (3s)
 */
@Validated
@ConfigurationProperties("valise.intake.idempotency")
public record IdempotencyProperties(
		@DefaultValue("intake-service.idempotency-keys.v1") @NotBlank @Pattern(regexp = "(intake-service|intake)\\..+",
				message = "must be in intake's namespace: start with intake-service. or intake.") String topic,
		@DefaultValue("7d") Duration retention, @DefaultValue("3s") Duration settleTimeout) {

	public IdempotencyProperties {
		if (retention.compareTo(Duration.ofHours(1)) < 0 || retention.compareTo(Duration.ofDays(365)) > 0) {
			throw new IllegalArgumentException("valise.intake.idempotency.retention must be between 1h and 365d");
		}
		if (settleTimeout.compareTo(Duration.ofMillis(100)) < 0 || settleTimeout.compareTo(Duration.ofSeconds(30)) > 0) {
			throw new IllegalArgumentException("valise.intake.idempotency.settle-timeout must be between 100ms and 30s");
		}
	}

}
