package org.valise.notification.acknowledgement;

import java.util.Map;

import org.valise.notification.ValiseProperties;
import org.valise.notification.web.BearerTokens;

import org.springframework.stereotype.Component;

/**
 * The offices' API tokens ({@code valise.security.office-tokens}, office id to token).
 */
@Component
class OfficeTokens {

	private final BearerTokens tokens;

	OfficeTokens(ValiseProperties properties) {
		Map<String, String> configured = (properties.security() != null
				&& properties.security().officeTokens() != null) ? properties.security().officeTokens() : Map.of();
		this.tokens = new BearerTokens("office", "valise.security.office-tokens", configured);
	}

	/** The office holding the bearer token of this {@code Authorization} header; a 401 problem otherwise. */
	String officeOf(String authorization) {
		return this.tokens.holderOf(authorization);
	}

}
