package org.valise.routing.directory;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Read-only view of the organisation directory in force: {@code GET /api/v1/directory}. */
@RestController
@RequestMapping("/api/v1/directory")
class DirectoryController {

	private final DirectorySource directories;

	private final Clock clock;

	DirectoryController(DirectorySource directories, Clock clock) {
		this.directories = directories;
		this.clock = clock;
	}

	@GetMapping
	List<OfficeEntry> offices() {
		LocalDate today = LocalDate.now(this.clock);
		return this.directories.current().offices().stream().map(office -> OfficeEntry.of(office, today)).toList();
	}

	/** An office as the API shows it, with today's holder. */
	record OfficeEntry(String id, String name, String headTitle, String holder, int rank, String parent, String deputy,
			boolean confidential, List<String> aliases, List<Channel> channels) {

		static OfficeEntry of(Office office, LocalDate today) {
			return new OfficeEntry(office.id(), office.name(), office.headTitle(), office.holderOn(today), office.rank(),
					office.parent(), office.deputy(), office.clearedForConfidential(), office.aliases(),
					office.channels());
		}

	}

}
