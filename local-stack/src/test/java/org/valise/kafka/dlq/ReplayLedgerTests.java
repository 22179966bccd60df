package org.valise.kafka.dlq;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ReplayLedgerTests {

	private static final Instant AT = Instant.parse("2026-01-01T10:00:00Z");

	private final DeadLetter deadLetter = DeadLetterSamples.unreadableNote().build();

	private final ReplayLedger ledger = new ReplayLedger();

	@Test
	void writesAMarkThatReadsBackAsItWas() {
		ReplayMark mark = new ReplayMark("notes.received.v1-1@99", AT, 2, 1_767_225_600_000L);

		assertThat(mark.format()).isEqualTo("replayed-to=notes.received.v1-1@99;replayed-at=2026-01-01T10:00:00Z;"
				+ "replays=2;dead-letter-timestamp=1767225600000");
		assertThat(ReplayMark.parse(mark.format())).isEqualTo(mark);
	}

	@Test
	void refusesToReadWhatIsNotAMark() {
		assertThatIllegalArgumentException().isThrownBy(() -> ReplayMark.parse("replayed-to=x;replays=1"))
			.withMessageContaining("replayed-at is missing");
	}

	@Test
	void knowsNothingOfADeadLetterNeverReplayed() {
		assertThat(this.ledger.markOf(this.deadLetter)).isEmpty();
		assertThat(this.ledger.next(this.deadLetter, "notes.received.v1-0@1", AT).replays()).isEqualTo(1);
	}

	@Test
	void keepsTheLatestMarkOfAPositionAndCountsTheReplays() {
		this.ledger.add("notes.received.v1.dlq-0@3", this.ledger.next(this.deadLetter, "notes.received.v1-0@1", AT)
			.format());
		this.ledger.add("notes.received.v1.dlq-0@3", this.ledger.next(this.deadLetter, "notes.received.v1-0@2", AT)
			.format());

		assertThat(this.ledger.markOf(this.deadLetter)).hasValueSatisfying((mark) -> {
			assertThat(mark.replayedTo()).isEqualTo("notes.received.v1-0@2");
			assertThat(mark.replays()).isEqualTo(2);
		});
		assertThat(this.ledger.next(this.deadLetter, "notes.received.v1-0@3", AT).replays()).isEqualTo(3);
	}

	@Test
	void forgetsAPositionOnATombstoneOrAnUnreadableMark() {
		String mark = this.ledger.next(this.deadLetter, "notes.received.v1-0@1", AT).format();
		this.ledger.add("notes.received.v1.dlq-0@3", mark);
		this.ledger.add("notes.received.v1.dlq-0@3", null);

		assertThat(this.ledger.markOf(this.deadLetter)).isEmpty();

		this.ledger.add("notes.received.v1.dlq-0@3", mark);
		this.ledger.add("notes.received.v1.dlq-0@3", "garbage");

		assertThat(this.ledger.markOf(this.deadLetter)).isEmpty();
	}

}
