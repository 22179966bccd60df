package org.valise.platform.apidocs;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A refusal as every Valise service writes it (RFC 9457, {@code application/problem+json}; see
 * {@code org.valise.platform.web.Problems}): the shape the API description gives every problem response.
 *
 * @param type the problem's type, {@code https://valise.org/problems/<type>}
 * @param title what went wrong, the same for every problem of the type
 * @param status the HTTP status
 * @param detail what went wrong this time, for the client
 * @param instance the request, where named
 * @param errors the fields at fault and why
 */
@Schema(name = "Problem", description = "An RFC 9457 problem; a problem type may add members of its own")
record ProblemResponse(@Schema(example = "https://valise.org/problems/invalid-note") URI type,
		@Schema(example = "Invalid note") String title, @Schema(example = "400") int status, String detail,
		URI instance, List<FieldError> errors) {

	/**
	 * A field at fault.
	 *
	 * @param field the field, parameter or header
	 * @param reason why it was refused
	 */
	@Schema(name = "ProblemError")
	record FieldError(String field, String reason) {
	}

}
