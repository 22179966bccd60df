package org.valise.platform.security;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;

/**
 * Stops a service at start, before any bean is made (so before it connects to anything), when it would run outside
 * the local run with a secret that is missing, too short or a development value ({@link SecretsCheck}), naming every
 * variable at fault at once. The secrets: the metrics scraper's password (every service), those a service lists in
 * {@code valise.required-secrets} (variable and property), and those of the maps it lists in
 * {@code valise.required-secret-maps} (each key of the map is a secret named prefix + KEY, e.g. one webhook secret
 * per office).
 */
final class SecretsGuard implements BeanFactoryPostProcessor, EnvironmentAware {

	private static final Logger log = LoggerFactory.getLogger(SecretsGuard.class);

	static final String LOCAL_PROFILE = "local";

	static final RequiredSecret SCRAPER_PASSWORD = new RequiredSecret("VALISE_SCRAPER_PASSWORD",
			"valise.security.scraper.password");

	private Environment environment;

	@Override
	public void setEnvironment(Environment environment) {
		this.environment = environment;
	}

	@Override
	public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
		Binder binder = Binder.get(this.environment);
		List<RequiredSecret> secrets = new ArrayList<>(List.of(SCRAPER_PASSWORD));
		secrets.addAll(binder.bind("valise.required-secrets", Bindable.listOf(RequiredSecret.class)).orElse(List.of()));
		Map<String, String> values = new LinkedHashMap<>();
		secrets.forEach((secret) -> values.put(secret.property(), this.environment.getProperty(secret.property())));
		for (RequiredSecretMap map : binder.bind("valise.required-secret-maps", Bindable.listOf(RequiredSecretMap.class))
			.orElse(List.of())) {
			binder.bind(map.property(), Bindable.mapOf(String.class, String.class)).orElse(Map.of()).forEach((key, value) -> {
				RequiredSecret secret = new RequiredSecret(map.variablePrefix() + key.toUpperCase(Locale.ROOT),
						map.property() + "." + key);
				secrets.add(secret);
				values.put(secret.property(), value);
			});
		}
		List<String> variables = secrets.stream().map(RequiredSecret::variable).toList();
		if (this.environment.matchesProfiles(LOCAL_PROFILE)) {
			log.warn("Local profile: the secrets ({}) are not checked; never run it outside a developer's machine",
					String.join(", ", variables));
			return;
		}
		List<String> problems = SecretsCheck.problems(secrets, values::get);
		if (!problems.isEmpty()) {
			throw new InsecureConfigurationException(problems);
		}
		log.info("Secrets checked: {}", String.join(", ", variables));
	}

	/**
	 * A map of secrets, one per key ({@code valise.required-secret-maps}).
	 *
	 * @param variablePrefix the environment variable of a key is this prefix and the key in upper case
	 * @param property the map's property
	 */
	record RequiredSecretMap(String variablePrefix, String property) {
	}

}
