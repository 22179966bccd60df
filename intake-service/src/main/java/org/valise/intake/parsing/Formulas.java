package org.valise.intake.parsing;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The set phrases of diplomatic correspondence in English, French and Spanish, as patterns over folded text: the
 * opening and closing formulas of a note verbale, the salutation and complimentary close of a letter, the words
 * that ask for the highest destination or for confidentiality, the titles of the head of an organisation, and the
 * marks of junk mail.
 */
final class Formulas {

	static final Pattern COMPLIMENTS = Pattern.compile("\\b(?:presents?|present) (?:its|their|his|her) (?:\\w+ ){0,2}?"
			+ "compliments\\b|\\bpresente(?:nt)? (?:ses|leurs) (?:\\w+ ){0,2}?compliments\\b"
			+ "|\\bsaludan? (?:muy )?(?:atentamente|cordialmente|respetuosamente)\\b|\\btienen? el honor de saludar\\b"
			+ "|\\bpresentan? sus (?:\\w+ ){0,2}?(?:saludos|cumplidos)\\b");

	static final Pattern CLOSING = Pattern.compile("\\bavails? (?:itself|themselves) of (?:this|the) opportunity"
			+ "|\\btakes? (?:this|the) opportunity to (?:renew|reiterate)|\\bsaisi(?:t|ssent) (?:cette|l') ?occasion"
			+ "|\\baprovechan? (?:la|esta) (?:oportunidad|ocasion)|\\bse valen? de la oportunidad"
			+ "|\\bassurances? of (?:its|their) (?:highest|high|most distinguished) consideration"
			+ "|\\bassurances? de (?:sa|leur) (?:tres )?haute consideration"
			+ "|\\bseguridades de su (?:mas )?(?:alta|distinguida) consideracion");

	static final Pattern SALUTATION = Pattern.compile("(?:dear\\b.{0,60}|(?:your )?excellency|excellence|excelencia"
			+ "|excelentisimo senor.{0,50}|(?:distinguished |dear )?(?:sir|madam|sir or madam)"
			+ "|(?:monsieur|madame)\\b.{0,60}|(?:senor|senora|estimad[oa])\\b.{0,60})\\s*[,:]");

	static final Pattern COMPLIMENTARY_CLOSE = Pattern.compile("(?:yours (?:sincerely|faithfully|truly|very truly)"
			+ "|sincerely(?: yours)?|(?:best|kind|warm) regards|with (?:best|kind|warm) regards|respectfully(?: yours)?"
			+ "|atentamente|cordialmente|saludos cordiales|je vous prie d'agreer|veuillez agreer|please accept"
			+ "|accept, (?:your )?excellency|reciba|aprovecho la (?:oportunidad|ocasion)|i avail myself"
			+ "|i take this opportunity to renew)\\b.*");

	static final Pattern FIRST_PERSON = Pattern.compile("(?<![(\\w])i (?:am|have|would|wish|write|should|look|hope|take"
			+ "|thank|remain|enclose|request)\\b|\\bje\\b|\\bj'|\\bme complace|\\btengo el (?:honor|agrado)"
			+ "|\\bme permito|\\bme dirijo|\\bnous avons\\b|\\bwe (?:have|would|are)\\b");

	static final Pattern HIGHEST_DESTINATION = Pattern.compile("\\bhighest (?:destination|authority|authorities|instance)"
			+ "|\\bhighest levels? of the organi[sz]ation|\\bplus hautes? (?:destination|autorites?|instances?)"
			+ "|\\bhaute destination|\\bmas altas? (?:instancias?|autoridad(?:es)?|destino|jerarquia)");

	static final Pattern CONFIDENTIAL_LINE = Pattern
		.compile("(?:strictly |highly )?(?:confidential|confidentiel(?:le)?|confidencial|restricted|reservado)\\.?");

	static final Pattern CONFIDENTIAL_PHRASE = Pattern.compile("\\b(?:kept|keep|treated|treat|regarded|held|remain)"
			+ " (?:\\S+ ){0,3}?(?:confidential|in (?:strict )?confidence)|\\bin (?:strict )?confidence\\b"
			+ "|\\ba titre (?:strictement )?confidentiel|\\bde maniere confidentielle|\\bcaractere confidentiel"
			+ "|\\btraitee?s? (?:de maniere |comme )?confidentiel|\\bcon caracter (?:estrictamente )?confidencial"
			+ "|\\bde (?:forma|manera) (?:estrictamente )?confidencial|\\bcon (?:la mayor |estricta )?reserva\\b");

	static final Pattern HEAD = Pattern.compile("(?<!deputy |assistant |vice-|vice |under-|adjoint )\\b(?:(high commissioner"
			+ "|haut[- ]commissaire|alt[oa] comisionad[oa]|executive director|directeur executif|director ejecutivo"
			+ "|directora ejecutiva)|(director[- ]general|directeur general|directrice generale|directora? general"
			+ "|secretary[- ]general|secretaire general|secretari[oa] general)(?! for | pour | para ))\\b"
			+ "(?! adjoint| adjunt[oa])");

	private static final Pattern JUNK = Pattern.compile("\\b(?:(beneficiar(?:y|ies))|(click here)|(unsubscribe)"
			+ "|(lottery|jackpot|winning (?:number|ticket))|(next of kin)|(compensation fund|consignment|western union"
			+ "|moneygram|bitcoin)|(pay (?:the|a) (?:sum|fee)|processing fee)|(dear (?:esteemed|beloved|friend|customer"
			+ "|winner))|(?:usd|us\\$|eur|gbp)\\s?(\\d{1,3}(?:[,.]\\d{3}){2,}))|(https?://|www\\.)|(!!!)"
			+ "|(undisclosed-recipients)|^((?:from|to|subject|sent|date): )", Pattern.MULTILINE);

	private Formulas() {
	}

	/** How many distinct marks of junk mail a folded text bears. */
	static int junkScore(String folded) {
		Matcher m = JUNK.matcher(folded);
		int seen = 0;
		while (m.find()) {
			for (int g = 1; g <= m.groupCount(); g++) {
				if (m.group(g) != null) {
					seen |= 1 << g;
				}
			}
		}
		return Integer.bitCount(seen);
	}

	/** The first match of a pattern in a folded text, or {@code null}. */
	static Matcher find(Pattern pattern, String folded) {
		Matcher m = pattern.matcher(folded);
		return m.find() ? m : null;
	}

}
