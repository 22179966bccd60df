package org.valise.system.faults;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.awaitility.Awaitility.await;

/**
 * What a {@link Fault} acts on and reports to: the fleet and the scenario's load, a clock started with the load (faults
 * act at offsets from it), the moment the fault healed, a log of what was done when, and the keys of the records a
 * fault wrote to a topic itself (poison).
 */
final class FaultContext {

	private final Fleet fleet;

	private final NoteLoad load;

	private final DistinctNotes notes;

	private final Instant start;

	private final List<String> events = new ArrayList<>();

	private final List<String> poisonKeys = new ArrayList<>();

	private Instant healedAt;

	FaultContext(Fleet fleet, NoteLoad load, DistinctNotes notes, Instant start) {
		this.fleet = fleet;
		this.load = load;
		this.notes = notes;
		this.start = start;
	}

	Fleet fleet() {
		return this.fleet;
	}

	NoteLoad load() {
		return this.load;
	}

	DistinctNotes notes() {
		return this.notes;
	}

	/** Waits until the offset from the load's start (at once if it has passed). */
	void at(Duration offset) {
		Duration left = Duration.between(Instant.now(), this.start.plus(offset));
		if (!left.isNegative() && !left.isZero()) {
			await().atMost(left.plusSeconds(10))
				.pollDelay(Duration.ZERO)
				.pollInterval(Duration.ofMillis(100))
				.until(() -> !Instant.now().isBefore(this.start.plus(offset)));
		}
	}

	/** Logs what was done, at its offset. */
	void event(String what) {
		String line = String.format("+%6.1f s  %s", Duration.between(this.start, Instant.now()).toMillis() / 1000.0, what);
		this.events.add(line);
		System.out.println("[fault] " + line);
	}

	/** The fault's cause is gone (the process restarted, the broker back, the office answering again). */
	void healed() {
		this.healedAt = Instant.now();
		event("healed");
	}

	/** A record the fault wrote itself, expected in the dead-letter topic. */
	void poisoned(String key) {
		this.poisonKeys.add(key);
	}

	Instant start() {
		return this.start;
	}

	Instant healedAt() {
		return (this.healedAt != null) ? this.healedAt : this.start;
	}

	List<String> events() {
		return List.copyOf(this.events);
	}

	List<String> poisonKeys() {
		return List.copyOf(this.poisonKeys);
	}

}
