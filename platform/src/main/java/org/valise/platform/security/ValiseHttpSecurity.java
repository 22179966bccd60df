package org.valise.platform.security;

import jakarta.servlet.DispatcherType;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * What every Valise service's {@code SecurityFilterChain} has in common, so that each service states only its own
 * routes: stateless bearer-token authentication (OAuth2 resource server, JWT; the caller's roles and office from
 * the token's claims), HTTP Basic for the metrics scraper alone, RFC 9457 problems for 401 and 403, the probes and
 * the published contract public, and everything a service does not name denied.
 * <p>
 * Routes are matched on the path Spring MVC serves (decoded, normalised), and Spring Security's firewall refuses
 * encoded slashes, {@code ;} parameters and {@code ..} segments before any route is matched.
 */
public final class ValiseHttpSecurity {

	/** The authorization routes of one service. */
	public interface Routes
			extends Customizer<AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry> {
	}

	private final Converter<Jwt, AbstractAuthenticationToken> callers;

	private final ProblemAuthenticationEntryPoint entryPoint = new ProblemAuthenticationEntryPoint();

	private final ProblemAccessDeniedHandler accessDenied = new ProblemAccessDeniedHandler();

	ValiseHttpSecurity(ValiseSecurityProperties properties) {
		this.callers = new CallerAuthenticationConverter(properties.claims());
	}

	/**
	 * Applies the common configuration, then the service's routes, then denies everything else.
	 * @param http the service's {@link HttpSecurity}
	 * @param routes the service's routes and the roles each needs
	 * @return the same {@link HttpSecurity}, to build
	 */
	public HttpSecurity apply(HttpSecurity http, Routes routes) throws Exception {
		return http.csrf((csrf) -> csrf.disable())
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache((cache) -> cache.disable())
			.securityContext((context) -> context.requireExplicitSave(true))
			.anonymous(Customizer.withDefaults())
			.httpBasic((basic) -> basic.realmName("valise-metrics").authenticationEntryPoint(this.entryPoint))
			.oauth2ResourceServer((server) -> server.jwt((jwt) -> jwt.jwtAuthenticationConverter(this.callers))
				.authenticationEntryPoint(this.entryPoint)
				.accessDeniedHandler(this.accessDenied))
			.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint(this.entryPoint)
				.accessDeniedHandler(this.accessDenied))
			.authorizeHttpRequests((requests) -> {
				requests.dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
					.requestMatchers("/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness")
					.permitAll()
					.requestMatchers("/asyncapi.yaml", "/schemas/*.json")
					.permitAll()
					.requestMatchers("/actuator/prometheus")
					.hasAuthority(ScraperAuthenticationProvider.AUTHORITY);
				routes.customize(requests);
				requests.anyRequest().denyAll();
			});
	}

	/** The entry point answering 401 with a problem, for a service that authenticates a page otherwise. */
	public org.springframework.security.web.AuthenticationEntryPoint entryPoint() {
		return this.entryPoint;
	}

}
