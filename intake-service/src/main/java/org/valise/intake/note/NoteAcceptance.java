package org.valise.intake.note;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;
import org.valise.intake.kafka.BrokerWatch;
import org.valise.intake.keys.IdempotencyKeys;
import org.valise.intake.keys.KeyDecisions;
import org.valise.intake.keys.KeyDecisions.Answer;
import org.valise.intake.keys.KeyDecisions.Decision;
import org.valise.intake.keys.KeyLedger.Remembered;
import org.valise.intake.keys.KeysUnavailableException;

/**
 * Accepts a submission: answers 202 only once Kafka has acknowledged its {@link NoteReceived}. Without an
 * {@code Idempotency-Key} the note gets a random id and is published. With one, what the key remembers decides
 * ({@link KeyDecisions}): nothing — the key is claimed, and the claim read back settles who was first; the same
 * submission, published — the first answer again, nothing published; the same submission, not known to be published
 * (an attempt crashed, failed or runs) — its note published under the claimed id and time, then marked; another
 * submission — refused, 422. Kafka is not tried while the {@link BrokerWatch} says it is away (503 at once); a note
 * whose event would be too large is refused (413) before its key is claimed.
 */
@Component
class NoteAcceptance {

	private static final Logger logger = LoggerFactory.getLogger(NoteAcceptance.class);

	private final NotePublisher publisher;

	private final IdempotencyKeys keys;

	private final BrokerWatch broker;

	private final NoteEvents events;

	private final Clock clock;

	private final MeterRegistry meters;

	NoteAcceptance(NotePublisher publisher, IdempotencyKeys keys, BrokerWatch broker, IntakeLimits limits,
			JsonMapper json, Clock clock, MeterRegistry meters) {
		this.publisher = publisher;
		this.keys = keys;
		this.broker = broker;
		this.events = new NoteEvents(json, limits.maxEventSize());
		this.clock = clock;
		this.meters = meters;
	}

	NoteReceived accept(Submission submission) {
		if (submission.key() == null) {
			admit();
			return publish(submission, prepare(submission, NoteId.random(), this.clock.instant()));
		}
		String client = submission.submittedBy();
		String key = submission.key().value();
		Decision decision = KeyDecisions.before(this.keys.remembered(client, key), submission.digest());
		Prepared claimed = null;
		if (decision.answer() == Answer.CLAIM) {
			admit();
			claimed = prepare(submission, submission.key().noteIdFor(client, submission.digest()), this.clock.instant());
			decision = claim(submission, claimed);
		}
		switch (decision.answer()) {
			case REFUSE:
				throw new IdempotencyKeyReusedException(decision.remembered().receivedAt());
			case REPLAY:
				return replay(submission, decision.remembered());
			case PUBLISH:
				return publishClaimed(submission, decision.remembered(), claimed);
			default:
				throw new KeysUnavailableException("The claim of an Idempotency-Key was not read back", null);
		}
	}

	/** Claims the key and settles who was first; a claim that lost is withdrawn. */
	private Decision claim(Submission submission, Prepared prepared) {
		IdempotencyKeys.Claim claim;
		try {
			claim = this.keys.claim(submission.submittedBy(), submission.key().value(), submission.digest(),
					prepared.event().noteId().toString(), prepared.event().receivedAt());
		}
		catch (KeysUnavailableException ex) {
			this.broker.failed(ex);
			throw ex;
		}
		Decision decision = KeyDecisions.settle(this.keys.settled(claim), claim.offset(), submission.digest());
		if (decision.withdrawOwnClaim()) {
			this.keys.withdraw(claim);
		}
		return decision;
	}

	/** Publishes the note of a claim (this submission's own, or an earlier attempt's), then marks the claim. */
	private NoteReceived publishClaimed(Submission submission, Remembered claim, Prepared own) {
		admit();
		NoteId noteId = new NoteId(UUID.fromString(claim.noteId()));
		boolean same = own != null && own.event().noteId().equals(noteId)
				&& own.event().receivedAt().equals(claim.receivedAt());
		NoteReceived event = publish(submission, same ? own : prepare(submission, noteId, claim.receivedAt()));
		this.keys.markPublished(submission.submittedBy(), submission.key().value(), claim);
		return event;
	}

	/** The first answer again: the note was published under the key before; nothing is published. */
	private NoteReceived replay(Submission submission, Remembered first) {
		NoteReceived event = submission.event(new NoteId(UUID.fromString(first.noteId())), first.receivedAt());
		logger.info("Answered a retry of note {} from {} with Idempotency-Key {}: published before", event.noteId(),
				submission.submittedBy(), submission.key().value());
		return event;
	}

	private void admit() {
		this.broker.admit();
		if (!this.publisher.ready()) {
			throw this.broker.unavailable();
		}
	}

	private Prepared prepare(Submission submission, NoteId noteId, Instant receivedAt) {
		NoteReceived event = submission.event(noteId, receivedAt);
		return new Prepared(event, this.events.write(event, submission.field()));
	}

	private NoteReceived publish(Submission submission, Prepared prepared) {
		NoteReceived event = prepared.event();
		try {
			this.publisher.publish(event, prepared.json());
		}
		catch (PublicationFailedException ex) {
			if (ex.brokerUnavailable()) {
				this.broker.failed(ex);
			}
			throw ex;
		}
		this.broker.succeeded();
		Counter.builder("valise.notes.received")
			.description("Notes accepted by intake (Kafka acknowledged them)")
			.tag("format", event.format().code())
			.tag("doc_type", event.note().docType().code())
			.register(this.meters)
			.increment();
		if (submission.key() != null) {
			logger.info("Accepted note {} ({}, reference {}) from {} with Idempotency-Key {}", event.noteId(),
					event.format(), event.note().reference(), event.submittedBy(), submission.key().value());
		}
		else {
			logger.info("Accepted note {} ({}, reference {}) from {}", event.noteId(), event.format(),
					event.note().reference(), event.submittedBy());
		}
		return event;
	}

	/** An event and its JSON, as checked against the size limit. */
	private record Prepared(NoteReceived event, byte[] json) {
	}

}
