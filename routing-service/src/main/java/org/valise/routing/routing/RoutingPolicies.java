package org.valise.routing.routing;

import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

import org.valise.routing.directory.Directory;

/**
 * The routing policy over the directory in force: built again, with the same order of rules, whenever the directory
 * is reloaded.
 */
public final class RoutingPolicies {

	private final Supplier<Directory> directories;

	private final List<String> order;

	private volatile RoutingPolicy policy;

	/**
	 * Policies over the directories the supplier returns, with the rules in that order.
	 * @throws IllegalArgumentException naming an unknown or repeated rule id
	 */
	public RoutingPolicies(Supplier<Directory> directories, List<String> order) {
		RoutingPolicy.checkOrder(order);
		this.directories = Objects.requireNonNull(directories, "directories");
		this.order = List.copyOf(order);
	}

	/** The policy over the directory in force now. */
	public RoutingPolicy current() {
		Directory directory = this.directories.get();
		RoutingPolicy current = this.policy;
		if (current == null || current.directory() != directory) {
			current = new RoutingPolicy(directory, this.order);
			this.policy = current;
		}
		return current;
	}

}
