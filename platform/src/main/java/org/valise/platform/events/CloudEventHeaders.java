package org.valise.platform.events;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * The CloudEvents 1.0 attributes of a Valise record in Kafka binary mode, written by the CNCF SDK
 * ({@code cloudevents-kafka}): {@code ce_specversion}, {@code ce_id}, {@code ce_source} ({@code /valise/<service>}),
 * {@code ce_type}, {@code ce_subject} (the note id, also the record key), {@code ce_time}, {@code ce_dataschema}
 * (the JSON Schema the body validates against, as published in {@code contracts/schemas/}), {@code content-type}
 * and the distributed-tracing extension {@code ce_traceid}. One instance per service.
 */
public final class CloudEventHeaders {

	/** Where the schemas are published (each service also serves them at {@code /schemas/}). */
	public static final String SCHEMAS = "https://valise.org/contracts/schemas/";

	public static final String TRACE_ID = "ce_traceid";

	public static final String TYPE = "ce_type";

	public static final String ID = "ce_id";

	public static final String TIME = "ce_time";

	public static final String SUBJECT = "ce_subject";

	private static final String TRACE_EXTENSION = "traceid";

	private final URI source;

	/** @param service the writing service's name, e.g. {@code routing-service} */
	public CloudEventHeaders(String service) {
		this.source = URI.create("/valise/" + service);
	}

	/**
	 * The headers of one event.
	 * @param id its id: the same fact re-sent keeps its id (see {@link #stableId})
	 * @param type its type, e.g. {@code org.valise.note.routed.v1}
	 * @param subject the note id
	 * @param time when the fact happened
	 * @param schema the schema's file name in {@code contracts/schemas/}, or null (internal records)
	 * @param traceId the note's trace id, or null
	 */
	public Headers headers(String id, String type, String subject, Instant time, String schema, String traceId) {
		CloudEventBuilder event = CloudEventBuilder.v1()
			.withId(id)
			.withSource(this.source)
			.withType(type)
			.withSubject(subject)
			.withTime(time.atOffset(ZoneOffset.UTC))
			.withDataContentType("application/json");
		if (schema != null) {
			event.withDataSchema(URI.create(SCHEMAS + schema));
		}
		if (traceId != null && !traceId.isBlank()) {
			event.withExtension(TRACE_EXTENSION, traceId);
		}
		return binary(event.build());
	}

	/** A name-based id for a fact, from what identifies it: the same parts give the same id on every replay. */
	public static String stableId(String... parts) {
		return UUID.nameUUIDFromBytes(String.join("|", parts).getBytes(StandardCharsets.UTF_8)).toString();
	}

	/** An attribute of a record read ({@code ce_<name>}), or null. */
	public static String attribute(Headers headers, String header) {
		Header value = (headers != null) ? headers.lastHeader(header) : null;
		return (value == null || value.value() == null) ? null : new String(value.value(), StandardCharsets.UTF_8);
	}

	private static Headers binary(CloudEvent event) {
		RecordHeaders headers = new RecordHeaders();
		KafkaMessageFactory.createWriter("any", null, null, "key").writeBinary(event).headers().forEach(headers::add);
		return headers;
	}

}
