package org.valise.kafka.acl;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

/**
 * The ACLs a spec stands for: only ALLOW entries, from any host, on literal topics and on prefixed namespaces (Kafka
 * denies everything else, {@code allow.everyone.if.no.acl.found=false}). Read and Write imply Describe.
 */
public final class AccessBindings {

	/** The writer creates its topic and keeps its configs (spring.kafka.admin.modify-topic-configs). */
	static final List<AclOperation> WRITER = List.of(AclOperation.WRITE, AclOperation.CREATE,
			AclOperation.DESCRIBE_CONFIGS, AclOperation.ALTER_CONFIGS);

	/** A reader's KafkaAdmin may compare the configs of a topic it declares, never change them. */
	static final List<AclOperation> READER = List.of(AclOperation.READ, AclOperation.DESCRIBE_CONFIGS);

	private AccessBindings() {
	}

	/** Every ACL the spec grants, in a stable order (principal, resource, operation). */
	public static List<AclBinding> of(AccessSpec spec) {
		Set<AclBinding> bindings = new LinkedHashSet<>();
		for (AccessSpec.Principal principal : spec.principals().values()) {
			String user = "User:" + principal.name();
			principal.writes().forEach((topic) -> add(bindings, user, ResourceType.TOPIC, topic, PatternType.LITERAL, WRITER));
			principal.reads().forEach((topic) -> add(bindings, user, ResourceType.TOPIC, topic, PatternType.LITERAL, READER));
			for (String prefix : principal.owns()) {
				// Kafka Streams' changelog and repartition topics (created, written, read, purged), compacted stores
				add(bindings, user, ResourceType.TOPIC, prefix, PatternType.PREFIXED, List.of(AclOperation.ALL));
				// its consumer groups (Streams: group = application.id) and transactional ids (exactly_once_v2)
				add(bindings, user, ResourceType.GROUP, prefix, PatternType.PREFIXED, List.of(AclOperation.READ));
				add(bindings, user, ResourceType.TRANSACTIONAL_ID, prefix, PatternType.PREFIXED,
						List.of(AclOperation.WRITE));
			}
			principal.groups().forEach((prefix) -> add(bindings, user, ResourceType.GROUP, prefix, PatternType.PREFIXED,
					List.of(AclOperation.READ)));
		}
		return List.copyOf(bindings);
	}

	/** One line per ACL, like kafka-acls --list: principal, operation, resource. */
	public static List<String> describe(List<AclBinding> bindings) {
		List<String> lines = new ArrayList<>();
		bindings.stream()
			.sorted(Comparator.comparing((AclBinding b) -> b.entry().principal())
				.thenComparing((b) -> b.pattern().resourceType())
				.thenComparing((b) -> b.pattern().name())
				.thenComparing((b) -> b.entry().operation()))
			.forEach((b) -> lines.add(describe(b)));
		return lines;
	}

	static String describe(AclBinding binding) {
		ResourcePattern pattern = binding.pattern();
		AccessControlEntry entry = binding.entry();
		return String.format("%-6s %-28s %-16s %-15s %s%s", entry.permissionType(), entry.principal(), entry.operation(),
				pattern.resourceType(), pattern.name(), (pattern.patternType() == PatternType.PREFIXED) ? "*" : "");
	}

	/** Who may write (W) and read (R) each declared topic, as the spec says. */
	public static String matrix(AccessSpec spec) {
		List<String> topics = List.copyOf(spec.topics().keySet());
		List<String> principals = List.copyOf(spec.principals().keySet());
		List<List<String>> cells = new ArrayList<>();
		for (String topic : topics) {
			List<String> row = new ArrayList<>();
			for (String name : principals) {
				AccessSpec.Principal principal = spec.principals().get(name);
				String cell = (principal.writes().contains(topic) ? "W" : "") + (principal.reads().contains(topic) ? "R" : "");
				row.add(cell.isEmpty() ? "-" : cell);
			}
			cells.add(row);
		}
		return table("topic", topics, principals, cells);
	}

	/** A plain-text table: one row per topic, one column per principal. */
	public static String table(String corner, List<String> rows, List<String> columns, List<List<String>> cells) {
		int first = corner.length();
		for (String row : rows) {
			first = Math.max(first, row.length());
		}
		StringBuilder out = new StringBuilder(String.format("%-" + first + "s", corner));
		for (String column : columns) {
			out.append("  ").append(column);
		}
		out.append('\n');
		for (int r = 0; r < rows.size(); r++) {
			StringBuilder line = new StringBuilder(String.format("%-" + first + "s", rows.get(r)));
			for (int c = 0; c < columns.size(); c++) {
				line.append("  ").append(String.format("%-" + columns.get(c).length() + "s", cells.get(r).get(c)));
			}
			out.append(line.toString().stripTrailing()).append('\n');
		}
		return out.toString();
	}

	private static void add(Set<AclBinding> bindings, String user, ResourceType type, String name, PatternType pattern,
			List<AclOperation> operations) {
		for (AclOperation operation : operations) {
			bindings.add(new AclBinding(new ResourcePattern(type, name, pattern),
					new AccessControlEntry(user, "*", operation, AclPermissionType.ALLOW)));
		}
	}

}
