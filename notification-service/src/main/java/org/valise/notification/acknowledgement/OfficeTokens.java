package org.valise.notification.acknowledgement;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.valise.notification.ValiseProperties;

import org.springframework.stereotype.Component;

/**
 * The offices' API tokens ({@code valise.security.office-tokens}, office id to token): tells which office holds a
 * token, comparing in constant time.
 */
@Component
class OfficeTokens {

	private final Map<String, byte[]> tokenByOffice;

	OfficeTokens(ValiseProperties properties) {
		Map<String, String> configured = (properties.security() != null
				&& properties.security().officeTokens() != null) ? properties.security().officeTokens() : Map.of();
		Set<String> distinct = new HashSet<>();
		configured.forEach((office, token) -> {
			if (token == null || token.isBlank() || !distinct.add(token)) {
				throw new IllegalStateException(
						"valise.security.office-tokens." + office + " must be a non-blank token of its own");
			}
		});
		this.tokenByOffice = Map.copyOf(configured.entrySet()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey,
					(entry) -> entry.getValue().getBytes(StandardCharsets.UTF_8))));
	}

	/** The office holding this token, if any. */
	Optional<String> officeOf(String token) {
		byte[] presented = token.getBytes(StandardCharsets.UTF_8);
		String office = null;
		for (Map.Entry<String, byte[]> entry : this.tokenByOffice.entrySet()) {
			if (MessageDigest.isEqual(entry.getValue(), presented)) {
				office = entry.getKey();
			}
		}
		return Optional.ofNullable(office);
	}

}
