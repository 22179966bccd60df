package org.valise.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * {@code docker-compose} run in the project directory with only the given Valise variables (none of the caller's), as
 * the compose tests use it: {@code config} resolves and validates the files without a Docker engine.
 */
final class DockerCompose {

	private DockerCompose() {
	}

	/** The exit code, standard output and standard error of a command. */
	record Result(int exitCode, String output, String errors) {
	}

	/** Whether docker-compose can be run here. */
	static boolean installed() throws IOException, InterruptedException {
		return run(Map.of(), "version", "--short").exitCode() == 0;
	}

	/** The files resolved into one ({@code config}), failing with compose's own words if they are not valid. */
	static JsonNode resolved(Map<String, String> environment, String... files) throws Exception {
		List<String> arguments = new ArrayList<>();
		for (String file : files) {
			arguments.add("-f");
			arguments.add(file);
		}
		arguments.add("config");
		Result config = run(environment, arguments.toArray(String[]::new));
		if (config.exitCode() != 0) {
			throw new AssertionError("docker-compose config failed: " + config.errors());
		}
		return new YAMLMapper().readTree(config.output());
	}

	static Result run(Map<String, String> environment, String... arguments) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(List.of("docker-compose"));
		command.addAll(List.of(arguments));
		Path errors = Files.createTempFile("docker-compose", ".err");
		ProcessBuilder builder = new ProcessBuilder(command).directory(SecuredKafka.ROOT.toFile())
			.redirectError(ProcessBuilder.Redirect.to(errors.toFile()));
		builder.environment().keySet().removeIf((name) -> name.startsWith("VALISE_"));
		builder.environment().putAll(environment);
		try {
			Process process = builder.start();
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			if (!process.waitFor(60, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				return new Result(124, output, "timed out");
			}
			return new Result(process.exitValue(), output, Files.readString(errors));
		}
		catch (IOException ex) {
			return new Result(127, "", ex.getMessage());
		}
		finally {
			Files.deleteIfExists(errors);
		}
	}

}
