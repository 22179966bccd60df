package org.valise.kafka.acl;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialAlteration;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Makes a cluster match a spec, as the super user: SCRAM credentials for every principal, the declared topics that
 * are missing, and exactly the spec's ACLs (missing ones created, every other one deleted). Safe to run again.
 */
public final class AccessApplier {

	/** SCRAM-SHA-512 with 4096 iterations: Kafka's minimum and default (RFC 7677 asks for at least 4096). */
	static final ScramCredentialInfo SCRAM = new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 4096);

	private final Admin admin;

	private final PrintStream out;

	public AccessApplier(Admin admin, PrintStream out) {
		this.admin = admin;
		this.out = out;
	}

	/**
	 * What an application changed.
	 *
	 * @param users the principals whose credentials were set
	 * @param createdTopics the topics that did not exist
	 * @param createdAcls the ACLs that were missing
	 * @param deletedAcls the ACLs that the spec does not grant
	 */
	public record Result(List<String> users, List<String> createdTopics, List<AclBinding> createdAcls,
			List<AclBinding> deletedAcls) {
	}

	/**
	 * Applies the spec.
	 * @param spec what to apply
	 * @param passwords the environment: VALISE_KAFKA_PASSWORD_&lt;NAME&gt; of every principal must be set
	 * @throws IllegalStateException when a password is missing (before anything is changed)
	 */
	public Result apply(AccessSpec spec, Function<String, String> passwords)
			throws InterruptedException, ExecutionException {
		List<UserScramCredentialAlteration> credentials = credentials(spec, passwords);
		List<String> users = spec.principals().keySet().stream().toList();
		this.admin.alterUserScramCredentials(credentials).all().get();
		this.out.println("kafka-acl: SCRAM-SHA-512 credentials set for " + String.join(", ", users));

		List<String> createdTopics = createMissingTopics(spec.topics().values());
		this.out.println("kafka-acl: topics created: " + (createdTopics.isEmpty() ? "none (all "
				+ spec.topics().size() + " exist)" : String.join(", ", createdTopics)));

		Set<AclBinding> desired = new LinkedHashSet<>(AccessBindings.of(spec));
		Collection<AclBinding> existing = this.admin.describeAcls(AclBindingFilter.ANY).values().get();
		List<AclBinding> toDelete = existing.stream().filter((binding) -> !desired.contains(binding)).toList();
		Set<AclBinding> present = new HashSet<>(existing);
		List<AclBinding> toCreate = desired.stream().filter((binding) -> !present.contains(binding)).toList();
		if (!toDelete.isEmpty()) {
			this.admin.deleteAcls(toDelete.stream().map(AclBinding::toFilter).toList()).all().get();
			AccessBindings.describe(toDelete).forEach((line) -> this.out.println("kafka-acl: deleted  " + line));
		}
		if (!toCreate.isEmpty()) {
			this.admin.createAcls(toCreate).all().get();
		}
		this.out.println("kafka-acl: " + desired.size() + " ACLs in force (" + toCreate.size() + " created, "
				+ toDelete.size() + " deleted)");
		return new Result(users, createdTopics, toCreate, toDelete);
	}

	private static List<UserScramCredentialAlteration> credentials(AccessSpec spec, Function<String, String> passwords) {
		List<String> missing = new ArrayList<>();
		List<UserScramCredentialAlteration> credentials = new ArrayList<>();
		for (AccessSpec.Principal principal : spec.principals().values()) {
			String password = Optional.ofNullable(passwords.apply(principal.passwordVariable())).orElse("");
			if (password.isBlank()) {
				missing.add(principal.passwordVariable() + " (" + principal.name() + ")");
			}
			else if (password.contains("\"") || password.contains("\\")) {
				throw new IllegalStateException(principal.passwordVariable() + " must not contain '\"' or '\\' (it goes "
						+ "into a JAAS configuration between double quotes)");
			}
			else {
				credentials.add(new UserScramCredentialUpsertion(principal.name(), SCRAM, password));
			}
		}
		if (!missing.isEmpty()) {
			throw new IllegalStateException("no SCRAM password for: " + String.join(", ", missing)
					+ " — set these environment variables (see deploy/kafka/README.md)");
		}
		return credentials;
	}

	private List<String> createMissingTopics(Collection<AccessSpec.Topic> topics)
			throws InterruptedException, ExecutionException {
		Set<String> existing = this.admin.listTopics().names().get();
		List<NewTopic> missing = topics.stream()
			.filter((topic) -> !existing.contains(topic.name()))
			.map((topic) -> new NewTopic(topic.name(), Optional.of(topic.partitions()), Optional.empty())
				.configs(topic.config()))
			.toList();
		Map<String, KafkaFuture<Void>> results = this.admin.createTopics(missing).values();
		List<String> created = new ArrayList<>();
		for (NewTopic topic : missing) {
			if (created(results.get(topic.name()))) {
				created.add(topic.name());
			}
		}
		return created;
	}

	/** False when another client created the topic first. */
	private static boolean created(KafkaFuture<Void> future) throws InterruptedException, ExecutionException {
		try {
			future.get();
			return true;
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof TopicExistsException) {
				return false;
			}
			throw ex;
		}
	}

}
