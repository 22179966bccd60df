package org.valise.notification.directory;

import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.valise.notification.event.Office;

/**
 * An office as routing-service publishes it on {@code directory.v1} ({@code directory-office.v1.schema.json}; key: the
 * office id; a tombstone when the office leaves the directory).
 *
 * @param id stable office id, e.g. ODG
 * @param name the office's name
 * @param headTitle the title of its head
 * @param parent the office it reports to, null for the head of the organisation
 * @param deputy the office that stands in for it, or null
 * @param holders who headed it, and when
 * @param channels where it receives notes
 * @param confidentialClearance whether it may receive confidential notes
 * @param directoryVersion the digest of the directory this record was published from
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DirectoryOffice(String id, String name, String headTitle, String parent, String deputy,
		List<Holder> holders, List<Office.Channel> channels, boolean confidentialClearance, String directoryVersion) {

	public DirectoryOffice {
		holders = (holders != null) ? List.copyOf(holders) : List.of();
		channels = (channels != null) ? List.copyOf(channels) : List.of();
	}

	/** The office as events carry it, with its holder on the given day. */
	public Office toOffice(LocalDate on) {
		String holder = null;
		for (Holder candidate : this.holders) {
			if ((candidate.from() == null || !candidate.from().isAfter(on))
					&& (candidate.until() == null || !candidate.until().isBefore(on))) {
				holder = candidate.name();
			}
		}
		return new Office(this.id, this.name, this.headTitle, holder, this.channels);
	}

	/**
	 * Who held the office's head post, and when.
	 *
	 * @param name the holder's name
	 * @param from first day, or null
	 * @param until last day, or null
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Holder(String name, LocalDate from, LocalDate until) {
	}

}
