package org.valise.notification;

import java.net.URI;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The service's own settings ({@code valise.*}): public URL, mail sender, topics and the offices' API tokens.
 *
 * @param publicUrl the URL offices use to reach this service's API, quoted in the e-mails
 * @param mail how the e-mails are sent
 * @param topics the topics read and written
 * @param security who may call the write API
 */
@ConfigurationProperties("valise")
public record ValiseProperties(URI publicUrl, Mail mail, Topics topics, Security security) {

	/**
	 * E-mail settings.
	 *
	 * @param from the sender address of every notification
	 */
	public record Mail(String from) {
	}

	/**
	 * Topic names; all keyed by note id and co-partitioned, so one tracking task sees all of a note's events.
	 *
	 * @param received written by intake-service
	 * @param routed written by routing-service
	 * @param delivery written by this service
	 * @param partitions the partition count of all three
	 */
	public record Topics(String received, String routed, String delivery, int partitions) {
	}

	/**
	 * API security.
	 *
	 * @param officeTokens the bearer token of each office, by office id (e.g. {@code ODG})
	 */
	public record Security(Map<String, String> officeTokens) {
	}

}
