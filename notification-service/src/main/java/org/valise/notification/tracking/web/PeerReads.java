package org.valise.notification.tracking.web;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.apache.kafka.streams.state.HostInfo;
import org.valise.notification.tracking.streams.TrackingQueries;
import org.valise.platform.web.RequestForwarder;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * Reads that need every instance's part (a search, the overview): asks each other instance for its own part, with
 * the caller's credentials (each part holds only what the caller may see), for the caller to merge. A part that does
 * not come makes the whole read unavailable (503) rather than silently incomplete.
 */
@Component
public class PeerReads {

	private final TrackingQueries trackings;

	private final JsonMapper json;

	private final RequestForwarder forwarder = new RequestForwarder(Duration.ofSeconds(10));

	PeerReads(TrackingQueries trackings, JsonMapper json) {
		this.trackings = trackings;
		this.json = json;
	}

	/** Whether this request is itself a part of another instance's read (to be answered from this instance only). */
	public static boolean isPart(HttpServletRequest request) {
		return RequestForwarder.local(request);
	}

	/**
	 * The other instances' parts of a read.
	 * @param pathAndQuery the part to ask each instance for
	 * @param type what a part reads as
	 * @throws TrackingQueries.TrackingUnavailable when an instance does not answer
	 */
	public <T> List<T> parts(HttpServletRequest request, String pathAndQuery, Class<T> type) {
		List<T> parts = new ArrayList<>();
		for (HostInfo peer : this.trackings.peers()) {
			try {
				HttpResponse<byte[]> answer = this.forwarder.askLocal(request, peer.host(), peer.port(), pathAndQuery);
				if (answer.statusCode() != 200) {
					throw new IOException("instance " + peer + " answered " + answer.statusCode());
				}
				parts.add(this.json.readValue(answer.body(), type));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new TrackingQueries.TrackingUnavailable(ex);
			}
			catch (IOException | RuntimeException ex) {
				throw new TrackingQueries.TrackingUnavailable(ex);
			}
		}
		return parts;
	}

}
