package org.valise.routing.directory.publishing;

import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The topic the organisation directory is published on ({@code valise.topics.directory}).
 *
 * @param directory the compacted table of offices, keyed by office id; routing-service is its only writer
 */
@ConfigurationProperties("valise.topics")
@Validated
public record DirectoryTopics(@DefaultValue("directory.v1") @NotBlank String directory) {
}
