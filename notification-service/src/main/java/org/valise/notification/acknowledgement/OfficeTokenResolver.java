package org.valise.notification.acknowledgement;

import java.util.List;


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
		return new AuthenticatedOffice(this.tokens.officeOf(request.getHeader(HttpHeaders.AUTHORIZATION)));
	}

}
