package org.valise.notification.web;

import java.io.IOException;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Locks the operator page ({@code /}, {@code /index.html}) down: its own scripts and styles only (no inline script, no
 * external origin), no framing, no referrer, no caching of a page that holds an office token while in use.
 */
@Component
class OperatorPageHeaders extends OncePerRequestFilter {

	private static final Set<String> PAGES = Set.of("/", "/index.html");

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !PAGES.contains(request.getRequestURI());
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		response.setHeader("Content-Security-Policy", "default-src 'self'; script-src 'self'; style-src 'self'; "
				+ "img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'");
		response.setHeader("X-Content-Type-Options", "nosniff");
		response.setHeader("Referrer-Policy", "no-referrer");
		response.setHeader("Cache-Control", "no-store");
		chain.doFilter(request, response);
	}

}
