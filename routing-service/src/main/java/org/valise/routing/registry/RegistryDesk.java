package org.valise.routing.registry;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.valise.routing.directory.Directory;
import org.valise.routing.note.NoteReceived;
import org.valise.routing.registry.CommandOutcome.Status;
import org.valise.routing.registry.DeskResult.Change;
import org.valise.routing.registry.ManualRouting.Problem;
import org.valise.routing.registry.ReferenceEntry.Registered;
import org.valise.routing.routing.Explanation;
import org.valise.routing.routing.Outcome;
import org.valise.routing.routing.Priority;
import org.valise.routing.routing.RoutingDecision;
import org.valise.routing.routing.RoutingPolicy;

/**
 * The registry desk: the one place that numbers notes and decides what each input means, in the single total order
 * of the registry topic. Pure: it reads its state through a {@link RegistryView}, takes the time as a parameter, and
 * returns the events to publish and the changes to make ({@link DeskResult}).
 * <ul>
 * <li>A note already registered under its id (a submission retried) is a {@code DUPLICATE} of itself; the same id
 * with another text (an Idempotency-Key reused for another note, which intake refuses) too, said so.</li>
 * <li>A note with the sender, reference and text of a registered note is a {@code DUPLICATE} of it, not numbered.</li>
 * <li>A note with the sender and reference of a registered note but another text (a corrected note, a reference
 * reused) is numbered on its own, linked to that note ({@code possibleDuplicateOf}), and sent to triage so that a
 * clerk decides; it is never silently dropped.</li>
 * <li>Any other note is routed by the rules (tried {@code maxAttempts} times, then dead-lettered without taking a
 * number) and takes the next number of the year.</li>
 * <li>A clerk's command publishes the next revision of the decision in force, once.</li>
 * </ul>
 */
public final class RegistryDesk {

	public static final String DUPLICATE_RULE = "duplicate";

	public static final String POSSIBLE_DUPLICATE_RULE = "possible-duplicate";

	private final Supplier<RoutingPolicy> policies;

	private final Settings settings;

	private final Deadlines deadlines;

	public RegistryDesk(Supplier<RoutingPolicy> policies, Settings settings, Deadlines deadlines) {
		this.policies = policies;
		this.settings = settings;
		this.deadlines = deadlines;
	}

	/**
	 * How the desk numbers and remembers.
	 *
	 * @param prefix the prefix of every number, e.g. IN
	 * @param digits how many digits the yearly sequence is padded to
	 * @param maxAttempts how many times routing a note is tried before it is dead-lettered
	 * @param maxHistory how many decisions a registration keeps (the first and the latest)
	 */
	public record Settings(String prefix, int digits, int maxAttempts, int maxHistory) {
	}

	/** When a note of a priority routed at an instant must be acknowledged. */
	@FunctionalInterface
	public interface Deadlines {

		Instant deadline(Priority priority, Instant routedAt);

	}

	/** What to do with a received note. */
	public DeskResult register(NoteReceived received, RegistryView view, Instant now) {
		String hash = ContentHash.of(received);
		Registration known = view.registration(received.noteId());
		if (known != null) {
			return resubmitted(received, known, hash, view, now);
		}
		Optional<String> key = DuplicateKey.of(received.note().sender(), received.note().reference());
		ReferenceEntry sameReference = key.map(view::reference).orElse(null);
		if (sameReference != null) {
			Optional<Registered> sameNote = sameReference.withContent(hash);
			Registration original = sameNote.map((note) -> view.registration(note.noteId())).orElse(null);
			if (original != null) {
				return duplicate(received, original, now);
			}
		}
		RoutingDecision decision;
		int attempts = Math.max(1, this.settings.maxAttempts());
		RuntimeException failure = null;
		decision = null;
		for (int attempt = 1; attempt <= attempts && decision == null; attempt++) {
			try {
				decision = this.policies.get().decide(received.note(), received.text());
			}
			catch (RuntimeException ex) {
				failure = ex;
			}
		}
		if (decision == null) {
			// Decided before numbering, so a note the rules cannot handle takes no number (no gap).
			return DeskResult.deadLetter(new DeskResult.DeadLetter("processing-failed",
					"routing failed after " + attempts + " attempts", failure, attempts));
		}
		DuplicateOf possibleDuplicateOf = (sameReference != null) ? sameReference.latest().asDuplicateOf() : null;
		if (possibleDuplicateOf != null) {
			decision = possibleDuplicate(decision, possibleDuplicateOf, this.policies.get().directory());
		}
		String year = String.valueOf(now.atZone(ZoneOffset.UTC).getYear());
		Long last = view.lastNumber(year);
		RegistryNumber number = new RegistryNumber(this.settings.prefix(), Integer.parseInt(year),
				(last == null) ? 1 : last + 1, this.settings.digits());
		NoteRouted routed = NoteRouted.of(received, number, now, decision,
				this.deadlines.deadline(decision.priority(), now), possibleDuplicateOf);
		List<Change> changes = new ArrayList<>();
		changes.add(new Change.Counter(year, number.sequence()));
		changes.add(new Change.Note(received.noteId(), Registration.first(routed, hash)));
		Registered registered = new Registered(received.noteId(), number.toString(), hash);
		key.ifPresent((k) -> changes.add(new Change.Reference(k,
				(sameReference == null) ? ReferenceEntry.of(registered) : sameReference.with(registered))));
		if (decision.outcome() == Outcome.TRIAGE) {
			changes.add(new Change.Triage(received.noteId(), TriageEntry.of(routed)));
		}
		return DeskResult.of(List.of(routed), changes);
	}

