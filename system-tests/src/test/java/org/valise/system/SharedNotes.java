package org.valise.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The sample notes of {@code shared/notes/}, found beside or above the repository.
 */
final class SharedNotes {

	private SharedNotes() {
	}

	static String read(String file) {
		Path dir = Path.of(System.getProperty("valise.root", "")).toAbsolutePath();
		while (dir != null) {
			Path candidate = dir.resolve("shared/notes").resolve(file);
			if (Files.isRegularFile(candidate)) {
				try {
					return Files.readString(candidate);
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			}
			dir = dir.getParent();
		}
		throw new IllegalStateException("shared/notes/" + file + " not found above " + System.getProperty("valise.root"));
	}

}
