package org.valise.notification.security;

import java.util.Arrays;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.DelegatingAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcherEntry;
import org.valise.platform.security.Role;
import org.valise.platform.security.ValiseHttpSecurity;

import static org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher.pathPattern;

/**
 * Who may call notification: every role reads a note's tracking view and the search, as far as it may see each note
 * (decided per note: {@code NoteAccess}); offices acknowledge; operators retry deliveries; clerks, offices, auditors
 * and operators open the operator page and its overview. The signed acknowledgement link is its own credential. A
 * browser opening the page without a token gets the sign-in form (with its 401).
 */
@Configuration(proxyBeanMethods = false)
class NotificationSecurity {

	static final String[] PAGE = { "/", "/index.html", "/operator.js", "/operator.css" };

	/**
	 * Open to anybody: the signed one-time link in the e-mail is its own credential (forged 403, used or expired
	 * 410); the page's sign-in and sign-out forms.
	 */
	static final String[] PUBLIC = { "/api/v1/acknowledgements/{token}", "POST " + PageSignIn.SIGN_IN,
			"POST " + PageSignIn.SIGN_OUT };

	private static final String[] READERS = { Role.CLERK.name(), Role.OFFICE.name(), Role.AUDITOR.name(),
			Role.OPERATOR.name(), Role.SUBMITTER.name() };

	private static final String[] WATCHERS = { Role.CLERK.name(), Role.OFFICE.name(), Role.AUDITOR.name(),
			Role.OPERATOR.name() };

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http, ValiseHttpSecurity valise, PageSignIn signIn)
			throws Exception {
		valise.apply(http, (routes) -> routes.requestMatchers(HttpMethod.GET, "/api/v1/notes", "/api/v1/notes/{noteId}")
			.hasAnyRole(READERS)
			.requestMatchers(HttpMethod.POST, "/api/v1/notes/{noteId}/acknowledgements")
			.hasRole(Role.OFFICE.name())
			.requestMatchers(HttpMethod.POST, "/api/v1/notes/{noteId}/deliveries/{deliveryId}/retry")
			.hasRole(Role.OPERATOR.name())
			.requestMatchers(HttpMethod.GET, "/api/v1/overview", "/api/v1/me")
			.hasAnyRole(WATCHERS)
			.requestMatchers(HttpMethod.GET, PAGE)
			.hasAnyRole(WATCHERS)
			// Other methods on the API's paths: Spring MVC answers them (405), for its callers only.
			.requestMatchers("/api/v1/notes/**", "/api/v1/overview", "/api/v1/me")
			.hasAnyRole(READERS), PUBLIC);
		AuthenticationEntryPoint entryPoint = pageOrProblem(signIn, valise.entryPoint());
		http.oauth2ResourceServer((server) -> server.bearerTokenResolver(signIn.tokenResolver())
			.authenticationEntryPoint(entryPoint));
		http.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint(entryPoint));
		return http.build();
	}

	/** A browser opening the page gets the sign-in form; anything else the 401 problem. */
	private static AuthenticationEntryPoint pageOrProblem(PageSignIn signIn, AuthenticationEntryPoint problem) {
		RequestMatcher page = (request) -> Arrays.stream(PAGE)
			.anyMatch((path) -> pathPattern(HttpMethod.GET, path).matches(request));
		return new DelegatingAuthenticationEntryPoint(problem, new RequestMatcherEntry<>(page, signIn));
	}

}
