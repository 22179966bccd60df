package org.valise.routing.clerk;

import org.valise.platform.apidocs.ApiDocsOutsideTheLocalRun;
import org.valise.platform.apidocs.OutsideTheLocalRun;
import org.valise.platform.security.Role;
import org.valise.platform.security.TestTokens;
import org.valise.routing.registry.streams.RegistryQueries;

import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * routing outside the local run (no {@code local} profile): no Swagger UI, and the API description only for a caller
 * with a bearer token, like the rest of the API ({@link ApiDocsOutsideTheLocalRun}).
 */
@OutsideTheLocalRun
@Import(ClerkSecurity.class)
class RoutingApiDocsOutsideLocalRunTests extends ApiDocsOutsideTheLocalRun {

	@MockitoBean
	RegistryQueries queries;

	@Override
	protected String token() {
		return TestTokens.token(Role.CLERK);
	}

}
