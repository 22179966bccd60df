package org.valise.routing.routing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.valise.routing.directory.Directory;
import org.valise.routing.directory.Mention;
import org.valise.routing.directory.Office;
import org.valise.routing.note.Enclosure;
import org.valise.routing.note.NoteFields;

/** Finds the offices that a note's enclosures, or the note itself, are addressed to. */
final class Addressees {

	private final Directory directory;

	Addressees(Directory directory) {
		this.directory = directory;
	}

	/** An enclosure whose addressee names an office. */
	record Addressed(Enclosure enclosure, Office office) {
	}

	/** For each enclosure whose addressee names an office (by title, alias or holder), that office. */
	List<Addressed> ofEnclosures(NoteFields fields) {
		List<Addressed> addressed = new ArrayList<>();
		for (Enclosure enclosure : fields.enclosures()) {
			officeNamedIn(enclosure.addressee(), fields).ifPresent(office -> addressed.add(new Addressed(enclosure, office)));
		}
		return addressed;
	}

	/** The highest-ranking office a text names, if any. */
	Optional<Office> officeNamedIn(String text, NoteFields fields) {
		return officesNamedIn(text, fields).stream().findFirst();
	}

	/** The offices a text names, highest-ranking first. */
	List<Office> officesNamedIn(String text, NoteFields fields) {
		if (text == null || text.isBlank()) {
			return List.of();
		}
		return this.directory.mentionsIn(text, fields.date())
			.stream()
			.map(Mention::office)
			.distinct()
			.sorted(Comparator.comparingInt(Office::rank))
			.toList();
	}

	/** Action copies for the offices the enclosures are addressed to, other than the destination. */
	List<Copy> actionCopies(List<Addressed> addressed, Office destination) {
		return addressed.stream()
			.map(Addressed::office)
			.filter(office -> !office.equals(destination))
			.distinct()
			.map(office -> new Copy(office, Purpose.ACTION))
			.toList();
	}

}
