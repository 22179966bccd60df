package org.valise.routing.routing;

import java.util.List;

import org.valise.routing.text.FoldedText;
import org.valise.routing.text.Span;
import org.valise.routing.text.Term;

/** Recognises, by title in English, French or Spanish, heads of State or Government and ministers. */
final class Signatories {

	/** The standing of a signatory, highest first. */
	enum Standing {

		HEAD_OF_STATE_OR_GOVERNMENT, MINISTER, OTHER

	}

	private static final List<Term> HEADS = terms("President", "Presidente", "Presidenta", "Président", "Présidente",
			"Head of State", "Chef de l'État", "Jefe de Estado", "Jefa de Estado", "King", "Queen", "Roi", "Reine",
			"Rey", "Reina", "Emir", "Sultan", "Prime Minister", "Premier ministre", "Première ministre",
			"Primer Ministro", "Primera Ministra", "Head of Government", "Chef du Gouvernement", "Jefe de Gobierno",
			"Jefa de Gobierno", "Chancellor", "Taoiseach");

	private static final List<Term> NOT_HEADS = terms("Vice President", "Vice Presidente", "Vicepresidente",
			"Vice Presidenta", "Vicepresidenta", "Vice Président", "Vice Présidente", "Deputy Prime Minister",
			"Vice Prime Minister", "Vice Premier ministre", "Vice Primer Ministro", "Vice Chancellor");

	private static final List<Term> MINISTERS = terms("Minister", "Ministre", "Ministro", "Ministra",
			"Secretary of State", "Secrétaire d'État", "Secretario de Estado", "Secretaria de Estado");

	private static final List<Term> NOT_MINISTERS = terms("Deputy Minister", "Vice Minister", "Viceministro",
			"Viceministra", "Vice ministre", "Vice Ministro", "Vice Ministra");

	private Signatories() {
	}

	static Standing standingOf(String signatory) {
		FoldedText text = FoldedText.of(signatory);
		if (names(text, HEADS, NOT_HEADS)) {
			return Standing.HEAD_OF_STATE_OR_GOVERNMENT;
		}
		return names(text, MINISTERS, NOT_MINISTERS) ? Standing.MINISTER : Standing.OTHER;
	}

	private static boolean names(FoldedText text, List<Term> titles, List<Term> exceptions) {
		List<Span> excluded = exceptions.stream().flatMap(t -> text.find(t).stream()).toList();
		return titles.stream()
			.flatMap(t -> text.find(t).stream())
			.anyMatch(span -> excluded.stream().noneMatch(e -> e.start() <= span.start() && span.end() <= e.end()));
	}

	private static List<Term> terms(String... phrases) {
		return List.of(phrases).stream().map(Term::words).toList();
	}

}
