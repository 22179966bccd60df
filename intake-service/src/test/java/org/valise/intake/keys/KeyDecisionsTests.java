package org.valise.intake.keys;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import org.valise.intake.keys.KeyDecisions.Answer;
import org.valise.intake.keys.KeyDecisions.Decision;
import org.valise.intake.keys.KeyLedger.Remembered;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a keyed submission gets, from what its key remembers: before claiming, and once its own claim is read back.
 */
class KeyDecisionsTests {

	private static final Instant T0 = Instant.parse("2026-12-06T10:00:00Z");

	private static final Remembered CLAIMED = new Remembered("k/a", 10, "digest-a", "note-a", T0, false);

	private static final Remembered PUBLISHED = new Remembered("k/a", 10, "digest-a", "note-a", T0, true);

	@Test
	void claimsAKeyThatRemembersNothing() {
		assertThat(KeyDecisions.before(null, "digest-a")).isEqualTo(new Decision(Answer.CLAIM, null, false));
	}

	@Test
	void answersARetryOfAPublishedSubmissionAsTheFirstTime() {
		assertThat(KeyDecisions.before(PUBLISHED, "digest-a")).isEqualTo(new Decision(Answer.REPLAY, PUBLISHED, false));
	}

	@Test
	void publishesTheClaimedNoteWhenARetryFindsItsPublicationUnknown() {
		assertThat(KeyDecisions.before(CLAIMED, "digest-a")).isEqualTo(new Decision(Answer.PUBLISH, CLAIMED, false));
	}

	@Test
	void refusesAnotherSubmissionUnderAKeyAlreadyUsed() {
		assertThat(KeyDecisions.before(PUBLISHED, "digest-b").answer()).isEqualTo(Answer.REFUSE);
		assertThat(KeyDecisions.before(CLAIMED, "digest-b").answer()).isEqualTo(Answer.REFUSE);
	}

	@Test
	void publishesWhenItsOwnClaimCameFirst() {
		assertThat(KeyDecisions.settle(CLAIMED, 10, "digest-a")).isEqualTo(new Decision(Answer.PUBLISH, CLAIMED, false));
	}

	@Test
	void givesTheLoserOfARaceForTheSameSubmissionTheWinnersNoteAndWithdrawsItsClaim() {
		assertThat(KeyDecisions.settle(CLAIMED, 11, "digest-a")).isEqualTo(new Decision(Answer.PUBLISH, CLAIMED, true));
		assertThat(KeyDecisions.settle(PUBLISHED, 11, "digest-a"))
			.isEqualTo(new Decision(Answer.REPLAY, PUBLISHED, true));
	}

	@Test
	void refusesTheLoserOfARaceWithAnotherSubmissionAndWithdrawsItsClaim() {
		assertThat(KeyDecisions.settle(CLAIMED, 11, "digest-b")).isEqualTo(new Decision(Answer.REFUSE, CLAIMED, true));
	}

	@Test
	void staysUnsettledWhileItsOwnClaimIsNotRemembered() {
		assertThat(KeyDecisions.settle(null, 10, "digest-a").answer()).isEqualTo(Answer.UNSETTLED);
		assertThat(KeyDecisions.settle(CLAIMED, 9, "digest-a").answer()).isEqualTo(Answer.UNSETTLED);
	}

}
