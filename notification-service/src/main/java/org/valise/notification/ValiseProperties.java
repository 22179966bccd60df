package org.valise.notification;

import java.net.URI;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.Resource;

/**
 * The service's own settings ({@code valise.*}): public URL, mail sender, topics, tokens, delivery retries, webhooks,
 * acknowledgement links, escalation, the directory and the receipt drafts. Defaults are in {@code application.yml}.
 *
 * @param publicUrl the URL offices use to reach this service's API, quoted in the e-mails and links
 * @param mail how the e-mails are sent
 * @param topics the topics read and written
 * @param delivery how deliveries are dispatched and retried
 * @param webhooks how webhooks are signed and sent
 * @param acknowledgement signed links and the wait for an acknowledgement's decision
 * @param escalation when unacknowledged notes escalate
 * @param directory where the organisation directory is
 * @param receipt how the acknowledgement-of-receipt note is drafted
 */
@ConfigurationProperties("valise")
public record ValiseProperties(URI publicUrl, Mail mail, Topics topics, Delivery delivery,
		Webhooks webhooks, Acknowledgement acknowledgement, Escalation escalation, Directory directory,
		Receipt receipt) {

	/**
	 * E-mail settings.
	 *
	 * @param from the sender address of every notification
	 */
	public record Mail(String from) {
	}

	/**
	 * Topic names; all keyed by note id and co-partitioned, so one tracking task sees all of a note's records.
	 *
	 * @param received written by intake-service
	 * @param routed written by routing-service
	 * @param delivery written by this service
	 * @param commands internal: acknowledgements, delivery outcomes and retries, decided by the tracking topology
	 * @param commandResults internal: the topology's answers to the commands a caller waits for
	 * @param partitions the partition count of the note topics and of the commands topic
	 */
	public record Topics(String received, String routed, String delivery, String commands, String commandResults,
			int partitions) {
	}

	/**
	 * Dispatch and retries of deliveries (the outbox of the tracking topology).
	 *
	 * @param dispatchInterval how often the outbox is scanned for due deliveries
	 * @param attemptTimeout how long an attempt may take before it is counted as failed and dispatched again
	 * @param maxAttempts attempts before a delivery is marked failed
	 * @param initialBackoff the wait after the first failed attempt
	 * @param multiplier the growth of the wait after each further failure
	 * @param maxBackoff the longest wait
	 * @param jitter the random share taken off each wait (0 = none, 0.5 = up to half)
	 * @param threadsPerOffice concurrent sends per office
	 * @param queuePerOffice deliveries waiting per office before the outbox keeps them for a later scan
	 */
	public record Delivery(Duration dispatchInterval, Duration attemptTimeout, int maxAttempts,
			Duration initialBackoff, double multiplier, Duration maxBackoff, double jitter, int threadsPerOffice,
			int queuePerOffice) {
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
	 * The organisation directory (parents and deputies for escalation).
	 *
	 * @param location a Spring resource location
	 */
	public record Directory(Resource location) {
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
