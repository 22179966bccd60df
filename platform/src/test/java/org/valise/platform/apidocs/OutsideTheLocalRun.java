package org.valise.platform.apidocs;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springdoc.core.configuration.SpringDocConfiguration;
import org.springdoc.core.configuration.SpringDocSpecPropertiesConfiguration;
import org.springdoc.core.properties.SpringDocConfigProperties;
import org.springdoc.core.properties.SwaggerUiConfigProperties;
import org.springdoc.core.properties.SwaggerUiOAuthProperties;
import org.springdoc.webmvc.core.configuration.SpringDocWebMvcConfiguration;
import org.springdoc.webmvc.ui.SwaggerConfig;
import org.valise.platform.security.TestTokens;
import org.valise.platform.security.ValiseSecurityAutoConfiguration;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactories;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * A web slice of a Valise service as it runs outside the local run: no {@code local} profile, so real secrets (made
 * up here, as long and random as production's), the test key's tokens ({@link TestTokens}), the platform's security
 * and springdoc as the service configures them (less the actuator, which a slice has not), and no controller. The
 * test imports the service's {@code SecurityFilterChain} configuration and asks what its API description and Swagger
 * UI answer.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@WebMvcTest(useDefaultFilters = false)
@ImportAutoConfiguration({ ValiseSecurityAutoConfiguration.class, ValiseApiDocsAutoConfiguration.class,
		SpringDocConfiguration.class, SpringDocConfigProperties.class, SpringDocSpecPropertiesConfiguration.class,
		SpringDocWebMvcConfiguration.class, SwaggerConfig.class, SwaggerUiConfigProperties.class,
		SwaggerUiOAuthProperties.class })
@ContextCustomizerFactories(OutsideTheLocalRun.Factory.class)
public @interface OutsideTheLocalRun {

	/** Adds the secrets and the test key. */
	final class Factory implements ContextCustomizerFactory {

		@Override
		public ContextCustomizer createContextCustomizer(Class<?> testClass,
				List<ContextConfigurationAttributes> configAttributes) {
			return new Customizer();
		}

	}

	/** Equal to every other, so that test classes share their context. */
	final class Customizer implements ContextCustomizer {

		private static final Map<String, String> SECRETS = secrets();

		private static Map<String, String> secrets() {
			Map<String, String> secrets = new LinkedHashMap<>(TestTokens.properties());
			secrets.put("valise.security.scraper.password", random());
			secrets.put("valise.acknowledgement.link-secret", random());
			// A web slice has no actuator endpoints to describe.
			secrets.put("springdoc.show-actuator", "false");
			return secrets;
		}

		private static String random() {
			byte[] bytes = new byte[48];
			new SecureRandom().nextBytes(bytes);
			return Base64.getEncoder().encodeToString(bytes);
		}

		@Override
		public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
			TestPropertyValues.of(SECRETS).applyTo(context);
		}

		@Override
		public boolean equals(Object other) {
			return other instanceof Customizer;
		}

		@Override
		public int hashCode() {
			return Customizer.class.hashCode();
		}

	}

}
