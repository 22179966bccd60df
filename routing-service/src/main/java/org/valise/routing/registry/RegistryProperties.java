package org.valise.routing.registry;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How registry numbers look, and how hard the registry tries a note before dead-lettering it
 * ({@code valise.registry.*}).
 *
 * @param prefix the prefix of every number, e.g. IN
 * @param digits how many digits the yearly sequence is padded to
 * @param maxAttempts how many times routing a note is tried before it goes to the dead-letter topic
 */
@ConfigurationProperties("valise.registry")
@Validated
public record RegistryProperties(@DefaultValue("IN") @NotBlank String prefix,
		@DefaultValue("6") @Min(1) @Max(18) int digits, @DefaultValue("3") @Min(1) @Max(10) int maxAttempts) {
}