	/** What to do with a clerk's routing command. */
	public DeskResult carryOut(RoutingCommand command, RegistryView view, Instant now) {
		if (view.outcome(command.commandId()) != null) {
			return DeskResult.of(List.of(), List.of());
		}
		Registration known = view.registration(command.noteId());
		if (known == null) {
			return refused(command, Status.UNKNOWN_NOTE, "noteId", "no note " + command.noteId() + " is registered");
		}
		if (known.isDuplicate()) {
			DuplicateOf original = known.original();
			return refused(command, Status.DUPLICATE, "noteId", "note " + command.noteId() + " is a duplicate of note "
					+ original.noteId() + " (" + original.registryNumber() + "); route that note instead");
		}
		Directory directory = this.policies.get().directory();
		NoteRouted inForce = known.current();
		Optional<Problem> problem = ManualRouting.problemWith(command.officeId(), command.copies(), command.reason(),
				directory, inForce.note().confidential());
		if (problem.isPresent()) {
			return refused(command, Status.INVALID, problem.get().field(), problem.get().detail());
		}
		NoteRouted routed = ManualRouting.apply(inForce, command, directory, now,
				this.deadlines.deadline(inForce.priority(), now));
		return DeskResult.of(List.of(routed),
				List.of(new Change.Note(command.noteId(), known.decided(routed, this.settings.maxHistory())),
						new Change.Triage(command.noteId(),
								(routed.outcome() == Outcome.TRIAGE) ? TriageEntry.of(routed) : null),
						new Change.Outcome(command.commandId(), new CommandOutcome(command.commandId(),
								command.noteId(), Status.APPLIED, routed.revision(), null,
								routed.explanation().summary()))));
	}

	/** The same note id again: intake republished a retried submission (or, with another text, a reused key). */
	private DeskResult resubmitted(NoteReceived received, Registration known, String hash, RegistryView view,
			Instant now) {
		DuplicateOf original = known.original();
		Registration first = original.noteId().equals(received.noteId()) ? known
				: Optional.ofNullable(view.registration(original.noteId())).orElse(known);
		Explanation why = known.sameContent(hash)
				? new Explanation(DUPLICATE_RULE, "The same submission arrived again; note " + original.noteId()
						+ " is already registered as " + original.registryNumber() + ", so it is not numbered again.",
						List.of("same submission retried"))
				: new Explanation(DUPLICATE_RULE, "Another note arrived under the id of note " + original.noteId()
						+ " (" + original.registryNumber() + "): its submitter reused an Idempotency-Key for a "
						+ "different note, which intake refuses; it is not registered (it stays on notes.received.v1).",
						List.of("Idempotency-Key reused for another note"));
		NoteRouted duplicate = NoteRouted.duplicate(received, known.current().registeredAt(), now, first.current(),
				original, why, known.current().revision());
		return DeskResult.of(List.of(duplicate), List.of(new Change.Note(received.noteId(),
				known.resubmitted(duplicate, this.settings.maxHistory()))));
	}

	private DeskResult duplicate(NoteReceived received, Registration earlier, Instant now) {
		DuplicateOf original = earlier.original();
		Explanation why = new Explanation(DUPLICATE_RULE, "It has the sender, reference and text of note "
				+ original.noteId() + ", registered as " + original.registryNumber() + ", so it is not numbered again.",
				List.of(received.note().sender(), received.note().reference()));
		NoteRouted duplicate = NoteRouted.duplicate(received, now, now, earlier.current(), original, why, 1);
		return DeskResult.of(List.of(duplicate),
				List.of(new Change.Note(received.noteId(), Registration.first(duplicate, ContentHash.of(received)))));
	}

	/** The rules' decision, made a clerk's question: the note goes to triage, saying which note it may repeat. */
	private static RoutingDecision possibleDuplicate(RoutingDecision decision, DuplicateOf earlier,
			Directory directory) {
		String rules = (decision.outcome() == Outcome.TRIAGE) ? "the rules could not route it either"
				: "the rules would send it to the " + decision.destination().name();
		Explanation why = new Explanation(POSSIBLE_DUPLICATE_RULE, "It has the sender and reference of note "
				+ earlier.noteId() + " (" + earlier.registryNumber() + ") but another text: a corrected note, or a new "
				+ "one under a reused reference. It is registered on its own and waits in triage for a clerk (" + rules
				+ ").", decision.explanation().evidence());
		return new RoutingDecision(Outcome.TRIAGE, directory.triage(), decision.copies(), decision.priority(), why);
	}

	private static DeskResult refused(RoutingCommand command, Status status, String field, String detail) {
		return DeskResult.of(List.of(), List.of(new Change.Outcome(command.commandId(),
				new CommandOutcome(command.commandId(), command.noteId(), status, 0, field, detail))));
	}

}
