package org.valise.routing.registry.streams;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The topics of the registry ({@code valise.topics.*}).
 *
 * @param received notes accepted by intake (read)
 * @param routed routing decisions (written; routing-service is its only writer)
 * @param receivedDlq received records the registry could not take (written)
 * @param commands clerks' routing commands (internal: written and read by routing-service only)
 */
@ConfigurationProperties("valise.topics")
public record RegistryTopics(@DefaultValue("notes.received.v1") String received,
		@DefaultValue("notes.routed.v1") String routed, @DefaultValue("notes.received.v1.dlq") String receivedDlq,
		@DefaultValue("routing.commands.v1") String commands) {
}
