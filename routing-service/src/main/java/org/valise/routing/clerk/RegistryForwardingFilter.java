package org.valise.routing.clerk;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.kafka.streams.state.HostInfo;
import org.springframework.web.filter.OncePerRequestFilter;
import org.valise.platform.web.RequestForwarder;
import org.valise.routing.registry.streams.RegistryQueries;

/**
 * With several routing instances, the registry desk's stores live on one of them: a clerk's request reaching
 * another instance is passed on to that one (found through Kafka Streams' {@code application.server} metadata)
 * and its answer returned as is. A request is passed on once at most.
 */
class RegistryForwardingFilter extends OncePerRequestFilter {

	private static final List<String> PATHS = List.of("/api/v1/triage", "/api/v1/notes/", "/api/v1/routing/preview");

	private final RegistryQueries queries;

	private final RequestForwarder forwarder = new RequestForwarder(Duration.ofSeconds(30));

	RegistryForwardingFilter(RegistryQueries queries) {
		this.queries = queries;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return RequestForwarder.forwarded(request)
				|| PATHS.stream().noneMatch(path -> request.getRequestURI().startsWith(path));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Optional<HostInfo> owner = this.queries.remoteOwner();
		if (owner.isEmpty()) {
			chain.doFilter(request, response);
			return;
		}
		this.forwarder.forward(request, response, owner.get().host(), owner.get().port());
	}

}
