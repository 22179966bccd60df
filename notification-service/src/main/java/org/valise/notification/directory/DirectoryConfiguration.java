package org.valise.notification.directory;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.valise.notification.ValiseProperties;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Loads the directory from {@code valise.directory.location} (default: this service's own copy,
 * {@code classpath:directory/iom.yml}, of routing-service's directory); a broken file stops the start.
 */
@Configuration(proxyBeanMethods = false)
class DirectoryConfiguration {

	private static final Logger log = LoggerFactory.getLogger(DirectoryConfiguration.class);

	@Bean
	Directory directory(ValiseProperties properties) {
		try {
			Directory directory = Directory.read(properties.directory().location().getInputStream());
			log.info("Loaded the organisation directory from {}", properties.directory().location());
			return directory;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the directory " + properties.directory().location(), ex);
		}
	}

}
