package org.valise.routing.directory;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.stream.Collectors;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** Reads the directory YAML (format in {@code DIRECTORY.md}) into a validated {@link Directory}. */
public final class DirectoryLoader {

	private static final YAMLMapper YAML = YAMLMapper.builder()
		.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
		.build();

	private DirectoryLoader() {
	}

	/**
	 * Loads and validates a directory.
	 * @param in the YAML document
	 * @param location where it comes from, for error messages
	 * @throws InvalidDirectoryException listing every problem found
	 */
	public static Directory load(InputStream in, String location) {
		DirectoryDocument document;
		try (in) {
			document = YAML.readValue(in, DirectoryDocument.class);
		}
		catch (JacksonException ex) {
			throw new InvalidDirectoryException(location, List.of(describe(ex)));
		}
		catch (IOException ex) {
			throw new InvalidDirectoryException(location, List.of("cannot be read: " + ex.getMessage()));
		}
		if (document == null) {
			throw new InvalidDirectoryException(location, List.of("the document is empty"));
		}
		List<Office> offices = document.toOffices();
		List<String> problems = new DirectoryRules(offices).problems();
		if (!problems.isEmpty()) {
			throw new InvalidDirectoryException(location, problems);
		}
		return new Directory(offices);
	}

	/** Where in the document and what, without Java class names. */
	private static String describe(JacksonException ex) {
		String path = ex.getPath()
			.stream()
			.map(ref -> ref.getIndex() >= 0 ? "[" + ref.getIndex() + "]" : "." + ref.getPropertyName())
			.collect(Collectors.joining())
			.replaceFirst("^\\.", "");
		String near = ex.getLocation() == null || ex.getLocation().getLineNr() < 1 ? ""
				: " (near line " + ex.getLocation().getLineNr() + ")";
		if (ex instanceof UnrecognizedPropertyException unknown) {
			String parent = path.substring(0, Math.max(0, path.length() - unknown.getPropertyName().length() - 1));
			return (parent.isEmpty() ? "" : parent + ": ") + "unknown key '" + unknown.getPropertyName() + "'" + near;
		}
		return "not a valid directory document" + (path.isEmpty() ? "" : " at " + path) + ": " + ex.getOriginalMessage()
				+ near;
	}

}
