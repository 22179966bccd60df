package org.valise.system;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One {@link RunningSystem} over the embedded broker for every test class of the run that registers this extension
 * (starting the three services costs ~40 s on two cores): started before the first such class, closed by JUnit once
 * the whole run is over. The classes sharing it must not depend on being alone: each follows its own notes, and
 * picks notes the others do not submit (the registry would number a second copy as a duplicate).
 */
final class SharedSystem implements BeforeAllCallback {

	private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SharedSystem.class);

	private static volatile RunningSystem current;

	@Override
	public void beforeAll(ExtensionContext context) {
		current = context.getRoot().getStore(NAMESPACE).computeIfAbsent(RunningSystem.class, (key) -> {
			try {
				return RunningSystem.overEmbeddedBroker();
			}
			catch (Exception ex) {
				throw new IllegalStateException("The system did not start: " + ex.getMessage(), ex);
			}
		}, RunningSystem.class);
	}

	/** The shared system; only within a class that registers this extension. */
	static RunningSystem current() {
		if (current == null) {
			throw new IllegalStateException("No shared system: register @ExtendWith(SharedSystem.class)");
		}
		return current;
	}

}
