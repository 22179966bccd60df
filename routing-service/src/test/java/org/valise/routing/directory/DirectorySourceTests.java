package org.valise.routing.directory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.FileSystemResource;
import org.valise.routing.note.Enclosure;
import org.valise.routing.note.NoteFields;
import org.valise.routing.routing.RoutingDecision;
import org.valise.routing.routing.RoutingPolicy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

@ExtendWith(OutputCaptureExtension.class)
class DirectorySourceTests {

	@TempDir
	Path folder;

	@Test
	void reloadsAChangedFileAndKeepsTheLastGoodDirectoryWhenTheChangeIsInvalid(CapturedOutput output) throws IOException {
		Path file = this.folder.resolve("directory.yml");
		Files.writeString(file, iom(), StandardCharsets.UTF_8);
		DirectorySource source = new DirectorySource(new DirectoryProperties(new FileSystemResource(file), Duration.ZERO));
		Directory first = source.current();

		assertThat(source.reload()).isFalse();
		Files.writeString(file, iom().replace("name: Protocol Office", "name: Office of Protocol and Liaison"));
		assertThat(source.reload()).isTrue();
		assertThat(source.current()).isNotSameAs(first);
		assertThat(source.current().find("PROTOCOL")).map(Office::name).hasValue("Office of Protocol and Liaison");

		Files.writeString(file, "offices:\n  - id: ODG\n    rank: first\n");
		assertThat(source.reload()).isFalse();
		assertThat(source.reload()).isFalse();
		assertThat(source.current().find("PROTOCOL")).map(Office::name).hasValue("Office of Protocol and Liaison");
		assertThat(output.getAll()).containsOnlyOnce("Rejected the changed organisation directory")
			.contains("offices[0].rank");
		Files.delete(file);
		assertThat(source.reload()).isFalse();
		assertThat(output.getAll()).contains("the file does not exist");
		assertThat(source.current().offices()).hasSize(9);
	}

	@Test
	void tellsItsListenersOfEachDirectoryPutInForceWithTheDigestOfItsFile() throws Exception {
		Path file = this.folder.resolve("directory.yml");
		Files.writeString(file, iom(), StandardCharsets.UTF_8);
		DirectorySource source = new DirectorySource(new DirectoryProperties(new FileSystemResource(file), Duration.ZERO));
		List<DirectorySource.Loaded> heard = new ArrayList<>();
		source.addListener(loaded -> {
			throw new IllegalStateException("a failing listener");
		});
		source.addListener(heard::add);
		String first = source.loaded().version();

		source.reload();
		Files.writeString(file, iom().replace("id: DMM", "id: MIGRATION"), StandardCharsets.UTF_8);
		source.reload();
		Files.writeString(file, "offices: []\n", StandardCharsets.UTF_8);
		source.reload();

		assertThat(first).isEqualTo(sha256(iom()));
		assertThat(heard).singleElement().satisfies(loaded -> {
			assertThat(loaded).isSameAs(source.loaded());
			assertThat(loaded.version()).isEqualTo(sha256(iom().replace("id: DMM", "id: MIGRATION")));
			assertThat(loaded.directory().find("MIGRATION")).isPresent();
		});
	}

	@Test
	void watchesAFileLocationWhileRunning() throws IOException {
		Path file = this.folder.resolve("directory.yml");
		Files.writeString(file, iom(), StandardCharsets.UTF_8);
		DirectorySource source = new DirectorySource(
				new DirectoryProperties(new FileSystemResource(file), Duration.ofMillis(50)));
		source.start();
		try {
			Files.writeString(file, iom().replace("id: DMM", "id: MIGRATION"));

			await().atMost(Duration.ofSeconds(10)).until(() -> source.current().find("MIGRATION").isPresent());
			assertThat(source.isRunning()).isTrue();
		}
		finally {
			source.stop();
		}
		assertThat(source.isRunning()).isFalse();
	}

	@Test
	void doesNotWatchAClassPathDirectoryAndRefusesAnInvalidOneAtStart() {
		DirectorySource source = new DirectorySource(
				new DirectoryProperties(new ClassPathResource("directory/iom.yml"), Duration.ofSeconds(1)));
		source.start();
		assertThat(source.isRunning()).isFalse();
		assertThatExceptionOfType(InvalidDirectoryException.class).isThrownBy(() -> new DirectorySource(
				new DirectoryProperties(new FileSystemResource(this.folder.resolve("missing.yml")), Duration.ZERO)))
			.withMessageContaining("the file does not exist");
	}

	@Test
	void servesTheUnitedNationsSecretariatExample() {
		Directory un = new DirectorySource(new DirectoryProperties(
				new ClassPathResource("directory/un-secretariat.example.yml"), Duration.ZERO)).current();
		RoutingPolicy policy = new RoutingPolicy(un);

		assertThat(un.head().headTitle()).isEqualTo("Secretary-General");
		assertThat(un.deputyOf(un.head())).map(Office::id).hasValue("DSG");
		assertThat(un.deputyOf(un.head()).get().holderOn(LocalDate.of(2024, 5, 1))).isEqualTo("Amina J. Mohammed");
		RoutingDecision highest = policy.decide(note("Secrétaire général de l'Organisation des Nations Unies", true,
				List.of(new Enclosure("lettre", "Président de la République", "Son Excellence M. António Guterres"))),
				null);
		assertThat(highest.destination().id()).isEqualTo("EOSG");
		RoutingDecision minister = policy.decide(note("United Nations", false,
				List.of(new Enclosure("letter", "Minister for Foreign Affairs of Norway", null))), null);
		assertThat(minister.destination().id()).isEqualTo("DSG");
		RoutingDecision legal = policy.decide(note("Oficina de Asuntos Jurídicos de las Naciones Unidas", false,
				List.of()), null);
		assertThat(legal.destination().id()).isEqualTo("OLA");
	}

	private static NoteFields note(String recipient, boolean highestDestination, List<Enclosure> enclosures) {
		return new NoteFields("note_verbale", "en", "X/1", null, LocalDate.of(2024, 5, 1), "New York",
				"Permanent Mission", recipient, null, enclosures, null, highestDestination, false, List.of("Latin"),
				null, null);
	}

	private static String sha256(String content) throws NoSuchAlgorithmException {
		return HexFormat.of()
			.formatHex(MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8)));
	}

	private static String iom() throws IOException {
		return new ClassPathResource("directory/iom.yml").getContentAsString(StandardCharsets.UTF_8);
	}

}
