package org.valise.routing.directory;

import java.io.IOException;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;

/** Loads the organisation directory once at start; an invalid file stops the application with every problem listed. */
@Configuration(proxyBeanMethods = false)
class DirectoryConfiguration {

	private static final Logger log = LoggerFactory.getLogger(DirectoryConfiguration.class);

	@Bean
	Directory directory(DirectoryProperties properties) throws IOException {
		Resource location = properties.location();
		if (!location.exists()) {
			throw new InvalidDirectoryException(location.getDescription(),
					List.of("the file does not exist (set valise.directory.location)"));
		}
		Directory directory = DirectoryLoader.load(location.getInputStream(), location.getDescription());
		log.info("Loaded organisation directory from {}: {} offices, head {}", location.getDescription(),
				directory.offices().size(), directory.head().id());
		return directory;
	}

}
