package org.valise.system;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The reference note's flow over the embedded KRaft broker (a real Kafka broker in the test's JVM), on the system
 * shared with the other classes of the run ({@link SharedSystem}).
 */
@ExtendWith(SharedSystem.class)
class EndToEndTests extends ReferenceNoteFlowScenario {

	@Override
	RunningSystem system() {
		return SharedSystem.current();
	}

}
