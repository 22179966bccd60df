package org.valise.routing.registry.streams;

import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.valise.routing.registry.CommandOutcome;
import org.valise.routing.registry.DeskResult.Change;
import org.valise.routing.registry.ReferenceEntry;
import org.valise.routing.registry.Registration;
import org.valise.routing.registry.RegistryView;
import org.valise.routing.registry.TriageEntry;

/**
 * The registry desk's state in its stores: read by the desk, changed as the desk says.
 */
final class StoreView implements RegistryView {

	private final KeyValueStore<String, Long> counters;

	private final KeyValueStore<String, Registration> notes;

	private final KeyValueStore<String, ReferenceEntry> references;

	private final KeyValueStore<String, TriageEntry> triage;

	private final KeyValueStore<String, CommandOutcome> commands;

	StoreView(ProcessorContext<?, ?> context) {
		this.counters = context.getStateStore(RegistryStores.COUNTERS);
		this.notes = context.getStateStore(RegistryStores.NOTES);
		this.references = context.getStateStore(RegistryStores.REFERENCES);
		this.triage = context.getStateStore(RegistryStores.TRIAGE);
		this.commands = context.getStateStore(RegistryStores.COMMANDS);
	}

	@Override
	public Registration registration(String noteId) {
		return this.notes.get(noteId);
	}

	@Override
	public ReferenceEntry reference(String duplicateKey) {
		return this.references.get(duplicateKey);
	}

	@Override
	public Long lastNumber(String year) {
		return this.counters.get(year);
	}

	@Override
	public CommandOutcome outcome(String commandId) {
		return this.commands.get(commandId);
	}

	void apply(Change change) {
		if (change instanceof Change.Counter counter) {
			this.counters.put(counter.year(), counter.last());
		}
		else if (change instanceof Change.Note note) {
			this.notes.put(note.noteId(), note.registration());
		}
		else if (change instanceof Change.Reference reference) {
			this.references.put(reference.duplicateKey(), reference.entry());
		}
		else if (change instanceof Change.Triage entry) {
			if (entry.entry() == null) {
				this.triage.delete(entry.noteId());
			}
			else {
				this.triage.put(entry.noteId(), entry.entry());
			}
		}
		else if (change instanceof Change.Outcome outcome) {
			this.commands.put(outcome.commandId(), outcome.outcome());
		}
	}

}
