package org.valise.routing.directory.publishing;

import java.util.List;
import java.util.Map;

import org.valise.routing.directory.DirectoryRecords.OfficeRecord;
import org.valise.routing.directory.DirectorySource.Loaded;

/** The directory's topic as its publisher needs it: what it holds now, and writing records to it. */
interface DirectoryTopic {

	/** The topic's name. */
	String name();

	/**
	 * Reads the whole topic.
	 * @return the last value per office id (an office whose last record is a tombstone is absent)
	 * @throws RuntimeException when the topic cannot be read (Kafka down, the topic missing)
	 */
	Map<String, String> read();

	/**
	 * Writes the records, in order, and waits until Kafka has acknowledged every one.
	 * @param records what to write
	 * @param directory the directory in force they come from
	 * @throws RuntimeException when Kafka did not acknowledge them all: some may have been written
	 */
	void write(List<OfficeRecord> records, Loaded directory);

}
