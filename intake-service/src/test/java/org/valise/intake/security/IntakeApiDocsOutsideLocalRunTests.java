package org.valise.intake.security;

import org.valise.platform.apidocs.ApiDocsOutsideTheLocalRun;
import org.valise.platform.apidocs.OutsideTheLocalRun;
import org.valise.platform.security.Role;
import org.valise.platform.security.TestTokens;

import org.springframework.context.annotation.Import;

/**
 * intake outside the local run (no {@code local} profile): no Swagger UI, and the API description only for a caller
 * with a bearer token, like the rest of the API ({@link ApiDocsOutsideTheLocalRun}).
 */
@OutsideTheLocalRun
@Import(IntakeSecurity.class)
class IntakeApiDocsOutsideLocalRunTests extends ApiDocsOutsideTheLocalRun {

	@Override
	protected String token() {
		return TestTokens.token(Role.OPERATOR);
	}

}
