package org.valise.routing.registry;

import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.valise.routing.SampleNoteEvents;
import org.valise.routing.directory.Directory;
import org.valise.routing.directory.DirectoryLoader;
import org.valise.routing.note.NoteReceived;
import org.valise.routing.registry.CommandOutcome.Status;
import org.valise.routing.registry.DeskResult.Change;
import org.valise.routing.routing.Outcome;
import org.valise.routing.routing.RoutingPolicy;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The registry desk on its own: plain objects, state in maps, the time given.
 */
class RegistryDeskTests {

	private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");

	private static final Directory DIRECTORY = directory();

	private final State state = new State();

	private final RegistryDesk desk = desk(new AtomicBoolean());

	@Test
	void numbersEachNewNoteWithTheNextNumberOfTheYear() {
		DeskResult first = register(note("seed-cambodia-iom-2021-01-105.txt", "A/1", null));
		DeskResult second = register(note("dev-04-nepal-department-policy-research.txt", "B/2", null));

		assertThat(first.published()).singleElement().satisfies((routed) -> {
			assertThat(routed.registryNumber()).isEqualTo("IN/2026/000001");
			assertThat(routed.outcome()).isEqualTo(Outcome.ROUTED);
			assertThat(routed.destination().id()).isEqualTo("ODG");
		});
		assertThat(second.published().get(0).registryNumber()).isEqualTo("IN/2026/000002");
		assertThat(this.state.counters).containsEntry("2026", 2L);
	}

	@Test
	void goesOnNumberingFromItsStateAfterARestart() {
		register(note("seed-cambodia-iom-2021-01-105.txt", "A/1", null));
		RegistryDesk restarted = desk(new AtomicBoolean());

		DeskResult next = apply(restarted.register(note("dev-04-nepal-department-policy-research.txt", "B/2", null),
				this.state, NOW));

		assertThat(next.published().get(0).registryNumber()).isEqualTo("IN/2026/000002");
	}

	@Test
	void takesTheSameSenderReferenceAndTextForADuplicateWithoutANumber() {
		NoteReceived original = note("seed-cambodia-iom-2021-01-105.txt", "2021/01/105", null);
		register(original);

		DeskResult again = register(copyOf(original));

		assertThat(again.published()).singleElement().satisfies((routed) -> {
			assertThat(routed.outcome()).isEqualTo(Outcome.DUPLICATE);
			assertThat(routed.registryNumber()).isEqualTo("IN/2026/000001");
			assertThat(routed.duplicateOf().noteId()).isEqualTo(original.noteId());
			assertThat(routed.explanation().rule()).isEqualTo(RegistryDesk.DUPLICATE_RULE);
		});
		assertThat(this.state.counters).containsEntry("2026", 1L);
	}

	@Test
	void registersACorrectedNoteUnderTheSameReferenceOnItsOwnLinkedAndInTriage() {
		NoteReceived original = note("seed-cambodia-iom-2021-01-105.txt", "2021/01/105", null);
		register(original);
		NoteReceived corrected = note("seed-cambodia-iom-2021-01-105.txt", "2021/01/105",
				"RECTIFICATIF — the Permanent Mission corrects the date of the enclosed letter.");

		DeskResult result = register(corrected);

		assertThat(result.published()).singleElement().satisfies((routed) -> {
			assertThat(routed.registryNumber()).isEqualTo("IN/2026/000002");
			assertThat(routed.outcome()).isEqualTo(Outcome.TRIAGE);
			assertThat(routed.possibleDuplicateOf()).isEqualTo(new DuplicateOf(original.noteId(), "IN/2026/000001"));
			assertThat(routed.explanation().rule()).isEqualTo(RegistryDesk.POSSIBLE_DUPLICATE_RULE);
			assertThat(routed.explanation().summary()).contains("another text", "Office of the Director General");
		});
		assertThat(this.state.triage).containsKey(corrected.noteId());
		// and sent once more, byte for byte, the corrected note is a duplicate of itself, not of the first
		DeskResult resent = register(copyOf(corrected));
		assertThat(resent.published().get(0).outcome()).isEqualTo(Outcome.DUPLICATE);
		assertThat(resent.published().get(0).duplicateOf().registryNumber()).isEqualTo("IN/2026/000002");
	}

	@Test
	void takesTheSameSubmissionRetriedForADuplicateOfItself() {
		NoteReceived note = note("seed-cambodia-iom-2021-01-105.txt", "A/1", null);
		register(note);

		DeskResult retried = register(note);

		assertThat(retried.published().get(0).outcome()).isEqualTo(Outcome.DUPLICATE);
		assertThat(retried.published().get(0).explanation().summary()).startsWith("The same submission arrived again");
		assertThat(this.state.notes.get(note.noteId()).current().outcome()).isEqualTo(Outcome.ROUTED);
	}

	@Test
	void saysSoWhenAnIdempotencyKeyWasReusedForAnotherNote() {
		NoteReceived note = note("seed-cambodia-iom-2021-01-105.txt", "A/1", null);
		register(note);
		NoteReceived other = new NoteReceived(note.noteId(), NOW, "text", null, "key-1", "registry",
				note("dev-04-nepal-department-policy-research.txt", "B/2", null).note(), "another text");

		DeskResult result = register(other);

		assertThat(result.published().get(0).outcome()).isEqualTo(Outcome.DUPLICATE);
		assertThat(result.published().get(0).explanation().summary()).contains("reused an Idempotency-Key");
	}

