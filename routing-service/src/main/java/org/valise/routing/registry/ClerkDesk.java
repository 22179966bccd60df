package org.valise.routing.registry;

import java.time.Instant;
import java.util.Optional;

import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.valise.routing.directory.Directory;
import org.valise.routing.registry.CommandOutcome.Status;
import org.valise.routing.registry.ManualRouting.Problem;
import org.valise.routing.registry.RegistrationProcessor.Registrar;
import org.valise.routing.routing.Outcome;

/**
 * Carries out registry clerks' routing commands at the registry desk, in order with the automatic decisions: the
 * next revision of the decision in force is published, and the command's outcome is kept for the clerk's API.
 */
final class ClerkDesk {

	private static final Logger log = LoggerFactory.getLogger(ClerkDesk.class);

	private final Registrar registrar;

	private final KeyValueStore<String, Registration> notes;

	private final KeyValueStore<String, TriageEntry> triage;

	private final KeyValueStore<String, CommandOutcome> outcomes;

	private final Publisher publisher;

	ClerkDesk(Registrar registrar, KeyValueStore<String, Registration> notes, KeyValueStore<String, TriageEntry> triage,
			KeyValueStore<String, CommandOutcome> outcomes, Publisher publisher) {
		this.registrar = registrar;
		this.notes = notes;
		this.triage = triage;
		this.outcomes = outcomes;
		this.publisher = publisher;
	}

	/** Publishes a NoteRouted event. */
	@FunctionalInterface
	interface Publisher {

		void publish(NoteRouted routed, String cause, Headers causing);

	}

	void carryOut(RoutingCommand command, Headers headers) {
		if (this.outcomes.get(command.commandId()) != null) {
			log.info("Ignored command {} on note {}: already carried out", command.commandId(), command.noteId());
			return;
		}
		Registration known = this.notes.get(command.noteId());
		if (known == null) {
			refuse(command, Status.UNKNOWN_NOTE, "noteId", "no note " + command.noteId() + " is registered");
			return;
		}
		if (known.isDuplicate()) {
			DuplicateOf original = known.original();
			refuse(command, Status.DUPLICATE, "noteId", "note " + command.noteId() + " is a duplicate of note "
					+ original.noteId() + " (" + original.registryNumber() + "); route that note instead");
			return;
		}
		Directory directory = this.registrar.policies().current().directory();
		NoteRouted inForce = known.current();
		Optional<Problem> problem = ManualRouting.problemWith(command.officeId(), command.copies(), command.reason(),
				directory, inForce.note().confidential());
		if (problem.isPresent()) {
			refuse(command, Status.INVALID, problem.get().field(), problem.get().detail());
			return;
		}
		Instant now = this.registrar.clock().instant();
		NoteRouted routed = ManualRouting.apply(inForce, command, directory, now,
				this.registrar.deadlines().deadline(inForce.priority(), now));
		this.notes.put(command.noteId(), known.decided(routed));
		if (routed.outcome() == Outcome.TRIAGE) {
			this.triage.put(command.noteId(), TriageEntry.of(routed));
		}
		else {
			this.triage.delete(command.noteId());
		}
		this.outcomes.put(command.commandId(), new CommandOutcome(command.commandId(), command.noteId(), Status.APPLIED,
				routed.revision(), null, routed.explanation().summary()));
		this.publisher.publish(routed, command.commandId(), headers);
	}

	private void refuse(RoutingCommand command, Status status, String field, String detail) {
		log.warn("Refused command {} of clerk {} on note {}: {}", command.commandId(), command.clerk(),
				command.noteId(), detail);
		this.outcomes.put(command.commandId(),
				new CommandOutcome(command.commandId(), command.noteId(), status, 0, field, detail));
	}

}
