package org.valise.notification.forwarding;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.kafka.streams.state.HostInfo;
import org.valise.notification.acknowledgement.AcknowledgementLinks;
import org.valise.notification.tracking.NoteId;
import org.valise.notification.tracking.streams.TrackingQueries;
import org.valise.platform.web.RequestForwarder;

import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Any instance answers for any note: a request about one note (its tracking view, an acknowledgement, a retry, the
 * signed acknowledgement link) that reaches an instance not holding the note's partition is passed on to the one that
 * does (Kafka Streams' metadata) and its answer relayed, with the caller's credentials: the owner authorises it as if
 * it had come to it first. Runs after this instance's own authentication and role checks.
 */
@Component
class NoteOwnerFilter extends OncePerRequestFilter {

	private static final Pattern NOTE_PATH = Pattern.compile("^/api/v1/notes/([0-9a-fA-F-]{36})(/.*)?$");

	private static final Pattern LINK_PATH = Pattern.compile("^/api/v1/acknowledgements/([^/]+)$");

	private final TrackingQueries trackings;

	private final AcknowledgementLinks links;

	private final RequestForwarder forwarder = new RequestForwarder(Duration.ofSeconds(30));

	NoteOwnerFilter(TrackingQueries trackings, AcknowledgementLinks links) {
		this.trackings = trackings;
		this.links = links;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return RequestForwarder.forwarded(request) || noteOf(request).isEmpty();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Optional<HostInfo> owner;
		try {
			owner = this.trackings.remoteOwner(noteOf(request).orElseThrow());
		}
		catch (TrackingQueries.TrackingUnavailable ex) {
			owner = Optional.empty();
		}
		if (owner.isEmpty()) {
			chain.doFilter(request, response);
			return;
		}
		this.forwarder.forward(request, response, owner.get().host(), owner.get().port());
	}

	private Optional<NoteId> noteOf(HttpServletRequest request) {
		Matcher note = NOTE_PATH.matcher(request.getRequestURI());
		if (note.matches()) {
			try {
				return Optional.of(NoteId.of(note.group(1)));
			}
			catch (IllegalArgumentException ex) {
				return Optional.empty();
			}
		}
		Matcher link = LINK_PATH.matcher(request.getRequestURI());
		return link.matches() ? this.links.noteOf(link.group(1)).map(NoteId::of) : Optional.<UUID>empty().map(NoteId::of);
	}

}
