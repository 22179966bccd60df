package org.valise.system;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scaled stack (docker-compose.yml + deploy/compose.cluster.yml) as {@code docker-compose config} resolves it (no
 * Docker engine needed; skipped where docker-compose is missing — {@code .ci/run} installs it): three KRaft brokers in
 * one quorum with replication 3 and min.insync.replicas 2, and services that can be scaled (no fixed host port, a state
 * folder per replica, an instance id and an advertised host per container); the one-instance stack keeps its ports.
 */
class ScaledComposeTests {

	private static final List<String> SERVICES = List.of("intake-service", "routing-service", "notification-service");

	private static final List<String> BROKERS = List.of("kafka", "kafka-2", "kafka-3");

	private static final Map<String, String> SECRETS = Map.of("VALISE_SCRAPER_PASSWORD",
			"scraper-secret-of-at-least-thirty-two-bytes", "VALISE_ACK_LINK_SECRET",
			"link-secret-of-at-least-thirty-two-bytes-long", "GRAFANA_ADMIN_PASSWORD", "grafana-secret");

	@BeforeAll
	static void dockerCompose() throws Exception {
		Assumptions.assumeTrue(DockerCompose.installed(), "docker-compose is not installed");
	}

	@Test
	void runsThreeBrokersInOneQuorumWithThreeReplicasAndTwoInSync() throws Exception {
		JsonNode services = DockerCompose.resolved(SECRETS, "docker-compose.yml", "deploy/compose.cluster.yml")
			.at("/services");

		List<String> clusterIds = new ArrayList<>();
		for (int n = 1; n <= BROKERS.size(); n++) {
			JsonNode environment = services.path(BROKERS.get(n - 1)).path("environment");
			assertThat(environment.path("KAFKA_NODE_ID").asString()).isEqualTo(String.valueOf(n));
			assertThat(environment.path("KAFKA_PROCESS_ROLES").asString()).isEqualTo("broker,controller");
			assertThat(environment.path("KAFKA_CONTROLLER_QUORUM_VOTERS").asString())
				.isEqualTo("1@kafka:9093,2@kafka-2:9093,3@kafka-3:9093");
			for (String replicas : List.of("KAFKA_DEFAULT_REPLICATION_FACTOR", "KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR",
					"KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR")) {
				assertThat(environment.path(replicas).asString()).as(replicas).isEqualTo("3");
			}
			assertThat(environment.path("KAFKA_MIN_INSYNC_REPLICAS").asString()).isEqualTo("2");
			assertThat(environment.path("KAFKA_TRANSACTION_STATE_LOG_MIN_ISR").asString()).isEqualTo("2");
			assertThat(services.path(BROKERS.get(n - 1)).path("ports").toString()).contains("127.0.0.1");
			clusterIds.add(environment.path("CLUSTER_ID").asString());
		}
		assertThat(clusterIds).containsOnly(clusterIds.get(0));
		assertThat(services.path("kafka").path("volumes").toString()).contains("kafka-cluster-1")
			.doesNotContain("kafka-data");
	}

	@Test
	void letsEachServiceScaleWithAFreeHostPortAStateFolderAndAnInstanceIdPerReplica() throws Exception {
		JsonNode services = DockerCompose.resolved(SECRETS, "docker-compose.yml", "deploy/compose.cluster.yml")
			.at("/services");

		for (String service : SERVICES) {
			JsonNode node = services.path(service);
			assertThat(node.path("ports")).as(service).hasSize(1);
			assertThat(node.path("ports").get(0).asString()).as(service).matches("127\\.0\\.0\\.1::80\\d\\d(/tcp)?");
			assertThat(node.path("volumes").toString()).as(service).contains("/app/state").doesNotContain("-state:");
			assertThat(node.path("container_name").isMissingNode()).as(service).isTrue();
			JsonNode environment = node.path("environment");
			assertThat(environment.path("KAFKA_BOOTSTRAP_SERVERS").asString())
				.isEqualTo("kafka:29092,kafka-2:29092,kafka-3:29092");
			assertThat(environment.path("VALISE_REPLICATION_FACTOR").asString()).isEqualTo("3");
			// config prints compose's escaped $${HOSTNAME}; the container gets ${HOSTNAME}, which Spring resolves at start
			assertThat(environment.path("VALISE_INSTANCE_ID").asString()).endsWith("{spring.application.name}-$${HOSTNAME}");
			assertThat(environment.path("VALISE_ADVERTISED_HOST").asString()).endsWith("{HOSTNAME}");
			for (String broker : BROKERS) {
				assertThat(node.at("/depends_on/" + broker + "/condition").asString()).as(service)
					.isEqualTo("service_healthy");
			}
		}
	}

	@Test
	void keepsTheOneInstanceStacksHostPortsInItsDefaultOverride() throws Exception {
		JsonNode services = DockerCompose.resolved(SECRETS, "docker-compose.yml", "docker-compose.override.yml")
			.at("/services");

		assertThat(services.path("intake-service").path("ports").toString()).contains("8081");
		assertThat(services.path("routing-service").path("ports").toString()).contains("8082");
		assertThat(services.path("notification-service").path("ports").toString()).contains("8083");
		assertThat(services.path("kafka-2").isMissingNode()).isTrue();
	}

}
