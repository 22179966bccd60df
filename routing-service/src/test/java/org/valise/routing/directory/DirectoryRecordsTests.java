package org.valise.routing.directory;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.valise.routing.directory.DirectoryRecords.OfficeRecord;

import static org.assertj.core.api.Assertions.assertThat;

class DirectoryRecordsTests {

	private static final List<String> IOM_OFFICES = List.of("ODG", "DDGO", "DDGMR", "DMM", "DPR", "DOE", "OLA",
			"PROTOCOL", "TRIAGE");

	@Test
	void writesEveryOfficeWhenNothingWasPublished() {
		List<OfficeRecord> records = DirectoryRecords.toWrite(Map.of(), load(iom()), "v1");

		assertThat(records).extracting(OfficeRecord::officeId).containsExactlyElementsOf(IOM_OFFICES);
		assertThat(records).noneMatch(OfficeRecord::tombstone);
		assertThat(records.get(0).value()).startsWith("{\"id\":\"ODG\",").endsWith(",\"directoryVersion\":\"v1\"}");
	}

	@Test
	void writesNothingWhenTheTopicHoldsTheDirectoryAlreadyWhateverTheVersionItWasWrittenFrom() {
		Map<String, String> published = published(DirectoryRecords.toWrite(Map.of(), load(iom()), "v1"));

		assertThat(DirectoryRecords.toWrite(published, load(iom()), "v1")).isEmpty();
		assertThat(DirectoryRecords.toWrite(published, load(iom() + "\n# a comment changes the file\n"), "v2"))
			.isEmpty();
	}

	@Test
	void writesAChangedOfficeAgainWithTheNewVersionAndATombstoneForARemovedOne() {
		Map<String, String> published = published(DirectoryRecords.toWrite(Map.of(), load(iom()), "v1"));
		String changed = iom().replace("name: Protocol Office", "name: Office of Protocol and Liaison")
			.replace("id: DOE", "id: EMERGENCIES");

		List<OfficeRecord> records = DirectoryRecords.toWrite(published, load(changed), "v2");

		assertThat(records).extracting(OfficeRecord::officeId).containsExactly("EMERGENCIES", "PROTOCOL", "DOE");
		assertThat(records.get(1).value()).contains("\"name\":\"Office of Protocol and Liaison\"")
			.contains("\"directoryVersion\":\"v2\"");
		assertThat(records.get(2).tombstone()).isTrue();
	}

	@Test
	void removesEveryPublishedOfficeTheDirectoryNoLongerHasButNotOneAlreadyRemoved() {
		Map<String, String> published = new HashMap<>();
		published.put("GONE", "{\"id\":\"GONE\"}");
		published.put("ALREADY_GONE", null);
		published.put("ARCHIVES", "{\"id\":\"ARCHIVES\"}");

		List<OfficeRecord> records = DirectoryRecords.toWrite(published, load(iom()), "v1");

		assertThat(records.stream().filter(OfficeRecord::tombstone).map(OfficeRecord::officeId))
			.containsExactly("ARCHIVES", "GONE");
	}

	@Test
	void writesAgainAnOfficeWhosePublishedValueCannotBeRead() {
		Map<String, String> published = new HashMap<>(
				published(DirectoryRecords.toWrite(Map.of(), load(iom()), "v1")));
		published.put("OLA", "not json");

		assertThat(DirectoryRecords.toWrite(published, load(iom()), "v1")).extracting(OfficeRecord::officeId)
			.containsExactly("OLA");
	}

	/** What the topic holds once the records are written: the last value per key, a tombstone removing it. */
	private static Map<String, String> published(List<OfficeRecord> records) {
		Map<String, String> topic = new HashMap<>();
		records.forEach(record -> {
			if (record.tombstone()) {
				topic.remove(record.officeId());
			}
			else {
				topic.put(record.officeId(), record.value());
			}
		});
		return topic;
	}

	private static Directory load(String yaml) {
		return DirectoryLoader.load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "test.yml");
	}

	private static String iom() {
		try (InputStream in = DirectoryRecordsTests.class.getResourceAsStream("/directory/iom.yml")) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
