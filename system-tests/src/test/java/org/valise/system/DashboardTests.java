package org.valise.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Grafana dashboard that docker-compose provisions ({@code deploy/grafana/}): the fields Grafana's dashboard
 * model needs are there and consistent, every query goes to the provisioned Prometheus datasource, and every metric
 * it queries is one the services expose ({@link ExposedMetrics}, checked against the jars by
 * {@link ObservabilityTests}) or one the alert rules name (notification-service's).
 */
class DashboardTests {

	private static final Set<String> PANEL_TYPES = Set.of("stat", "timeseries", "table", "bargauge", "gauge",
			"barchart", "piechart", "text", "row", "state-timeline", "heatmap");

	/** PromQL's functions, aggregations and keywords: words that are not metric names. */
	private static final Set<String> PROMQL_WORDS = Set.of("sum", "min", "max", "avg", "count", "stddev", "stdvar",
			"topk", "bottomk", "quantile", "count_values", "group", "by", "without", "on", "ignoring", "group_left",
			"group_right", "and", "or", "unless", "offset", "bool", "rate", "irate", "increase", "delta", "idelta",
			"deriv", "histogram_quantile", "abs", "absent", "ceil", "floor", "round", "clamp_min", "clamp_max",
			"label_replace", "label_join", "time", "vector", "scalar", "sort", "sort_desc", "max_over_time",
			"min_over_time", "avg_over_time", "sum_over_time", "count_over_time", "last_over_time", "humanize", "inf",
			"nan");

	private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");

	private final Path deploy = Path.of(System.getProperty("valise.root", "..")).resolve("deploy");

	private final JsonNode dashboard = read(JsonMapper.builder().build(), "grafana/dashboards/valise-flow.json");

	@Test
	void hasTheFieldsGrafanasDashboardModelNeeds() {
		assertThat(this.dashboard.path("uid").asString()).matches("[a-zA-Z0-9_-]{1,40}");
		assertThat(this.dashboard.path("title").asString()).isNotBlank();
		assertThat(this.dashboard.path("schemaVersion").isIntegralNumber()).isTrue();
		assertThat(this.dashboard.path("schemaVersion").asInt()).isBetween(36, 41);
		assertThat(this.dashboard.path("panels").isArray()).isTrue();
		List<JsonNode> panels = panels();
		assertThat(panels).hasSizeGreaterThanOrEqualTo(12);
		assertThat(panels).extracting(panel -> panel.path("id").asInt()).doesNotHaveDuplicates().doesNotContain(0);
		assertThat(panels).allSatisfy(panel -> {
			String name = panel.path("title").asString();
			assertThat(name).isNotBlank();
			assertThat(panel.path("type").asString()).as(name).isIn(PANEL_TYPES);
			JsonNode grid = panel.path("gridPos");
			assertThat(List.of("x", "y", "w", "h")).as(name).allSatisfy(field -> assertThat(grid.path(field).isIntegralNumber()).isTrue());
			assertThat(grid.path("x").asInt()).as(name).isBetween(0, 23);
			assertThat(grid.path("w").asInt()).as(name).isBetween(1, 24 - grid.path("x").asInt());
			assertThat(grid.path("h").asInt()).as(name).isPositive();
			List<JsonNode> targets = panel.path("targets").valueStream().toList();
			assertThat(targets).as(name).isNotEmpty();
			assertThat(targets).extracting(target -> target.path("refId").asString()).as(name).doesNotHaveDuplicates();
			assertThat(targets).as(name).allSatisfy(target -> assertThat(target.path("expr").asString()).isNotBlank());
		});
	}

	@Test
	void panelsDoNotOverlap() {
		List<JsonNode> panels = panels();
		for (int i = 0; i < panels.size(); i++) {
			for (int j = i + 1; j < panels.size(); j++) {
				JsonNode a = panels.get(i).path("gridPos");
				JsonNode b = panels.get(j).path("gridPos");
				boolean overlap = a.path("x").asInt() < b.path("x").asInt() + b.path("w").asInt()
						&& b.path("x").asInt() < a.path("x").asInt() + a.path("w").asInt()
						&& a.path("y").asInt() < b.path("y").asInt() + b.path("h").asInt()
						&& b.path("y").asInt() < a.path("y").asInt() + a.path("h").asInt();
				assertThat(overlap).as(panels.get(i).path("title").asString() + " / " + panels.get(j).path("title").asString())
					.isFalse();
			}
		}
	}

	@Test
	void queriesTheProvisionedPrometheusDatasource() {
		JsonNode datasource = read(new YAMLMapper(), "grafana/provisioning/datasources/prometheus.yml").at("/datasources/0");
		assertThat(datasource.path("type").asString()).isEqualTo("prometheus");
		String uid = datasource.path("uid").asString();

		assertThat(panels()).allSatisfy(panel -> {
			assertThat(panel.at("/datasource/uid").asString()).as(panel.path("title").asString()).isEqualTo(uid);
			assertThat(panel.path("targets").valueStream().map(target -> target.at("/datasource/uid").asString()))
				.as(panel.path("title").asString())
				.containsOnly(uid);
		});
		JsonNode provider = read(new YAMLMapper(), "grafana/provisioning/dashboards/valise.yml").at("/providers/0");
		assertThat(provider.at("/options/path").asString()).isEqualTo("/etc/grafana/dashboards");
	}

	@Test
	void queriesOnlyMetricsTheServicesExposeOrTheAlertRulesName() {
		Set<String> known = new HashSet<>(ExposedMetrics.all());
		known.addAll(ExposedMetrics.SCRAPE);
		known.addAll(alertRuleMetrics());

		Set<String> queried = new TreeSet<>();
		panels().forEach(panel -> panel.path("targets")
			.valueStream()
			.forEach(target -> queried.addAll(metricNames(target.path("expr").asString()))));

		assertThat(queried).contains("valise_notes_received_total", "valise_note_routing_latency_seconds_bucket",
				"kafka_consumer_fetch_manager_records_lag_max", "valise_notes_overdue");
		assertThat(queried).isSubsetOf(known);
	}

	@Test
	void readsMetricNamesOutOfPromQL() {
		assertThat(metricNames("sum by (office, rule) (rate(valise_notes_routed_total{rule!=\"duplicate\"}[$__rate_interval]))"))
			.containsExactly("valise_notes_routed_total");
		assertThat(metricNames("histogram_quantile(0.95, sum by (le) (rate(a_bucket[5m]))) > 60 unless b offset 10m"))
			.containsExactlyInAnyOrder("a_bucket", "b");
		assertThat(metricNames("up{job=\"valise\"} == 0")).containsExactly("up");
	}

	/** The metric names a PromQL expression selects. */
	static Set<String> metricNames(String promql) {
		String bare = promql.replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", "\"\"") // strings
			.replaceAll("\\{[^}]*}", " ") // label matchers
			.replaceAll("\\[[^]]*]", " ") // ranges
			.replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ") // label lists
			.replaceAll("\\$\\w+", " ") // Grafana variables
			.replaceAll("\\b\\d+(\\.\\d+)?[smhdwy]?\\b", " "); // numbers, durations
		Set<String> names = new TreeSet<>();
		Matcher matcher = IDENTIFIER.matcher(bare);
		while (matcher.find()) {
			String word = matcher.group();
			boolean function = bare.substring(matcher.end()).stripLeading().startsWith("(");
			if (!function && !PROMQL_WORDS.contains(word.toLowerCase(java.util.Locale.ROOT))) {
				names.add(word);
			}
		}
		return names;
	}

	private Set<String> alertRuleMetrics() {
		Set<String> names = new TreeSet<>();
		read(new YAMLMapper(), "prometheus/alerts.yml").path("groups")
			.valueStream()
			.flatMap(group -> group.path("rules").valueStream())
			.forEach(rule -> names.addAll(metricNames(rule.path("expr").asString())));
		return names;
	}

	private List<JsonNode> panels() {
		return new ArrayList<>(this.dashboard.path("panels").valueStream().toList());
	}

	private JsonNode read(tools.jackson.databind.ObjectMapper mapper, String file) {
		try {
			return mapper.readTree(Files.readString(this.deploy.resolve(file)));
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

}
