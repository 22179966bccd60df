package org.valise.system.faults;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The effective settings of the Kafka clients a service created, as the clients themselves log them at start
 * ({@code ProducerConfig values:}, {@code ConsumerConfig values:}, {@code StreamsConfig values:}, each followed by one
 * tab-indented {@code key = value} line per setting).
 *
 * @param service the service
 * @param kind ProducerConfig, ConsumerConfig or StreamsConfig
 * @param values the settings
 */
record ClientSettings(String service, String kind, Map<String, String> values) {

	private static final Pattern BLOCK = Pattern.compile("(ProducerConfig|ConsumerConfig|StreamsConfig) values:\\s*$");

	private static final Pattern SETTING = Pattern.compile("^\\t([a-z0-9._-]+) = (.*)$");

	/** Every block of settings in the log, in order. */
	static List<ClientSettings> in(String service, String log) {
		List<ClientSettings> blocks = new ArrayList<>();
		String kind = null;
		Map<String, String> values = null;
		for (String line : log.split("\n")) {
			Matcher setting = SETTING.matcher(line);
			if (kind != null && setting.matches()) {
				values.put(setting.group(1), setting.group(2).trim());
				continue;
			}
			if (kind != null) {
				blocks.add(new ClientSettings(service, kind, values));
				kind = null;
			}
			Matcher block = BLOCK.matcher(line);
			if (block.find()) {
				kind = block.group(1);
				values = new LinkedHashMap<>();
			}
		}
		if (kind != null) {
			blocks.add(new ClientSettings(service, kind, values));
		}
		return blocks;
	}

	String get(String key) {
		return this.values.get(key);
	}

	String clientId() {
		return this.values.getOrDefault("client.id", "?");
	}

	/** One line: the client and the settings that matter for exactly-once. */
	String summary() {
		List<String> shown = new ArrayList<>();
		for (String key : List.of("acks", "enable.idempotence", "transactional.id", "isolation.level",
				"processing.guarantee", "group.instance.id", "session.timeout.ms", "transaction.timeout.ms")) {
			if (this.values.containsKey(key)) {
				shown.add(key + "=" + this.values.get(key));
			}
		}
		return String.format("%-21s %-14s %-70s %s", this.service, this.kind, this.clientId(), String.join(" ", shown));
	}

}
