package org.valise.notification.operations;

import java.util.List;
import java.util.Map;

import org.valise.notification.ValiseProperties;
import org.valise.notification.web.BearerTokens;

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

	private final BearerTokens tokens;

	OperatorTokenResolver(ValiseProperties properties) {
		this.tokens = new BearerTokens("operator", "valise.security.operator-tokens",
				(properties.security().operatorTokens() != null) ? properties.security().operatorTokens() : Map.of());
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
		return new AuthenticatedOperator(this.tokens.holderOf(request.getHeader(HttpHeaders.AUTHORIZATION)));
	}

}
