package org.valise.system.faults;

/**
 * What goes wrong during a scenario's load, and how it is healed: it acts on the {@link FaultContext}'s fleet at the
 * scenario's offsets, marks the moment it healed, and returns once the system is whole again (a restarted process
 * ready, a broker serving).
 */
@FunctionalInterface
public interface Fault {

	void inject(FaultContext context) throws Exception;

}
