package org.valise.routing.registry.streams;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.valise.routing.registry.RegistryDesk;
import org.valise.routing.routing.Priority;

/**
 * How long the destination office has to acknowledge a note, per priority
 * ({@code valise.routing.acknowledgement-deadlines}); a priority left out keeps its default (URGENT PT24H, HIGH
 * P2D, NORMAL P5D).
 *
 * @param acknowledgementDeadlines the duration per priority
 */
@ConfigurationProperties("valise.routing")
public record AcknowledgementDeadlines(Map<Priority, Duration> acknowledgementDeadlines)
		implements RegistryDesk.Deadlines {

	private static final Map<Priority, Duration> DEFAULTS = Map.of(Priority.URGENT, Duration.ofHours(24), Priority.HIGH,
			Duration.ofDays(2), Priority.NORMAL, Duration.ofDays(5));

	public AcknowledgementDeadlines {
		Map<Priority, Duration> merged = new EnumMap<>(DEFAULTS);
		if (acknowledgementDeadlines != null) {
			merged.putAll(acknowledgementDeadlines);
		}
		acknowledgementDeadlines = Map.copyOf(merged);
	}

	/** When a note of that priority routed at that instant must be acknowledged. */
	@Override
	public Instant deadline(Priority priority, Instant routedAt) {
		return routedAt.plus(this.acknowledgementDeadlines.get(priority));
	}

}
