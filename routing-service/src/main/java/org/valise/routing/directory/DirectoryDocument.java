package org.valise.routing.directory;

import java.util.List;
import java.util.Objects;

/** The directory file as written: a list of offices, optional lists left out. */
record DirectoryDocument(List<Entry> offices) {

	List<Office> toOffices() {
		return this.offices == null ? List.of()
				: this.offices.stream().filter(Objects::nonNull).map(Entry::toOffice).toList();
	}

	/** One office as written in the file. */
	record Entry(String id, String name, String headTitle, Integer rank, String parent, String deputy,
			Clearance clearance, List<Holder> holders, List<String> aliases, List<String> keywords,
			List<String> referencePrefixes, List<Channel> channels) {

		Office toOffice() {
			return new Office(this.id, this.name, this.headTitle, this.rank == null ? 0 : this.rank, this.parent,
					this.deputy, this.clearance == null ? new Clearance(false) : this.clearance, orEmpty(this.holders),
					orEmpty(this.aliases), orEmpty(this.keywords), orEmpty(this.referencePrefixes),
					orEmpty(this.channels));
		}

		private static <T> List<T> orEmpty(List<T> list) {
			return list == null ? List.of() : list.stream().filter(Objects::nonNull).toList();
		}

	}

}
