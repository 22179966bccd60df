package org.valise.routing.registry.streams;

import java.util.function.Supplier;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.valise.platform.tracing.RecordTraces;
import org.valise.routing.registry.streams.NoteReceivedReader.Admission;
import tools.jackson.databind.json.JsonMapper;

/**
 * The registry topology, independent of how it is run (the Spring Cloud Stream binder's function, or a test's
 * {@code TopologyTestDriver}): received notes and clerks' commands are read (unreadable records go to the dead-letter
 * output), re-keyed to one key and repartitioned into a one-partition topic (one total order: unique, gap-free,
 * monotonic numbers; duplicates and manual decisions decided in that order), handled by the registry desk
 * ({@link RegistryProcessor}, over the {@link RegistryStores}), and written out: NoteRouted events, keyed by note
 * id, on the first output, dead letters on the second.
 */
final class RegistryTopology {

	/** The one key every input takes on its way to the registry desk. */
	static final String REGISTRY_KEY = "registry";

	private final Supplier<RegistryProcessor> desk;

	private final JsonMapper json;

	private final RecordTraces traces;

	RegistryTopology(Supplier<RegistryProcessor> desk, JsonMapper json, RecordTraces traces) {
		this.desk = desk;
		this.json = json;
		this.traces = traces;
	}

	/**
	 * @param received the values of {@code notes.received.v1}, keyed by note id
	 * @param commands the values of {@code routing.commands.v1}, keyed by note id
	 * @return the NoteRouted events, then the dead letters
	 */
	@SuppressWarnings("unchecked")
	KStream<String, byte[]>[] apply(KStream<String, byte[]> received, KStream<String, byte[]> commands) {
		KStream<String, Admission> notes = received.processValues(
				() -> new NoteReceivedReader(this.json, this.traces, false), Named.as("read-note-received"));
		KStream<String, Admission> clerks = commands.processValues(
				() -> new NoteReceivedReader(this.json, this.traces, true), Named.as("read-routing-command"));
		KStream<String, Admission> read = notes.merge(clerks, Named.as("notes-and-commands"));
		KStream<String, byte[]> refused = read.filter((key, admission) -> admission.refused(), Named.as("refused"))
			.mapValues(Admission::deadLetter, Named.as("refused-value"));
		KStream<String, Outgoing> desk = read.filterNot((key, admission) -> admission.refused(), Named.as("admitted"))
			.mapValues(Admission::input, Named.as("to-desk-input"))
			.selectKey((noteId, input) -> REGISTRY_KEY, Named.as("to-registry-desk"))
			.repartition(Repartitioned.<String, DeskInput>as("registry")
				.withKeySerde(Serdes.String())
				.withValueSerde(DeskInput.serde(this.json))
				.withNumberOfPartitions(1))
			.process(this.desk::get, Named.as("register-and-route"), RegistryStores.ALL.toArray(String[]::new));
		var outputs = desk.split(Named.as("desk-"))
			.branch((key, out) -> out.deadLetter(), Branched.as("dead-letters"))
			.defaultBranch(Branched.as("routed"));
		KStream<String, byte[]> routed = outputs.get("desk-routed").mapValues(Outgoing::value, Named.as("routed-value"));
		KStream<String, byte[]> deadLetters = outputs.get("desk-dead-letters")
			.mapValues(Outgoing::value, Named.as("dead-letter-value"))
			.merge(refused, Named.as("all-dead-letters"));
		return new KStream[] { routed, deadLetters };
	}

	/**
	 * The whole registry on a {@link StreamsBuilder} of its own, wired as the binder wires the {@code registry}
	 * function: its stores, its input topics and its output topics (for running it without Spring: the
	 * {@code TopologyTestDriver} tier, several instances side by side).
	 */
	static void addTo(StreamsBuilder builder, RegistryTopology topology, JsonMapper json, RegistryTopics topics) {
		RegistryStores.builders(json).forEach(builder::addStateStore);
		Consumed<String, byte[]> values = Consumed.with(Serdes.String(), Serdes.ByteArray());
		KStream<String, byte[]>[] out = topology.apply(builder.stream(topics.received(), values),
				builder.stream(topics.commands(), values));
		out[0].to(topics.routed(), Produced.with(Serdes.String(), Serdes.ByteArray()));
		out[1].to(topics.receivedDlq(), Produced.with(Serdes.String(), Serdes.ByteArray()));
	}

}
