package org.valise.platform.security;

/**
 * A secret a service needs outside the local run: the environment variable an operator sets, and the property it
 * reaches the service as.
 *
 * @param variable the environment variable ({@code VALISE_ACK_LINK_SECRET})
 * @param property the configuration property ({@code valise.acknowledgement.link-secret})
 */
public record RequiredSecret(String variable, String property) {

	public RequiredSecret {
		if (variable == null || variable.isBlank() || property == null || property.isBlank()) {
			throw new IllegalArgumentException("A required secret needs a variable and a property");
		}
	}

}
