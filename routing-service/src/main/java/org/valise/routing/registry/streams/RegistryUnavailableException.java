package org.valise.routing.registry.streams;

import org.apache.kafka.streams.state.HostInfo;

/**
 * The registry's stores cannot be read here now: the topology is starting or rebalancing, or the registry desk runs
 * on another instance (then {@link #owner()} names it).
 */
public class RegistryUnavailableException extends RuntimeException {

	private final transient HostInfo owner;

	RegistryUnavailableException(String message, HostInfo owner) {
		super(message);
		this.owner = owner;
	}

	/** The instance that runs the registry desk, when it is another one and known. */
	public HostInfo owner() {
		return this.owner;
	}

}
