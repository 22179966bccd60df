package org.valise.intake.evaluation;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.valise.intake.parsing.NoteParser;

/**
 * {@code evaluate DIR}: reads every note of a folder with the parser and prints, per field and overall, how many
 * match the folder's {@code expected.jsonl}, then the notes it got wrong. Plain Java: no Spring context, no web
 * server, no Kafka.
 */
public final class EvaluateCommand {

	private EvaluateCommand() {
	}

	/**
	 * Runs the command.
	 * @param args the folder(s) to evaluate
	 * @param out where the table goes
	 * @param err where usage and errors go
	 * @return the exit status: 0 when every folder was read, 2 on bad usage or an unreadable folder
	 */
	public static int run(String[] args, PrintStream out, PrintStream err) {
		if (args.length == 0) {
			err.println("Usage: evaluate DIR...   (each DIR holds notes and an expected.jsonl naming them)");
			return 2;
		}
		NoteParser parser = new NoteParser();
		for (String arg : args) {
			Path folder = Path.of(arg);
			if (!Files.isRegularFile(folder.resolve("expected.jsonl"))) {
				err.println("evaluate: " + folder + " has no expected.jsonl");
				return 2;
			}
			try {
				Report report = Evaluation.score(parser, Evaluation.read(folder));
				out.print(report.table("Parser accuracy on the " + report.notes() + " notes of " + folder));
			}
			catch (UncheckedIOException | IllegalArgumentException ex) {
				err.println("evaluate: " + ex.getMessage());
				return 2;
			}
		}
		return 0;
	}

}
