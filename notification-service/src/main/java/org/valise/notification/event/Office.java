package org.valise.notification.event;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * An office of the organisation directory with the channels it receives notes on ({@code office.v1.schema.json}).
 *
 * @param id stable office id, e.g. ODG
 * @param name the office's name, e.g. Office of the Director General
 * @param headTitle the title of the office's head
 * @param holder who holds the head's post
 * @param channels where the office receives notes
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Office(String id, String name, String headTitle, String holder, List<Channel> channels) {

	/** Channel type of e-mail delivery. */
	public static final String EMAIL = "email";

	/** Channel type of webhook delivery. */
	public static final String WEBHOOK = "webhook";

	/** The office's channels of one type ({@code email} or {@code webhook}), never null. */
	public List<Channel> channelsOfType(String type) {
		return (this.channels != null) ? this.channels.stream().filter((channel) -> type.equals(channel.type())).toList()
				: List.of();
	}

	/**
	 * One way to reach an office.
	 *
	 * @param type email or webhook
	 * @param address an e-mail address or an https URL
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Channel(String type, String address) {
	}

}
