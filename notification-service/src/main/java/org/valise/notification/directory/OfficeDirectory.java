package org.valise.notification.directory;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.valise.notification.event.Office;

/**
 * The organisation directory as routing-service publishes it, read office by office (from the {@code directory.v1}
 * global table): who is above an office (its parent), who stands in for it (its deputy), and how each office is
 * reached. One edit of the directory reaches routing and notification alike.
 */
public final class OfficeDirectory {

	/** A directory with no office (before routing-service published one). */
	public static final OfficeDirectory EMPTY = new OfficeDirectory((id) -> null);

	private static final int MAX_CHAIN = 32;

	private final Function<String, DirectoryOffice> lookup;

	/** @param lookup the office with an id, or null */
	public OfficeDirectory(Function<String, DirectoryOffice> lookup) {
		this.lookup = lookup;
	}

	/** The office with this id, as events carry it, with its holder on the given day. */
	public Optional<Office> office(String id, LocalDate on) {
		return find(id).map((office) -> office.toOffice(on));
	}

	/** The id of the office's deputy, if the directory names one. */
	public Optional<String> deputyOf(String id) {
		return find(id).map(DirectoryOffice::deputy);
	}

	/**
	 * The offices an unacknowledged note escalates to, level by level: the office's parent, its parent's parent and so
	 * on up to the head; for the head itself (no parent), its deputy. Empty for an office the directory does not know.
	 * A cycle or a parent the directory does not know ends the chain.
	 */
	public List<String> escalationChain(String id) {
		Optional<DirectoryOffice> office = find(id);
		if (office.isEmpty()) {
			return List.of();
		}
		Set<String> chain = new LinkedHashSet<>();
		DirectoryOffice at = office.get();
		while (at != null && at.parent() != null && !at.parent().equals(id) && chain.size() < MAX_CHAIN
				&& chain.add(at.parent())) {
			at = find(at.parent()).orElse(null);
		}
		String deputy = office.get().deputy();
		if (chain.isEmpty() && deputy != null && !deputy.equals(id)) {
			chain.add(deputy);
		}
		return List.copyOf(chain);
	}

	private Optional<DirectoryOffice> find(String id) {
		return Optional.ofNullable((id != null) ? this.lookup.apply(id) : null);
	}

}
