package org.valise.notification.operations;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.valise.notification.ValiseProperties;
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
 * Resolves an {@link AuthenticatedOperator} argument from {@code Authorization: Bearer <token>} against
 * {@code valise.security.operator-tokens} (name to token), comparing in constant time; 401 otherwise. Office tokens
 * are not operator tokens.
 */
@Configuration(proxyBeanMethods = false)
class OperatorTokenResolver implements HandlerMethodArgumentResolver, WebMvcConfigurer {

	private static final Logger log = LoggerFactory.getLogger(OperatorTokenResolver.class);

	private static final String BEARER = "Bearer ";

	private final Map<String, String> tokens;

	OperatorTokenResolver(ValiseProperties properties) {
		this.tokens = (properties.security().operatorTokens() != null)
				? Map.copyOf(properties.security().operatorTokens()) : Map.of();
		this.tokens.forEach((name, token) -> {
			if (token == null || token.isBlank()) {
				throw new IllegalStateException("valise.security.operator-tokens." + name + " must not be blank");
			}
		});
	}

	@Override
	public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
		resolvers.add(this);
	}

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return parameter.getParameterType() == AuthenticatedOperator.class;
	}

	@Override
	public AuthenticatedOperator resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
			NativeWebRequest request, WebDataBinderFactory binderFactory) {
		String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
			throw ApiProblems.unauthenticated("missing: send Authorization: Bearer <your operator token>");
		}
		byte[] presented = authorization.substring(BEARER.length()).strip().getBytes(StandardCharsets.UTF_8);
		String operator = null;
		for (Map.Entry<String, String> entry : this.tokens.entrySet()) {
			if (MessageDigest.isEqual(entry.getValue().getBytes(StandardCharsets.UTF_8), presented)) {
				operator = entry.getKey();
			}
		}
		if (operator == null) {
			log.warn("Refused an operator request with a bearer token no operator holds");
			throw ApiProblems.unauthenticated("the bearer token belongs to no operator");
		}
		return new AuthenticatedOperator(operator);
	}

}
