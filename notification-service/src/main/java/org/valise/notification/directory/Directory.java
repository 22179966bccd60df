package org.valise.notification.directory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.valise.notification.event.Office;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The organisation directory (the same YAML format as routing-service's, read here for escalation only): who is
 * above an office (its parent), who stands in for it (its deputy), and how each office is reached.
 */
public final class Directory {

	private static final YAMLMapper YAML = YAMLMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	private final Map<String, Entry> offices;

	Directory(List<Entry> offices) {
		Map<String, Entry> byId = new LinkedHashMap<>();
		for (Entry entry : offices) {
			if (entry.id() == null || entry.name() == null || byId.putIfAbsent(entry.id(), entry) != null) {
				throw new IllegalStateException("Directory office " + entry.id() + " lacks an id or a name, or is listed twice");
			}
		}
		byId.values().forEach((entry) -> {
			for (String link : new String[] { entry.parent(), entry.deputy() }) {
				if (link != null && !byId.containsKey(link)) {
					throw new IllegalStateException("Directory office " + entry.id() + " names unknown office " + link);
				}
			}
		});
		this.offices = Map.copyOf(byId);
	}

	/** Reads a directory document. */
	public static Directory read(InputStream in) {
		try (in) {
			Document document = YAML.readValue(in, Document.class);
			return new Directory((document != null && document.offices() != null) ? document.offices() : List.of());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The office with this id, as events carry it, with its holder on the given day. */
	public Optional<Office> office(String id, LocalDate on) {
		return Optional.ofNullable((id != null) ? this.offices.get(id) : null).map((entry) -> entry.toOffice(on));
	}

	/** The ids of every office of the directory, sorted. */
	public Set<String> officeIds() {
		return Collections.unmodifiableSortedSet(new TreeSet<>(this.offices.keySet()));
	}

	/** The id of the office's deputy, if the directory names one. */
	public Optional<String> deputyOf(String id) {
		return Optional.ofNullable((id != null) ? this.offices.get(id) : null).map(Entry::deputy);
	}

	/**
	 * The offices an unacknowledged note escalates to, level by level: the office's parent, its parent's parent and
	 * so on up to the head; for the head itself (no parent), its deputy. Empty for an office the directory does not
	 * know.
	 */
	public List<String> escalationChain(String id) {
		Entry office = (id != null) ? this.offices.get(id) : null;
		if (office == null) {
			return List.of();
		}
		Set<String> chain = new LinkedHashSet<>();
		for (Entry at = office; at.parent() != null && !at.parent().equals(id) && chain.add(at.parent());) {
			at = this.offices.get(at.parent());
		}
		if (chain.isEmpty() && office.deputy() != null && !office.deputy().equals(id)) {
			chain.add(office.deputy());
		}
		return List.copyOf(chain);
	}

	/** The directory file: a list of offices. */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record Document(List<Entry> offices) {
	}

	/** One office as written in the file (only the keys read here). */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record Entry(String id, String name, String headTitle, String parent, String deputy, List<Holder> holders,
			List<Office.Channel> channels) {

		Office toOffice(LocalDate on) {
			String holder = null;
			for (Holder candidate : (this.holders != null) ? this.holders : List.<Holder>of()) {
				if ((candidate.from() == null || !candidate.from().isAfter(on))
						&& (candidate.until() == null || !candidate.until().isBefore(on))) {
					holder = candidate.name();
				}
			}
			return new Office(this.id, this.name, this.headTitle, holder,
					(this.channels != null) ? new ArrayList<>(this.channels) : List.of());
		}

	}

	/** Who held an office's head post, and when. */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record Holder(String name, LocalDate from, LocalDate until) {
	}

}
