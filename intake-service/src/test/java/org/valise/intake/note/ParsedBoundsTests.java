package org.valise.intake.note;

import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.valise.intake.parsing.DocType;
import org.valise.intake.parsing.Enclosure;
import org.valise.intake.parsing.ParsedNote;
import org.valise.intake.parsing.Span;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the parser read, bounded before it goes into an event: no field grows with the note.
 */
class ParsedBoundsTests {

	@Test
	void cutsEachFieldToWhatAClientMayGiveForIt() {
		String long5000 = "x".repeat(5000);
		ParsedNote read = note(long5000, List.of(), Map.of());

		ParsedNote bounded = ParsedBounds.of(read);

		assertThat(bounded.sender()).hasSize(500);
		assertThat(bounded.reference()).hasSize(200);
		assertThat(bounded.requestedAction()).hasSize(2000);
		assertThat(bounded.subject()).hasSize(500);
		assertThat(bounded.recipientHead()).hasSize(200);
	}

	@Test
	void shortensLongEvidenceAndItsSpanTogether() {
		Span span = new Span(100, 5100, "y".repeat(5000));
		ParsedNote bounded = ParsedBounds.of(note("Mission", List.of(), Map.of("requestedAction", span)));

		Span cut = bounded.evidence().get("requestedAction");
		assertThat(cut.text()).hasSize(ParsedBounds.MAX_EVIDENCE);
		assertThat(cut.start()).isEqualTo(100);
		assertThat(cut.end()).isEqualTo(100 + ParsedBounds.MAX_EVIDENCE);
	}

	@Test
	void keepsAtMostTwentyFiveEnclosuresOfBoundedFields() {
		List<Enclosure> many = Collections.nCopies(40, new Enclosure("t".repeat(900), "Prime Minister", null));

		List<Enclosure> bounded = ParsedBounds.of(note("Mission", many, Map.of())).enclosures();

		assertThat(bounded).hasSize(ParsedBounds.MAX_ENCLOSURES);
		assertThat(bounded.get(0).title()).hasSize(ParsedBounds.MAX_ENCLOSURE_FIELD);
		assertThat(bounded.get(0).author()).isEqualTo("Prime Minister");
		assertThat(bounded.get(0).addressee()).isNull();
	}

	@Test
	void neverCutsASurrogatePairInHalf() {
		String khmerAndEmoji = "a".repeat(499) + "\uD83D\uDCDC";

		assertThat(ParsedBounds.cut(khmerAndEmoji, 500)).isEqualTo("a".repeat(499));
		assertThat(ParsedBounds.cut("abc", 500)).isEqualTo("abc");
		assertThat(ParsedBounds.cut(null, 500)).isNull();
	}

	@Test
	void leavesANoteWithinItsBoundsAsItWasRead() {
		Span span = new Span(0, 7, "Mission");
		ParsedNote read = note("Mission", List.of(new Enclosure("Letter", "Prime Minister", "Director General")),
				Map.of("sender", span));

		assertThat(ParsedBounds.of(read)).isEqualTo(read);
	}

	@Test
	void keepsHowSureTheParserIsOfEachField() {
		ParsedNote read = new ParsedNote(DocType.NOTE_VERBALE, "en", "x".repeat(5000), null, null, null, "Mission",
				null, null, List.of(), null, false, false, List.of("Latin"), null, Map.of(),
				Map.of("reference", 0.4, "sender", 0.9));

		assertThat(ParsedBounds.of(read).confidence()).isEqualTo(Map.of("reference", 0.4, "sender", 0.9));
	}

	private static ParsedNote note(String text, List<Enclosure> enclosures, Map<String, Span> evidence) {
		return new ParsedNote(DocType.NOTE_VERBALE, "en", text, text, null, text, text, text, text, enclosures, text,
				false, false, List.of("Latin"), text, evidence);
	}

}
