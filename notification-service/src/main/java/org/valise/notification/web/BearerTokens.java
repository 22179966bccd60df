package org.valise.notification.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.web.ErrorResponseException;

/**
 * A set of API tokens, each held by one named party (an office, an operator): tells who holds the bearer token of an
 * {@code Authorization} header, comparing in constant time, and refuses with a 401 problem otherwise.
 */
public final class BearerTokens {

	private static final Logger log = LoggerFactory.getLogger(BearerTokens.class);

	private static final String BEARER = "Bearer ";

	private final String kind;

	private final Map<String, byte[]> tokenByHolder;

	/**
	 * @param kind who holds these tokens, for messages (e.g. {@code office})
	 * @param property the configuration property they come from, for messages
	 * @param configured holder to token; every token must be non-blank and held by one holder only
	 */
	public BearerTokens(String kind, String property, Map<String, String> configured) {
		Set<String> distinct = new HashSet<>();
		configured.forEach((holder, token) -> {
			if (token == null || token.isBlank() || !distinct.add(token)) {
				throw new IllegalStateException(property + "." + holder + " must be a non-blank token of its own");
			}
		});
		this.kind = kind;
		this.tokenByHolder = Map.copyOf(configured.entrySet()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, (entry) -> entry.getValue().getBytes(StandardCharsets.UTF_8))));
	}

	/**
	 * Who holds the bearer token of this {@code Authorization} header.
	 * @throws ErrorResponseException a 401 problem when the header is missing, not a bearer token, or its token is
	 * held by no {@code kind}
	 */
	public String holderOf(String authorization) {
		if (authorization == null || authorization.isBlank()) {
			throw ApiProblems.unauthenticated("missing: send Authorization: Bearer <your " + this.kind + "'s token>");
		}
		if (!authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
			throw ApiProblems.unauthenticated("must be a Bearer token");
		}
		byte[] presented = authorization.substring(BEARER.length()).strip().getBytes(StandardCharsets.UTF_8);
		String holder = null;
		for (Map.Entry<String, byte[]> entry : this.tokenByHolder.entrySet()) {
			if (MessageDigest.isEqual(entry.getValue(), presented)) {
				holder = entry.getKey();
			}
		}
		if (holder == null) {
			log.warn("Refused a request with a bearer token no {} holds", this.kind);
			throw ApiProblems.unauthenticated("the bearer token belongs to no " + this.kind);
		}
		return holder;
	}

}