	@Test
	void deadLettersANoteTheRulesCannotRouteWithoutTakingANumber() {
		AtomicBoolean failing = new AtomicBoolean(true);
		RegistryDesk broken = desk(failing);

		DeskResult result = apply(broken.register(note("seed-cambodia-iom-2021-01-105.txt", "A/1", null), this.state,
				NOW));

		assertThat(result.published()).isEmpty();
		assertThat(result.deadLetter().error()).isEqualTo("processing-failed");
		assertThat(result.deadLetter().attempts()).isEqualTo(3);
		assertThat(this.state.counters).isEmpty();
	}

	@Test
	void carriesOutAClerksCommandOnceAsTheNextRevision() {
		NoteReceived note = note("seed-cambodia-iom-2021-01-105.txt", "A/1", null);
		register(note);
		RoutingCommand command = new RoutingCommand("c-1", note.noteId(), "DMM", null, "Concerns labour migration",
				"clerk.dupont", NOW.plusSeconds(60));

		DeskResult applied = apply(this.desk.carryOut(command, this.state, NOW.plusSeconds(60)));
		DeskResult again = apply(this.desk.carryOut(command, this.state, NOW.plusSeconds(61)));

		assertThat(applied.published()).singleElement().satisfies((routed) -> {
			assertThat(routed.revision()).isEqualTo(2);
			assertThat(routed.destination().id()).isEqualTo("DMM");
			assertThat(routed.decidedBy()).isEqualTo("clerk.dupont");
		});
		assertThat(this.state.outcomes.get("c-1").status()).isEqualTo(Status.APPLIED);
		assertThat(again.published()).isEmpty();
	}

	@Test
	void refusesAReasonLongerThanItKeeps() {
		NoteReceived note = note("seed-cambodia-iom-2021-01-105.txt", "A/1", null);
		register(note);

		DeskResult result = apply(this.desk.carryOut(new RoutingCommand("c-2", note.noteId(), "DMM", null,
				"x".repeat(ManualRouting.MAX_REASON + 1), "clerk", NOW), this.state, NOW));

		assertThat(result.published()).isEmpty();
		assertThat(this.state.outcomes.get("c-2").status()).isEqualTo(Status.INVALID);
		assertThat(this.state.outcomes.get("c-2").field()).isEqualTo("reason");
	}

	@Test
	void keepsABoundedHistoryHoweverOftenANoteIsResubmitted() {
		NoteReceived note = note("seed-cambodia-iom-2021-01-105.txt", "A/1", null);
		register(note);

		for (int i = 0; i < 200; i++) {
			register(note);
		}

		Registration registration = this.state.notes.get(note.noteId());
		assertThat(registration.history()).hasSize(10);
		assertThat(registration.omitted()).isEqualTo(191);
		assertThat(registration.history().get(0).outcome()).isEqualTo(Outcome.ROUTED);
	}

	private DeskResult register(NoteReceived note) {
		return apply(this.desk.register(note, this.state, NOW));
	}

	private DeskResult apply(DeskResult result) {
		result.changes().forEach(this.state::apply);
		return result;
	}

	private RegistryDesk desk(AtomicBoolean failing) {
		return new RegistryDesk(() -> {
			if (failing.get()) {
				throw new IllegalStateException("directory unreachable");
			}
			return new RoutingPolicy(DIRECTORY);
		}, new RegistryDesk.Settings("IN", 6, 3, 10), (priority, at) -> at.plus(Duration.ofDays(2)));
	}

	private static NoteReceived note(String sample, String reference, String text) {
		ObjectNode body = SampleNoteEvents.noteReceived(SampleNoteEvents.get(sample), UUID.randomUUID().toString(),
				NOW);
		((ObjectNode) body.get("note")).put("reference", reference);
		if (text != null) {
			body.put("text", text);
		}
		return SampleNoteEvents.JSON.treeToValue(body, NoteReceived.class);
	}

	private static NoteReceived copyOf(NoteReceived note) {
		return new NoteReceived(UUID.randomUUID().toString(), NOW, note.format(), note.fileName(), null,
				note.submittedBy(), note.note(), note.text());
	}

	private static Directory directory() {
		InputStream in = RegistryDeskTests.class.getResourceAsStream("/directory/iom.yml");
		return DirectoryLoader.load(in, "classpath:directory/iom.yml");
	}

	/** The desk's state in maps. */
	private static final class State implements RegistryView {

		final Map<String, Long> counters = new HashMap<>();

		final Map<String, Registration> notes = new HashMap<>();

		final Map<String, ReferenceEntry> references = new HashMap<>();

		final Map<String, TriageEntry> triage = new HashMap<>();

		final Map<String, CommandOutcome> outcomes = new HashMap<>();

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
			return this.outcomes.get(commandId);
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
					this.triage.remove(entry.noteId());
				}
				else {
					this.triage.put(entry.noteId(), entry.entry());
				}
			}
			else if (change instanceof Change.Outcome outcome) {
				this.outcomes.put(outcome.commandId(), outcome.outcome());
			}
		}

	}

}
