package org.valise.routing.directory;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.Resource;

/**
 * Where the organisation directory is and how often its file is checked for changes ({@code valise.directory.*}).
 *
 * @param location a Spring resource location, {@code classpath:directory/iom.yml} by default; a {@code file:}
 * location is watched and reloaded on change
 * @param reloadInterval how often a {@code file:} directory is checked for changes ({@code 0} turns reloading off)
 */
@ConfigurationProperties("valise.directory")
public record DirectoryProperties(@DefaultValue("classpath:directory/iom.yml") Resource location,
		@DefaultValue("5s") Duration reloadInterval) {
}
