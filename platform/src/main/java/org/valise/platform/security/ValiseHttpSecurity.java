package org.valise.platform.security;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.servlet.DispatcherType;

import org.springframework.core.convert.converter.Converter;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * What every Valise service's {@code SecurityFilterChain} has in common, so that each service states only its own
 * routes: stateless bearer-token authentication (OAuth2 resource server, JWT; the caller's roles and office from
 * the token's claims), HTTP Basic for the metrics scraper alone, RFC 9457 problems for 401 and 403, the probes and
 * the published contract public, the API description and Swagger UI where springdoc serves them
 * ({@link ApiDocsRoutes}), and everything a service does not name denied. It knows which routes are public, so that
 * the API description says so ({@link #isPublic}).
 * <p>
 * Routes are matched on the path Spring MVC serves (decoded, normalised), and Spring Security's firewall refuses
 * encoded slashes, {@code ;} parameters and {@code ..} segments before any route is matched.
 */
public final class ValiseHttpSecurity {

	/** The authorization routes of one service. */
	public interface Routes
			extends Customizer<AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry> {
	}

	/** The routes open to anybody in every service: the probes and the published contract. */
	static final List<String> PUBLIC = List.of("/actuator/health", "/actuator/health/liveness",
			"/actuator/health/readiness", "/asyncapi.yaml", "/schemas/*.json");

	/** The metrics scraper's one route (HTTP Basic). */
	public static final String SCRAPER_ROUTE = "/actuator/prometheus";

	private final Converter<Jwt, AbstractAuthenticationToken> callers;

	private final ProblemAuthenticationEntryPoint entryPoint = new ProblemAuthenticationEntryPoint();

	private final ProblemAccessDeniedHandler accessDenied = new ProblemAccessDeniedHandler();

	private final ApiDocsRoutes docs;

	private final List<PublicRoute> publicRoutes = new CopyOnWriteArrayList<>();

	ValiseHttpSecurity(ValiseSecurityProperties properties, ApiDocsRoutes docs) {
		this.callers = new CallerAuthenticationConverter(properties.claims());
		this.docs = docs;
		PUBLIC.forEach((path) -> this.publicRoutes.add(new PublicRoute(null, path)));
		docs.publicPaths().forEach((path) -> this.publicRoutes.add(new PublicRoute(null, path)));
	}

	/**
	 * Applies the common configuration, then the service's routes, then denies everything else.
	 * @param http the service's {@link HttpSecurity}
	 * @param routes the service's routes and the roles each needs
	 * @return the same {@link HttpSecurity}, to build
	 */
	public HttpSecurity apply(HttpSecurity http, Routes routes) throws Exception {
		return apply(http, routes, new String[0]);
	}

	/**
	 * Applies the common configuration, opens the service's public routes to anybody, then the service's routes,
	 * then denies everything else.
	 * @param http the service's {@link HttpSecurity}
	 * @param routes the service's routes and the roles each needs
	 * @param publicRoutes routes anybody may call, as {@code "/path"} (any method) or {@code "POST /path"}
	 * @return the same {@link HttpSecurity}, to build
	 */
	public HttpSecurity apply(HttpSecurity http, Routes routes, String... publicRoutes) throws Exception {
		List<PublicRoute> open = Arrays.stream(publicRoutes).map(PublicRoute::parse).toList();
		this.publicRoutes.addAll(open);
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
					.requestMatchers(PUBLIC.toArray(String[]::new))
					.permitAll()
					.requestMatchers(SCRAPER_ROUTE)
					.hasAuthority(ScraperAuthenticationProvider.AUTHORITY);
				this.docs.authorize(requests);
				for (PublicRoute route : open) {
					route.permit(requests);
				}
				routes.customize(requests);
				requests.anyRequest().denyAll();
			});
	}

	/**
	 * Whether anybody may call this route, without a token: the probes, the contract, the API description where it
	 * is open, and the service's public routes.
	 * @param method the HTTP method
	 * @param path the route's path, or its template ({@code /api/v1/acknowledgements/{token}})
	 */
	public boolean isPublic(String method, String path) {
		PathContainer container = PathContainer.parsePath(path);
		return this.publicRoutes.stream().anyMatch((route) -> route.matches(method, container));
	}

	/** The entry point answering 401 with a problem, for a service that authenticates a page otherwise. */
	public org.springframework.security.web.AuthenticationEntryPoint entryPoint() {
		return this.entryPoint;
	}

	/** A route anybody may call: any method or one, and a path pattern. */
	private record PublicRoute(HttpMethod method, String path) {

		static PublicRoute parse(String route) {
			String[] parts = route.strip().split("\\s+");
			if (parts.length == 1) {
				return new PublicRoute(null, parts[0]);
			}
			if (parts.length == 2) {
				return new PublicRoute(HttpMethod.valueOf(parts[0].toUpperCase(Locale.ROOT)), parts[1]);
			}
			throw new IllegalArgumentException("a public route is \"/path\" or \"METHOD /path\", not \"" + route + "\"");
		}

		void permit(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
			if (this.method == null) {
				requests.requestMatchers(this.path).permitAll();
			}
			else {
				requests.requestMatchers(this.method, this.path).permitAll();
			}
		}

		boolean matches(String method, PathContainer path) {
			PathPattern pattern = PathPatternParser.defaultInstance.parse(this.path);
			return (this.method == null || this.method.matches(method)) && pattern.matches(path);
		}

	}

}
