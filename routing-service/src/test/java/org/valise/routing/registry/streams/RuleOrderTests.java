package org.valise.routing.registry.streams;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.valise.routing.routing.RoutingPolicy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** {@code valise.routing.rules} as Spring binds it at start. */
class RuleOrderTests {

	@Test
	void bindsTheConfiguredOrderAndDefaultsToTheUsualOne() {
		assertThat(bind(Map.of("valise.routing.rules[0]", "subject-keywords", "valise.routing.rules[1]",
				"highest-destination")).rules()).containsExactly("subject-keywords", "highest-destination");
		assertThat(bind(Map.of("valise.routing.acknowledgement-deadlines.URGENT", "PT12H")).rules())
			.isEqualTo(RoutingPolicy.RULES);
	}

	@Test
	void stopsTheStartNamingAnUnknownRule() {
		assertThatExceptionOfType(BindException.class)
			.isThrownBy(() -> bind(Map.of("valise.routing.rules[0]", "highest-destination", "valise.routing.rules[1]",
					"horoscope")))
			.havingRootCause()
			.withMessageStartingWith("Unknown routing rule 'horoscope' in valise.routing.rules; the rules are "
					+ "highest-destination, enclosure-addressee, recipient-office, in-reply-to, signatory-rank, "
					+ "subject-keywords");
	}

	private static RuleOrder bind(Map<String, String> properties) {
		return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("valise.routing", RuleOrder.class);
	}

}
