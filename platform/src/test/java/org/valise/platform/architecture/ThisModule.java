package org.valise.platform.architecture;

import java.net.URI;
import java.nio.file.Path;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;

/**
 * Imports the main classes of the module whose tests run (its {@code target/classes}), and nothing from its
 * dependencies or its tests: a rule then speaks of what this module compiles, wherever a class declares its package.
 */
public final class ThisModule implements ImportOption {

	private final Path classes = Path.of("target", "classes").toAbsolutePath().normalize();

	@Override
	public boolean includes(Location location) {
		URI uri = location.asURI();
		return "file".equals(uri.getScheme()) && Path.of(uri).normalize().startsWith(this.classes);
	}

}
