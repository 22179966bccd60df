package org.valise.intake.evaluation;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** Tests for {@link EvaluateCommand}: the accuracy table of any folder of notes, without Spring. */
class EvaluateCommandTests {

	private static final String NOTE = """
			No. 12/2024

			The Embassy of Ruritania presents its compliments to the Ministry of Foreign Affairs and has the honour to \
			request a meeting.

			The Embassy of Ruritania avails itself of this opportunity to renew to the Ministry the assurances of its \
			highest consideration.

			Berne, 3 May 2024
			""";

	@TempDir
	Path folder;

	@Test
	void printsEachFieldAndTheNotesItGotWrong() throws IOException {
		Files.writeString(this.folder.resolve("n1.txt"), NOTE, StandardCharsets.UTF_8);
		Files.writeString(this.folder.resolve("expected.jsonl"), """
				{"file": "n1.txt", "doc_type": "note_verbale", "language": "en", "reference": "12/2024", "in_reply_to": null, \
				"date": "2024-05-04", "place": "Berne", "sender": "Embassy of Ruritania", "recipient": "Ministry of Foreign Affairs", \
				"recipient_head": null, "enclosures": [], "requested_action": "request a meeting", "highest_destination": false, \
				"confidential": false}
				""", StandardCharsets.UTF_8);
		ByteArrayOutputStream out = new ByteArrayOutputStream();

		int status = EvaluateCommand.run(new String[] { this.folder.toString() }, new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(new ByteArrayOutputStream()));

		String table = out.toString(StandardCharsets.UTF_8);
		assertThat(status).isZero();
		assertThat(table).containsPattern("reference +1/1").containsPattern("date +0/1");
		assertThat(table).containsPattern("overall +12/13").contains("Notes it got wrong:").contains("n1.txt")
			.contains("expected: 2024-05-04").contains("got:      2024-05-03");
	}

	@Test
	void refusesAFolderWithoutExpectedJsonl() {
		ByteArrayOutputStream err = new ByteArrayOutputStream();

		int status = EvaluateCommand.run(new String[] { this.folder.toString() }, new PrintStream(new ByteArrayOutputStream()),
				new PrintStream(err, true, StandardCharsets.UTF_8));

		assertThat(status).isEqualTo(2);
		assertThat(err.toString(StandardCharsets.UTF_8)).contains("has no expected.jsonl");
		assertThat(EvaluateCommand.run(new String[0], System.out, new PrintStream(new ByteArrayOutputStream()))).isEqualTo(2);
	}

}
