package org.valise.kafka.acl;

import java.nio.file.Path;
import java.util.List;

import org.apache.kafka.common.acl.AclBinding;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class AccessSpecTests {

	private static final Path SPEC = Path.of("..", "deploy", "kafka", "acl-spec.yml");

	@Test
	void namesOneWriterForEveryTopicOfTheProjectSpec() throws Exception {
		AccessSpec spec = AccessSpec.load(SPEC);

		assertThat(spec.topics().keySet()).allSatisfy((topic) -> assertThat(spec.writerOf(topic)).isPresent());
		assertThat(spec.writerOf("notes.received.v1")).contains("intake-service");
		assertThat(spec.writerOf("notes.routed.v1")).contains("routing-service");
		assertThat(spec.writerOf("notification.commands.v1")).contains("notification-service");
		assertThat(spec.writerOf("directory.v1")).contains("routing-service");
		assertThat(spec.writerOf("notification.dlq.v1")).contains("notification-service");
		assertThat(spec.topics().get("directory.v1").partitions()).isEqualTo(1);
		assertThat(spec.topics().get("directory.v1").config()).containsEntry("cleanup.policy", "compact");
		assertThat(spec.principals().get("notification-service").reads()).contains("directory.v1");
		assertThat(spec.principals().get("archive").reads()).doesNotContain("directory.v1");
		assertThat(spec.principals().get("archive").writes()).isEmpty();
		assertThat(spec.principals().get("archive").owns()).isEmpty();
	}

	@Test
	void grantsTheArchiveReadsOfTheEventTopicsAndItsGroupsOnly() throws Exception {
		List<String> archive = AccessBindings.describe(AccessBindings.of(AccessSpec.load(SPEC)))
			.stream()
			.filter((line) -> line.contains("User:archive "))
			.map((line) -> line.replaceAll(" +", " "))
			.toList();

		assertThat(archive).containsExactlyInAnyOrder("ALLOW User:archive READ GROUP archive*",
				"ALLOW User:archive DESCRIBE_CONFIGS TOPIC notes.delivery.v1",
				"ALLOW User:archive READ TOPIC notes.delivery.v1",
				"ALLOW User:archive DESCRIBE_CONFIGS TOPIC notes.received.v1",
				"ALLOW User:archive READ TOPIC notes.received.v1",
				"ALLOW User:archive DESCRIBE_CONFIGS TOPIC notes.received.v1.dlq",
				"ALLOW User:archive READ TOPIC notes.received.v1.dlq",
				"ALLOW User:archive DESCRIBE_CONFIGS TOPIC notes.routed.v1",
				"ALLOW User:archive READ TOPIC notes.routed.v1",
				"ALLOW User:archive DESCRIBE_CONFIGS TOPIC notification.dlq.v1",
				"ALLOW User:archive READ TOPIC notification.dlq.v1");
	}

	@Test
	void grantsAStreamsApplicationItsPrefixedTopicsGroupsAndTransactionalIds() throws Exception {
		List<String> routing = AccessBindings.describe(AccessBindings.of(AccessSpec.load(SPEC)))
			.stream()
			.filter((line) -> line.contains("User:routing-service ") && line.endsWith("*"))
			.map((line) -> line.replaceAll(" +", " "))
			.toList();

		assertThat(routing).containsExactlyInAnyOrder("ALLOW User:routing-service ALL TOPIC routing-service*",
				"ALLOW User:routing-service READ GROUP routing-service*",
				"ALLOW User:routing-service WRITE TRANSACTIONAL_ID routing-service*");
	}

	@Test
	void grantsOnlyAllowEntries() throws Exception {
		assertThat(AccessBindings.of(AccessSpec.load(SPEC)))
			.extracting((AclBinding binding) -> binding.entry().permissionType().name())
			.containsOnly("ALLOW");
	}

	@Test
	void refusesATopicWithTwoWriters() {
		assertThatIllegalArgumentException().isThrownBy(() -> AccessSpec.parse("""
				topics:
				  notes.routed.v1: { partitions: 3 }
				principals:
				  routing-service: { writes: [notes.routed.v1] }
				  intake-service: { writes: [notes.routed.v1] }
				""", "test"))
			.withMessageContaining("topic notes.routed.v1 has 2 writers: routing-service, intake-service");
	}

	@Test
	void refusesATopicWithoutWriterAndAnUndeclaredTopic() {
		assertThatIllegalArgumentException().isThrownBy(() -> AccessSpec.parse("""
				topics:
				  notes.routed.v1: { partitions: 3 }
				principals:
				  archive: { reads: [notes.routed.v1, notes.routd.v1] }
				""", "test"))
			.withMessageContaining("topic notes.routed.v1 has no writer")
			.withMessageContaining("archive reads notes.routd.v1, which is not declared under topics");
	}

	@Test
	void refusesAnOwnedPrefixThatCoversAnotherWritersTopic() {
		assertThatIllegalArgumentException().isThrownBy(() -> AccessSpec.parse("""
				topics:
				  notes.routed.v1: { partitions: 3 }
				principals:
				  routing-service: { writes: [notes.routed.v1] }
				  intake-service: { owns: [notes] }
				""", "test"))
			.withMessageContaining(
					"intake-service owns the prefix notes, which covers notes.routed.v1, written by routing-service");
	}

	@Test
	void refusesOverlappingOwnedPrefixesUnknownKeysAndTheAdmin() {
		assertThatIllegalArgumentException().isThrownBy(() -> AccessSpec.parse("""
				topics:
				  a.v1: { partitions: 1 }
				principals:
				  routing-service: { writes: [a.v1], owns: [routing] }
				  archive: { groups: [routing-archive], write: [a.v1] }
				  admin: { reads: [a.v1] }
				""", "test"))
			.withMessageContaining("routing-service owns the prefix routing, which overlaps archive's prefix routing-archive")
			.withMessageContaining("principal archive: unknown key 'write'")
			.withMessageContaining("principal admin: admin is the broker's own principal");
	}

	@Test
	void namesThePasswordVariableAfterThePrincipal() {
		assertThat(AccessSpec.Principal.passwordVariable("notification-service"))
			.isEqualTo("VALISE_KAFKA_PASSWORD_NOTIFICATION_SERVICE");
	}

}
