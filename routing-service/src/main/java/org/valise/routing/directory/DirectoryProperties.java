package org.valise.routing.directory;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.Resource;

/**
 * Where the organisation directory is ({@code valise.directory.location}).
 *
 * @param location a Spring resource location, {@code classpath:directory/iom.yml} by default
 */
@ConfigurationProperties("valise.directory")
public record DirectoryProperties(@DefaultValue("classpath:directory/iom.yml") Resource location) {
}
