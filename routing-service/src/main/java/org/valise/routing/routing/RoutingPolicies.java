package org.valise.routing.routing;

import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

import org.springframework.beans.factory.annotation.Autowired;
import org.valise.routing.directory.Directory;

/**
 * The routing policy over the directory in force: built again, with the same order of rules and the same unsure
 * threshold ({@code valise.routing.unsure}), whenever the directory is reloaded.
 */
public final class RoutingPolicies {

	private final Supplier<Directory> directories;

	private final List<String> order;

	private volatile UnsureFields unsure = UnsureFields.DEFAULT;

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

	/**
	 * Takes the unsure threshold and fields of the configuration ({@code valise.routing.unsure}); Spring calls it on
	 * the bean, without it the defaults apply ({@link UnsureFields#DEFAULT}).
	 */
	@Autowired(required = false)
	public void configure(UnsureProperties properties) {
		this.unsure = properties.unsureFields();
		this.policy = null;
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
