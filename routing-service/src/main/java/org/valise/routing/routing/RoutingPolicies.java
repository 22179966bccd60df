package org.valise.routing.routing;

import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

import org.valise.routing.directory.Directory;

/**
 * The routing policy over the directory in force: built again, with the same order of rules and the same unsure
 * threshold ({@code valise.routing.unsure}), whenever the directory is reloaded.
 */
public final class RoutingPolicies {

	private final Supplier<Directory> directories;

	private final List<String> order;

	private final UnsureFields unsure;

	private volatile RoutingPolicy policy;

	/**
	 * Policies over the directories the supplier returns, with the rules in that order and the default unsure
	 * threshold and fields ({@link UnsureFields#DEFAULT}).
	 * @throws IllegalArgumentException naming an unknown or repeated rule id
	 */
	public RoutingPolicies(Supplier<Directory> directories, List<String> order) {
		this(directories, order, UnsureFields.DEFAULT);
	}

	/**
	 * Policies over the directories the supplier returns, with the rules in that order and that unsure threshold and
	 * fields ({@code valise.routing.unsure}).
	 * @throws IllegalArgumentException naming an unknown or repeated rule id
	 */
	public RoutingPolicies(Supplier<Directory> directories, List<String> order, UnsureFields unsure) {
		RoutingPolicy.checkOrder(order);
		this.directories = Objects.requireNonNull(directories, "directories");
		this.order = List.copyOf(order);
		this.unsure = Objects.requireNonNull(unsure, "unsure");
	}

	/** The policy over the directory in force now. */
	public RoutingPolicy current() {
		Directory directory = this.directories.get();
		RoutingPolicy current = this.policy;
		if (current == null || current.directory() != directory) {
			current = new RoutingPolicy(directory, this.order, this.unsure);
			this.policy = current;
		}
		return current;
	}

}
