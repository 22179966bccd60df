package org.valise.notification.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.stereotype.Component;
import org.springframework.util.StreamUtils;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Lets a browser open the operator page: the page is served only to an authenticated caller, and a browser cannot
 * send a bearer header when it navigates, so the sign-in form takes a token (from the identity provider; on the
 * local run {@code ./valise token operator}), verifies it, and keeps it in an HttpOnly, SameSite=Strict cookie for
 * as long as it is valid. The cookie counts for reads, and for writes only with the page's own header
 * ({@value #PAGE_HEADER}), which no cross-site form can send: no request forgery through it.
 */
@Component
@RestController
class PageSignIn implements AuthenticationEntryPoint {

	static final String SIGN_IN = "/sign-in";

	static final String SIGN_OUT = "/sign-out";

	static final String COOKIE = "valise_token";

	static final String PAGE_HEADER = "X-Valise-Page";

	private static final Logger log = LoggerFactory.getLogger(PageSignIn.class);

	private final JwtDecoder tokens;

	private final String form;

	PageSignIn(JwtDecoder tokens) throws IOException {
		this.tokens = tokens;
		this.form = StreamUtils.copyToString(new ClassPathResource("pages/sign-in.html").getInputStream(),
				StandardCharsets.UTF_8);
	}

	/** The bearer token of a request: its Authorization header, else (reads, or the page's own writes) the cookie. */
	BearerTokenResolver tokenResolver() {
		DefaultBearerTokenResolver header = new DefaultBearerTokenResolver();
		return (request) -> {
			String token = header.resolve(request);
			if (token != null) {
				return token;
			}
			boolean read = HttpMethod.GET.matches(request.getMethod()) || HttpMethod.HEAD.matches(request.getMethod());
			return (read || "1".equals(request.getHeader(PAGE_HEADER))) ? cookie(request) : null;
		};
	}

	/** The page without a valid token: the sign-in form, with 401. */
	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException ex)
			throws IOException {
		String message = (cookie(request) != null) ? "Your session has ended: sign in again." : "";
		page(response, HttpStatus.UNAUTHORIZED, message);
	}

	@PostMapping(path = SIGN_IN, consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
	void signIn(@RequestParam(defaultValue = "") String token, HttpServletRequest request,
			HttpServletResponse response) throws IOException {
		if ("cross-site".equals(request.getHeader("Sec-Fetch-Site"))) {
			page(response, HttpStatus.FORBIDDEN, "Sign in from the page itself.");
			return;
		}
		Jwt jwt;
		try {
			jwt = this.tokens.decode(token.strip());
		}
		catch (JwtException ex) {
			log.warn("Refused a sign-in to the operator page: {}", ex.getClass().getSimpleName());
			page(response, HttpStatus.UNAUTHORIZED, "That token was refused: paste a valid, unexpired token.");
			return;
		}
		Instant expires = (jwt.getExpiresAt() != null) ? jwt.getExpiresAt() : Instant.now().plus(Duration.ofHours(1));
		response.addHeader(HttpHeaders.SET_COOKIE, cookie(token.strip(), Duration.between(Instant.now(), expires),
				request.isSecure()).toString());
		response.setStatus(HttpStatus.SEE_OTHER.value());
		response.setHeader(HttpHeaders.LOCATION, request.getContextPath() + "/");
	}

	@PostMapping(SIGN_OUT)
	void signOut(HttpServletRequest request, HttpServletResponse response) {
		response.addHeader(HttpHeaders.SET_COOKIE, cookie("", Duration.ZERO, request.isSecure()).toString());
		response.setStatus(HttpStatus.SEE_OTHER.value());
		response.setHeader(HttpHeaders.LOCATION, request.getContextPath() + "/");
	}

	private static ResponseCookie cookie(String value, Duration maxAge, boolean secure) {
		return ResponseCookie.from(COOKIE, value)
			.httpOnly(true)
			.sameSite("Strict")
			.secure(secure)
			.path("/")
			.maxAge(maxAge.isNegative() ? Duration.ZERO : maxAge)
			.build();
	}

	private static String cookie(HttpServletRequest request) {
		if (request.getCookies() == null) {
			return null;
		}
		for (Cookie cookie : request.getCookies()) {
			if (COOKIE.equals(cookie.getName()) && !cookie.getValue().isBlank()) {
				return cookie.getValue();
			}
		}
		return null;
	}

	private void page(HttpServletResponse response, HttpStatus status, String message) throws IOException {
		response.setStatus(status.value());
		response.setContentType(MediaType.TEXT_HTML_VALUE);
		response.setCharacterEncoding("UTF-8");
		response.setHeader("Content-Security-Policy",
				"default-src 'none'; style-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'");
		response.setHeader("Cache-Control", "no-store");
		response.getWriter().write(this.form.replace("{{message}}", message));
	}

}
