package org.valise.intake.kafka;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * When intake stops trying Kafka, and when it tries again: the gate's states, on plain time values.
 */
class BrokerGateTests {

	private static final Instant T0 = Instant.parse("2026-12-06T10:00:00Z");

	private final BrokerGate gate = new BrokerGate(Duration.ofSeconds(2), 2);

	@Test
	void admitsSubmissionsWhileTheBrokerAnswers() {
		assertThat(this.gate.admit().admitted()).isTrue();
		assertThat(this.gate.state()).isEqualTo(BrokerGate.State.OPEN);
	}

	@Test
	void refusesTheSubmissionsAfterASendFailedForTheBrokersSakeTellingWhenToRetry() {
		BrokerGate.Change change = this.gate.sendFailed(T0);

		assertThat(change).isEqualTo(BrokerGate.Change.CLOSED);
		BrokerGate.Admission admission = this.gate.admit();
		assertThat(admission.admitted()).isFalse();
		assertThat(admission.retryAfter()).isEqualTo(Duration.ofSeconds(2));
		assertThat(admission.closedSince()).isEqualTo(T0);
	}

	@Test
	void closesOnTheProbesWordOnlyAfterEnoughMissesInARow() {
		assertThat(this.gate.probed(T0, false)).isEqualTo(BrokerGate.Change.NONE);
		assertThat(this.gate.admit().admitted()).isTrue();

		assertThat(this.gate.probed(T0.plusSeconds(1), false)).isEqualTo(BrokerGate.Change.CLOSED);
		assertThat(this.gate.admit().admitted()).isFalse();
		assertThat(this.gate.admit().closedSince()).isEqualTo(T0.plusSeconds(1));
	}

	@Test
	void startsCountingMissedProbesAgainAfterOneReachedTheBroker() {
		this.gate.probed(T0, false);
		this.gate.probed(T0.plusSeconds(1), true);

		assertThat(this.gate.probed(T0.plusSeconds(2), false)).isEqualTo(BrokerGate.Change.NONE);
		assertThat(this.gate.admit().admitted()).isTrue();
	}

	@Test
	void opensAgainAtTheFirstProbeThatReachesTheBroker() {
		this.gate.sendFailed(T0);
		this.gate.probed(T0.plusSeconds(1), false);
		this.gate.probed(T0.plusSeconds(2), false);

		assertThat(this.gate.probed(T0.plusSeconds(3), true)).isEqualTo(BrokerGate.Change.OPENED);
		assertThat(this.gate.admit()).isEqualTo(new BrokerGate.Admission(true, null, null));
	}

	@Test
	void opensAgainAtAnAcknowledgedSend() {
		this.gate.sendFailed(T0);

		assertThat(this.gate.sendSucceeded()).isEqualTo(BrokerGate.Change.OPENED);
		assertThat(this.gate.admit().admitted()).isTrue();
	}

	@Test
	void reportsEachChangeOnceAndKeepsWhenItClosedFirst() {
		this.gate.sendFailed(T0);

		assertThat(this.gate.sendFailed(T0.plusSeconds(1))).isEqualTo(BrokerGate.Change.NONE);
		assertThat(this.gate.probed(T0.plusSeconds(2), false)).isEqualTo(BrokerGate.Change.NONE);
		assertThat(this.gate.admit().closedSince()).isEqualTo(T0);
		assertThat(this.gate.sendSucceeded()).isEqualTo(BrokerGate.Change.OPENED);
		assertThat(this.gate.sendSucceeded()).isEqualTo(BrokerGate.Change.NONE);
	}

	@Test
	void refusesSettingsThatWouldNeverLetAClientBackOrCloseOnNothing() {
		assertThatIllegalArgumentException().isThrownBy(() -> new BrokerGate(Duration.ZERO, 2));
		assertThatIllegalArgumentException().isThrownBy(() -> new BrokerGate(Duration.ofSeconds(1), 0));
	}

}
