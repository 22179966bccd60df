package org.valise.platform.apidocs;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The service's API description ({@code valise.api-docs.*}); springdoc's own {@code springdoc.*} properties say
 * whether it and Swagger UI are served, and where.
 *
 * @param open whether anybody may read the description without a token (the local run, for Swagger UI); otherwise
 * any Valise caller with a bearer token may
 * @param description what the service's API is for, first in the description
 */
@ConfigurationProperties("valise.api-docs")
public record ValiseApiDocsProperties(@DefaultValue("false") boolean open, @DefaultValue("") String description) {
}
