package org.valise.routing.directory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Loads the organisation directory at start (an invalid file stops the application with every problem listed) and
 * keeps it current while the application runs.
 */
@Configuration(proxyBeanMethods = false)
class DirectoryConfiguration {

	@Bean
	DirectorySource directorySource(DirectoryProperties properties) {
		return new DirectorySource(properties);
	}

}
