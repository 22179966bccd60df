package org.valise.routing.registry;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.valise.routing.note.NoteReceived;
import org.valise.routing.registry.RegistrationProcessor.Registrar;
import org.valise.routing.routing.RoutingDecision;

/**
 * Asks the rules for a note's route, up to {@code valise.registry.max-attempts} times, so that a passing failure
 * does not dead-letter a note and a lasting one does not block the registry.
 */
final class RoutingAttempts {

	private static final Logger log = LoggerFactory.getLogger(RoutingAttempts.class);

	private final Registrar registrar;

	RoutingAttempts(Registrar registrar) {
		this.registrar = registrar;
	}

	/** The rules' decision on the note (over the directory in force). */
	RoutingDecision decide(NoteReceived received) throws Failure {
		int attempts = Math.max(1, this.registrar.registry().maxAttempts());
		RuntimeException last = null;
		for (int attempt = 1; attempt <= attempts; attempt++) {
			try {
				return this.registrar.policies().current().decide(received.note(), received.text());
			}
			catch (RuntimeException ex) {
				last = ex;
				log.warn("Routing note {} failed (attempt {} of {}): {}", received.noteId(), attempt, attempts,
						DeadLetters.whereThrown(ex));
			}
		}
		throw new Failure(last, attempts);
	}

	/** Routing failed on every attempt. */
	static final class Failure extends Exception {

		private final int attempts;

		Failure(RuntimeException cause, int attempts) {
			super(cause);
			this.attempts = attempts;
		}

		/** The last attempt's exception. */
		RuntimeException cause() {
			return (RuntimeException) getCause();
		}

		int attempts() {
			return this.attempts;
		}

	}

}
