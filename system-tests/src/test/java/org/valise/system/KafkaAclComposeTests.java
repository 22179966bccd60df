package org.valise.system;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.valise.kafka.acl.AccessSpec;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The compose override with Kafka authenticated and authorised (deploy/kafka/compose.secure.yml), as
 * {@code docker-compose config} resolves it over docker-compose.yml (no Docker engine needed; skipped where
 * docker-compose is missing — {@code .ci/run} installs it): it refuses to start without its secrets, and runs the
 * broker and the ACL tool from the files {@link KafkaAclTests} proves.
 */
class KafkaAclComposeTests {

	private static final Path ROOT = SecuredKafka.ROOT;

	private static final List<String> SERVICES = List.of("intake-service", "routing-service", "notification-service");

	private static Map<String, String> secrets;

	@BeforeAll
	static void secrets() throws Exception {
		Assumptions.assumeTrue(DockerCompose.installed(),
				"docker-compose is not installed");
		secrets = new LinkedHashMap<>();
		// docker-compose.yml's own secrets (every deployment's), then the override's
		secrets.put("VALISE_SCRAPER_PASSWORD", "scraper-secret-of-at-least-thirty-two-bytes");
		secrets.put("VALISE_ACK_LINK_SECRET", "link-secret-of-at-least-thirty-two-bytes-long");
		secrets.put("GRAFANA_ADMIN_PASSWORD", "grafana-secret");
		secrets.put("VALISE_KAFKA_PASSWORD_ADMIN", "admin-secret");
		secrets.put("VALISE_KAFKA_TLS_PASSWORD", "tls-secret");
		for (String principal : AccessSpec.load(SecuredKafka.SPEC).principals().keySet()) {
			secrets.put(AccessSpec.Principal.passwordVariable(principal), principal + "-secret");
		}
	}

	@Test
	void refusesToStartWithoutEachOfItsSecretsAndNamesIt() throws Exception {
		for (String missing : secrets.keySet()) {
			Map<String, String> environment = new LinkedHashMap<>(secrets);
			environment.remove(missing);

			DockerCompose.Result config = DockerCompose.run(environment, "-f", "docker-compose.yml", "-f", "deploy/kafka/compose.secure.yml",
					"config", "-q");

			assertThat(config.exitCode()).as("without " + missing).isNotZero();
			assertThat(config.errors()).as("without " + missing).contains("set " + missing);
		}
	}

	@Test
	void runsTheBrokerFromTheSharedFilesOnTheHostsLoopbackOnly() throws Exception {
		JsonNode kafka = resolved().at("/services/kafka");

		assertThat(kafka.at("/entrypoint").toString()).contains("/opt/valise/kafka/compose-broker.sh");
		assertThat(volumes(kafka)).contains(ROOT.resolve("local-stack/config") + ":/opt/valise/local-stack:ro",
				ROOT.resolve("deploy/kafka") + ":/opt/valise/kafka:ro");
		assertThat(kafka.at("/ports").toString()).contains("127.0.0.1").doesNotContain("0.0.0.0");
		assertThat(kafka.at("/environment/VALISE_KAFKA_PASSWORD_ADMIN").asString()).isEqualTo("admin-secret");
		String script = Files.readString(ROOT.resolve("deploy/kafka/compose-broker.sh"));
		assertThat(script).contains("cat /opt/valise/local-stack/server.properties",
				"cat /opt/valise/kafka/broker-secure.properties", "--add-scram");
	}

	@Test
	void appliesTheSpecBeforeAnyServiceStartsAndGivesEachServiceItsOwnPrincipal() throws Exception {
		JsonNode services = resolved().at("/services");

		assertThat(services.at("/kafka-acl/command").toString()).contains("apply", "/opt/valise/kafka/acl-spec.yml");
		for (String service : SERVICES) {
			JsonNode node = services.path(service);
			assertThat(node.at("/depends_on/kafka-acl/condition").asString()).as(service)
				.isEqualTo("service_completed_successfully");
			assertThat(node.at("/environment/SPRING_KAFKA_SECURITY_PROTOCOL").asString()).as(service).isEqualTo("SASL_SSL");
			assertThat(node.at("/environment/SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG").asString()).as(service)
				.contains("username=\"" + service + "\"", "password=\"" + service + "-secret\"");
		}
	}

	private static JsonNode resolved() throws Exception {
		return DockerCompose.resolved(secrets, "docker-compose.yml", "deploy/kafka/compose.secure.yml");
	}

	private static List<String> volumes(JsonNode service) {
		List<String> volumes = new ArrayList<>();
		service.path("volumes").forEach((volume) -> volumes.add(volume.asString()));
		return volumes;
	}

}
