package org.valise.platform.security;

import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.io.ResourceLoader;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Authentication of every Valise service: the token decoder, the metrics scraper, the {@link ValiseHttpSecurity}
 * each service builds its one {@code SecurityFilterChain} with, {@link Caller} parameters in controllers, and the
 * secrets check at start.
 */
@AutoConfiguration(beforeName = {
		"org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration",
		"org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration" })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(ValiseSecurityProperties.class)
public class ValiseSecurityAutoConfiguration {

	@Bean
	JwtDecoder jwtDecoder(ValiseSecurityProperties properties, ResourceLoader resources) {
		return TokenDecoders.decoder(properties.jwt(), resources);
	}

	@Bean
	ScraperAuthenticationProvider scraperAuthenticationProvider(ValiseSecurityProperties properties) {
		return new ScraperAuthenticationProvider(properties.scraper());
	}

	@Bean
	ValiseHttpSecurity valiseHttpSecurity(ValiseSecurityProperties properties, ObjectProvider<ApiDocsRoutes> docs) {
		return new ValiseHttpSecurity(properties, docs.getIfAvailable(ApiDocsRoutes::none));
	}

	@Bean
	WebMvcConfigurer callerArguments() {
		return new WebMvcConfigurer() {

			@Override
			public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
				resolvers.add(new CallerArgumentResolver());
			}

		};
	}

	/** Checks the secrets before any other bean is made. */
	@Bean
	static SecretsGuard secretsGuard() {
		return new SecretsGuard();
	}

}
