package org.valise.routing.registry.streams;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.valise.routing.routing.RoutingPolicy;

/**
 * The order in which the routing rules are tried ({@code valise.routing.rules}); an unknown or repeated rule id
 * stops the application at start, naming it. Left out, the default order applies.
 *
 * @param rules rule ids, first tried first
 */
@ConfigurationProperties("valise.routing")
public record RuleOrder(List<String> rules) {

	public RuleOrder {
		rules = rules == null ? RoutingPolicy.RULES : List.copyOf(rules);
		RoutingPolicy.checkOrder(rules);
	}

}
