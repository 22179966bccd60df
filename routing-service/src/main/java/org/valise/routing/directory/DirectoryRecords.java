package org.valise.routing.directory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What to write on the compacted {@code directory.v1} so that it holds the directory in force: a record per office
 * that is new or changed since it was last published, and a tombstone per office published before that the
 * directory no longer has. Unchanged offices are not written again. Pure: no Spring, no Kafka.
 */
public final class DirectoryRecords {

	private DirectoryRecords() {
	}

	/**
	 * The records to write.
	 * @param published the value last published per office id, as read from the topic (empty when nothing was; a
	 * {@code null} value counts as nothing published)
	 * @param directory the directory in force
	 * @param version the version of the directory in force (SHA-256 hex of its file), carried by every value written
	 * @return the offices to write, in the directory's order, then the tombstones, by office id; empty when the topic
	 * already holds the directory
	 */
	public static List<OfficeRecord> toWrite(Map<String, String> published, Directory directory, String version) {
		List<OfficeRecord> records = new ArrayList<>();
		Set<String> removed = new TreeSet<>();
		published.forEach((id, value) -> {
			if (value != null && directory.find(id).isEmpty()) {
				removed.add(id);
			}
		});
		for (Office office : directory.offices()) {
			String value = PublishedOffice.json(office, version);
			String before = published.get(office.id());
			if (before == null || !PublishedOffice.sameOffice(before, value)) {
				records.add(new OfficeRecord(office.id(), value));
			}
		}
		removed.forEach(id -> records.add(new OfficeRecord(id, null)));
		return List.copyOf(records);
	}

	/**
	 * One record of {@code directory.v1}.
	 *
	 * @param officeId the key: the office id
	 * @param value the office as JSON, or {@code null} for a tombstone (the office was removed)
	 */
	public record OfficeRecord(String officeId, String value) {

		/** Whether this record removes the office. */
		public boolean tombstone() {
			return this.value == null;
		}

	}

}
