package org.valise.intake.evaluation;

import org.valise.intake.IntakeServiceApplication;

/**
 * The jar's entry point: {@code java -jar intake-service.jar evaluate DIR} runs the {@link EvaluateCommand} alone
 * (no Spring context, so neither the web server nor Kafka starts); anything else starts the service.
 */
public final class Launcher {

	private Launcher() {
	}

	public static void main(String[] args) {
		if (args.length > 0 && args[0].equals("evaluate")) {
			String[] folders = new String[args.length - 1];
			System.arraycopy(args, 1, folders, 0, folders.length);
			System.exit(EvaluateCommand.run(folders, System.out, System.err));
		}
		IntakeServiceApplication.main(args);
	}

}
