package org.valise.notification.tracking.streams;

import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.GlobalKTable;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.KeyValueBytesStoreSupplier;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.valise.notification.ValiseProperties;
import tools.jackson.databind.json.JsonMapper;

/**
 * The tracking topology, independent of how it is run (the Spring Cloud Stream binder's function, or a test's
 * {@code TopologyTestDriver}): the note topics and the commands topic (co-partitioned, keyed by note id) are read
 * (unreadable records go to the dead-letter output), handled by the tracking desk ({@link TrackingProcessor}, over
 * the {@link TrackingStores} and the directory's global table), and written out: events, command results, delivery
 * jobs and dead letters, in that order of outputs.
 */
final class TrackingTopology {

	private final Supplier<TrackingProcessor> desk;

	private final JsonMapper json;

	TrackingTopology(Supplier<TrackingProcessor> desk, JsonMapper json) {
		this.desk = desk;
		this.json = json;
	}

	/**
	 * @param records the values of {@code notes.received.v1}, {@code notes.routed.v1} and
	 * {@code notification.commands.v1}, keyed by note id
	 * @param directory the directory's offices, by id (read by the desk from its store, {@link TrackingStores#DIRECTORY})
	 * @return events, command results, delivery jobs, dead letters
	 */
	@SuppressWarnings("unchecked")
	KStream<String, byte[]>[] apply(KStream<String, byte[]> records, GlobalKTable<String, byte[]> directory) {
		var outputs = records.processValues(() -> new TrackingReader(this.json), Named.as("read-note-records"))
			.process(this.desk::get, Named.as("track-notes"), TrackingStores.ALL.toArray(String[]::new))
			.split(Named.as("tracking-"))
			.branch((key, out) -> out.output() == Outgoing.EVENTS, Branched.as("events"))
			.branch((key, out) -> out.output() == Outgoing.RESULTS, Branched.as("results"))
			.branch((key, out) -> out.output() == Outgoing.DISPATCHES, Branched.as("dispatches"))
			.defaultBranch(Branched.as("dead-letters"));
		return List.of("events", "results", "dispatches", "dead-letters")
			.stream()
			.map((name) -> outputs.get("tracking-" + name).mapValues(Outgoing::value, Named.as(name + "-value")))
			.toArray(KStream[]::new);
	}

	/**
	 * The whole topology on a {@link StreamsBuilder} of its own, wired as the binder wires the {@code track}
	 * function: its stores, its input topics, the directory's global table and its output topics.
	 */
	static void addTo(StreamsBuilder builder, TrackingTopology topology, JsonMapper json, ValiseProperties.Topics topics) {
		addTo(builder, topology, json, topics, Stores::persistentKeyValueStore);
	}

	/** The same on the given kind of store (see {@link TrackingStores#builders(JsonMapper, Function)}). */
	static void addTo(StreamsBuilder builder, TrackingTopology topology, JsonMapper json, ValiseProperties.Topics topics,
			Function<String, KeyValueBytesStoreSupplier> stores) {
		TrackingStores.builders(json, stores).forEach(builder::addStateStore);
		GlobalKTable<String, byte[]> directory = builder.globalTable(topics.directory(),
				Consumed.with(Serdes.String(), Serdes.ByteArray()),
				Materialized.<String, byte[], KeyValueStore<Bytes, byte[]>>as(TrackingStores.DIRECTORY)
					.withKeySerde(Serdes.String())
					.withValueSerde(Serdes.ByteArray()));
		KStream<String, byte[]>[] out = topology.apply(builder.stream(
				List.of(topics.received(), topics.routed(), topics.commands()),
				Consumed.with(Serdes.String(), Serdes.ByteArray())), directory);
		Produced<String, byte[]> values = Produced.with(Serdes.String(), Serdes.ByteArray());
		out[0].to(topics.delivery(), values);
		out[1].to(topics.commandResults(), values);
		out[2].to(topics.dispatches(), values);
		out[3].to(topics.deadLetters(), values);
	}

}
