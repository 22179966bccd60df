package org.valise.routing.registry.streams;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;
import org.valise.routing.registry.RegistryDesk;

/**
 * How registry numbers look, and how hard the registry tries a note before dead-lettering it
 * ({@code valise.registry.*}).
 *
 * @param prefix the prefix of every number, e.g. IN
 * @param digits how many digits the yearly sequence is padded to
 * @param maxAttempts how many times routing a note is tried before it goes to the dead-letter topic
 * @param maxHistory how many of a note's decisions its registration keeps (the first and the latest; all are on
 *        notes.routed.v1), so that no record grows without bound
 */
@ConfigurationProperties("valise.registry")
@Validated
public record RegistryProperties(@DefaultValue("IN") @NotBlank String prefix,
		@DefaultValue("6") @Min(1) @Max(18) int digits, @DefaultValue("3") @Min(1) @Max(10) int maxAttempts,
		@DefaultValue("50") @Min(2) @Max(1000) int maxHistory) {

	/** The desk's settings. */
	RegistryDesk.Settings settings() {
		return new RegistryDesk.Settings(this.prefix, this.digits, this.maxAttempts, this.maxHistory);
	}

}
