package org.valise.notification.acknowledgement;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.valise.notification.web.ApiProblems;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Resolves an {@link AuthenticatedOffice} argument from the {@code Authorization: Bearer <token>} header, answering
 * 401 when it is missing or no office holds the token. Declared before the request body, it runs before the body is
 * read or validated, so an unauthenticated caller learns nothing about its input.
 */
@Configuration(proxyBeanMethods = false)
class OfficeTokenResolver implements HandlerMethodArgumentResolver, WebMvcConfigurer {

	private static final Logger log = LoggerFactory.getLogger(OfficeTokenResolver.class);

	private static final String BEARER = "Bearer ";

	private final OfficeTokens tokens;

	OfficeTokenResolver(OfficeTokens tokens) {
		this.tokens = tokens;
	}

	@Override
	public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
		resolvers.add(this);
	}

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return parameter.getParameterType() == AuthenticatedOffice.class;
	}

	@Override
	public AuthenticatedOffice resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
			NativeWebRequest request, WebDataBinderFactory binderFactory) {
		String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (authorization == null || authorization.isBlank()) {
			throw ApiProblems.unauthenticated("missing: send Authorization: Bearer <your office's token>");
		}
		if (!authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
			throw ApiProblems.unauthenticated("must be a Bearer token");
		}
		String token = authorization.substring(BEARER.length()).strip();
		return this.tokens.officeOf(token).map(AuthenticatedOffice::new).orElseThrow(() -> {
			log.warn("Refused a request with a bearer token no office holds");
			return ApiProblems.unauthenticated("the bearer token belongs to no office");
		});
	}

}
