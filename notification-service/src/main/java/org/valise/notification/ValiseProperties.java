package org.valise.notification;

import java.net.URI;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The service's own settings ({@code valise.*}): public URL, mail sender, topics, tokens, delivery retries, webhooks,
 * acknowledgement links, escalation and the receipt drafts. Defaults are in {@code application.yml}.
 *
 * @param publicUrl the URL offices use to reach this service's API, quoted in the e-mails and links
 * @param mail how the e-mails are sent
 * @param topics the topics read and written
 * @param delivery how deliveries are dispatched and retried
 * @param webhooks how webhooks are signed and sent
 * @param acknowledgement signed links and the wait for an acknowledgement's decision
 * @param escalation when unacknowledged notes escalate
 * @param receipt how the acknowledgement-of-receipt note is drafted
 */
@ConfigurationProperties("valise")
public record ValiseProperties(URI publicUrl, Mail mail, Topics topics, Delivery delivery,
		Webhooks webhooks, Acknowledgement acknowledgement, Escalation escalation, Receipt receipt) {

	/**
	 * E-mail settings.
	 *
	 * @param from the sender address of every notification
	 */
	public record Mail(String from) {
	}

	/**
	 * Topic names; the note topics and the internal ones are keyed by note id and co-partitioned, so one tracking
	 * task sees all of a note's records.
	 *
	 * @param received written by intake-service
	 * @param routed written by routing-service
	 * @param delivery written by this service
	 * @param commands internal: acknowledgements, delivery outcomes and retries, decided by the tracking topology
	 * @param commandResults internal: the topology's answers to the commands a caller waits for
	 * @param dispatches internal: the delivery attempts the topology hands to the sender
	 * @param deadLetters records the topology could not take
	 * @param directory the organisation directory, published by routing-service (compacted, keyed by office id)
	 */
	public record Topics(String received, String routed, String delivery, String commands, String commandResults,
			String dispatches, String deadLetters, String directory) {
	}

	/**
	 * Deliveries: their retries (the outbox of the tracking topology) and their sending.
	 *
	 * @param dispatchInterval how often the outbox is looked at for attempts due again
	 * @param attemptTimeout how long an attempt may stay without outcome before it counts as failed and is made again
	 * (with the same delivery id, which receivers de-duplicate on)
	 * @param textWait how long an e-mail waits for the note's text when the routing was read before the note
	 * @param maxAttempts attempts before a delivery is marked failed
	 * @param initialBackoff the wait after the first failed attempt
	 * @param multiplier the growth of the wait after each further failure
	 * @param maxBackoff the longest wait
	 * @param jitter the random share taken off each wait (0 = none, 0.5 = up to half)
	 * @param threadsPerOffice concurrent sends per office (a slow office only delays its own deliveries)
	 * @param mailThreads concurrent SMTP connections
	 */
	public record Delivery(Duration dispatchInterval, Duration attemptTimeout, Duration textWait, int maxAttempts,
			Duration initialBackoff, double multiplier, Duration maxBackoff, double jitter, int threadsPerOffice,
			int mailThreads) {
	}

	/**
	 * Webhook delivery.
	 *
	 * @param secrets the HMAC-SHA256 secret of each office, by office id
	 * @param connectTimeout connection timeout
	 * @param requestTimeout the whole request's timeout
	 * @param requireHttps whether plain http URLs are refused
	 */
	public record Webhooks(Map<String, String> secrets, Duration connectTimeout, Duration requestTimeout,
			@DefaultValue("true") boolean requireHttps) {
	}

	/**
	 * Acknowledgements.
	 *
	 * @param linkSecret the HMAC-SHA256 key signing the one-click links
	 * @param linkValidity how long a link stays valid
	 * @param replyTimeout how long the API waits for the topology's decision before answering 202 pending
	 */
	public record Acknowledgement(String linkSecret, Duration linkValidity, Duration replyTimeout) {
	}

	/**
	 * Escalation of unacknowledged notes.
	 *
	 * @param scanInterval how often due deadlines are looked for
	 * @param step the time each escalation level is given before the next
	 */
	public record Escalation(Duration scanInterval, Duration step) {
	}

	/**
	 * Drafts of the acknowledgement-of-receipt note verbale.
	 *
	 * @param trigger REGISTRATION or ACKNOWLEDGEMENT
	 * @param zone the time zone of the draft's date
	 * @param organisation the organisation as subject of a sentence, by language (en, fr, es)
	 * @param place the place written at the foot, by language
	 */
	public record Receipt(String trigger, ZoneId zone, Map<String, String> organisation, Map<String, String> place) {
	}

}
