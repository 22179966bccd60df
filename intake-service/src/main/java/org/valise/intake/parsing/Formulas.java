package org.valise.intake.parsing;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The set phrases of diplomatic correspondence in the nine languages of the registry (English, French, Spanish,
 * Portuguese, Italian, German, Russian, Arabic, Chinese), as patterns over folded text: the
 * opening and closing formulas of a note verbale, the salutation and complimentary close of a letter, the words
 * that ask for the highest destination or for confidentiality, the titles of the head of an organisation, and the
 * marks of junk mail.
 */
final class Formulas {

	/**
	 * The opening formula of a note verbale: "presents its compliments", "présente ses compliments", "saluda
	 * atentamente", "apresenta os seus cumprimentos", "cumprimenta", "presenta i suoi complimenti", "beehrt sich",
	 * "bezeugt ... ihre Hochachtung", "свидетельствует свое уважение", "تهدي ... تحياتها", "向 ... 致意".
	 */
	static final Pattern COMPLIMENTS = folded("\\b(?:presents?|present) (?:its|their|his|her) (?:\\w+ ){0,2}?"
			+ "compliments\\b|\\bpresente(?:nt)? (?:ses|leurs) (?:\\w+ ){0,2}?compliments\\b"
			+ "|\\bsaludan? (?:muy )?(?:atentamente|cordialmente|respetuosamente)\\b|\\btienen? el honor de saludar\\b"
			+ "|\\bpresentan? sus (?:\\w+ ){0,2}?(?:saludos|cumplidos)\\b"
			+ "|\\bapresentam? (?:os )?(?:seus|suas) (?:\\w+ ){0,2}?cumprimentos\\b|\\bcumprimentam? (?:muito )?(?:atenciosamente )?"
			+ "|\\bpresentan?o? (?:i )?(?:suoi|propri|loro) (?:\\w+ ){0,2}?(?:complimenti|saluti)\\b"
			+ "|\\bbeehr(?:t|en) sich\\b|\\bbezeug(?:t|en) (?:dem|der|den) "
			+ "|\\bсвидетельству(?:ет|ют) (?:свое|своё|свои) (?:\\p{L}+ )?уважение\\b"
			+ "|تهدي|يهدي|تقدم .{0,80}?تحيات"
			+ "|向.{1,60}?致意");

	/** The closing formula of a note verbale: "avails itself of this opportunity", "saisit cette occasion"... */
	static final Pattern CLOSING = folded("\\bavails? (?:itself|themselves) of (?:this|the) opportunity"
			+ "|\\btakes? (?:this|the) opportunity to (?:renew|reiterate)|\\bsaisi(?:t|ssent) (?:cette|l') ?occasion"
			+ "|\\baprovechan? (?:la|esta) (?:oportunidad|ocasion)|\\bse valen? de la oportunidad"
			+ "|\\bhacen? propicia la (?:oportunidad|ocasion)"
			+ "|\\bassurances? of (?:its|their) (?:highest|high|most distinguished) consideration"
			+ "|\\bassurances? de (?:sa|leur) (?:tres )?haute consideration"
			+ "|\\bseguridades de su (?:mas )?(?:alta|distinguida) consideracion"
			+ "|\\baproveita(?:m)? (?:a|esta) (?:oportunidade|ocasiao)|\\bprotestos d[ae] (?:sua|seu) "
			+ "|\\bsi avvale dell'occasione|\\bcoglie l'occasione|\\batti della sua (?:piu )?alta considerazione"
			+ "|\\bbenutz(?:t|en) diesen anlass|\\bihrer ausgezeichnet(?:en|sten) hochachtung"
			+ "|\\bпользу(?:ется|ются) (?:этим |случаем|возможностью)|\\bуверения в (?:своем|своём) "
			+ "|تغتنم|يغتنم|فائق (?:التقدير|الاحترام|احترامها|تقديرها)"
			+ "|顺致(?:最)?崇高(?:的)?敬意|借此机会");

	/** The salutation of a letter, alone on its line: "Dear ...,", "Excellency,", "Monsieur le ...,", "Sirs,"... */
	static final Pattern SALUTATION = folded("(?:dear\\b.{0,60}|(?:your )?excellency|excellence|excelencia|excellenza"
			+ "|excelentisim[oa] senor.{0,50}|(?:distinguished |dear )?(?:sirs?|madam|sir or madam|sir/madam)"
			+ "|(?:monsieur|madame|messieurs|mesdames)\\b.{0,60}|(?:senor|senora|estimad[oa]|senhor|senhora|prezad[oa]"
			+ "|excelentissim[oa])\\b.{0,60}|(?:signor[ae]?|gentile|egregi[oa]|illustre)\\b.{0,60}"
			+ "|sehr geehrte[rs]?\\b.{0,60}|уважаем(?:ый|ая|ые)\\b.{0,60}|(?:معالي|سعادة|فخامة|حضرة|السيد|السيدة)\\s.{0,60})"
			+ "\\s*[,:!\u060c]");

	/** The complimentary close of a letter. */
	static final Pattern COMPLIMENTARY_CLOSE = folded("(?:yours (?:sincerely|faithfully|truly|very truly)"
			+ "|sincerely(?: yours)?|(?:best|kind|warm) regards|with (?:best|kind|warm) regards|respectfully(?: yours)?"
			+ "|atentamente|cordialmente|saludos cordiales|je vous prie d'agreer|veuillez agreer|please accept"
			+ "|accept, (?:your )?excellency|reciba|aprovecho la (?:oportunidad|ocasion)|i avail myself"
			+ "|i take this opportunity to renew|voglia gradire|gradisca|distinti saluti|cordiali saluti"
			+ "|mit freundlichen gru(?:ss|ß)en|genehmigen sie|hochachtungsvoll|atenciosamente|aproveito a (?:oportunidade|ocasiao)"
			+ "|وتفضلوا بقبول|تفضلوا بقبول|مع أطيب التحيات|مع خالص التحية|وتقبلوا"
			+ "|com os melhores cumprimentos|с уважением|примите(?:,)? .{0,40}уверения)\\b.*");

	/** First-person wording: the mark of a letter, as against the third person of a note verbale. */
	static final Pattern FIRST_PERSON = folded("(?<![(\\w])i (?:am|have|would|wish|write|should|look|hope|take"
			+ "|thank|remain|enclose|request)\\b|\\bje\\b|\\bj'|\\bme complace|\\btengo el (?:honor|agrado)"
			+ "|\\bme permito|\\bme dirijo|\\bnous avons\\b|\\bwe (?:have|would|are)\\b|\\ble sarei\\b|\\bdesidero\\b"
			+ "|\\bho l'onore\\b|\\bmi pregio\\b|\\btenho a honra\\b|\\bvenho\\b|\\bich\\b|\\bbeehre mich\\b"
			+ "|\\bимею честь\\b|\\bя\\b|يشرفني|أتشرف|يسرني|أرجو|وأرجو|أود|我谨");

	/**
	 * Words asking for the note or its enclosure to reach the head of the organisation: "highest destination",
	 * "plus haute destination", "más alta instancia", "mais alta instância", "più alta istanza", "höchste Stelle",
	 * "высшему руководству", "أعلى سلطة", "转呈", or "the personal attention of" the head.
	 */
	static final Pattern HIGHEST_DESTINATION = folded("\\bhighest (?:destination|authority|authorities|instance)"
			+ "|\\bhighest levels? of the organi[sz]ation|\\bplus hautes? (?:destination|autorites?|instances?)"
			+ "|\\bhaute destination|\\bmas altas? (?:instancias?|autoridad(?:es)?|destino|jerarquia)"
			+ "|\\bmais altas? (?:instancias?|autoridades?|destino)|\\bpiu alt[ae] (?:istanz[ae]|autorita|destinazione)"
			+ "|\\bhochsten? (?:stelle|ebene|instanz)|\\bвысш(?:ему|ей|его) (?:руководств|инстанци|адресат)"
			+ "|أعلى سلطة|أعلى مستوى|转呈"
			+ "|\\b(?:personal attention|attention personnelle|atencion personal|atencao pessoal|attenzione personale)"
			+ " (?:de|of|del|da|della)\\b");

	/** A request in a sentence: "would be grateful", "saurait gré", "agradecería", "ruega", "будет признательно"... */
	static final Pattern REQUEST = folded("\\b(?:grateful|appreciate|requests?|kindly|saurai(?:t|ent) gre|serai(?:t|ent) reconnaissant"
			+ "|prie|agradecer(?:ia|a)n?|ruega|solicita|agradeceria|muito agradece|sarebbe grat|sarei grat|pregh|wa(?:re|ren) dankbar"
			+ "|bitte[tn]?|признательн|просит)|ترجو|يرجو|请");

	/**
	 * Passing a document on to someone by title: the verb, its object, and "to"/"à" with honorifics
	 * ("transmettre ladite lettre à Monsieur le "); the head's title must follow.
	 */
	static final Pattern PASS_ON_TO = folded("\\b(?:transmit|convey|forward|pass|bring|deliver|submit|transmettre|faire parvenir"
			+ "|remettre|acheminer|hacer llegar|transmitir|remitir|elevar|encaminhar|fazer chegar|trasmettere|inoltrare|far pervenire"
			+ "|weiterleiten|weiterzuleiten|ubermitteln|передать|препроводить|إحالة|تسليم)\\b[^.;]{0,80}?\\b(?:to|a|al|ao|alla|an|إلى)"
			+ "\\s+(?:(?:his|her|son|sa|su|sua|monsieur|madame|mr|ms|le|la|el|the|o|il|senor|senora|senhor|senhora|signor"
			+ "|signora|den|die|herrn|frau|excellency|excellence|excelencia|h\\.e\\.)\\.?\\s+){0,4}");

	static final Pattern CONFIDENTIAL_LINE = folded("(?:strictly |highly )?(?:confidential|in confidence|confidentiel(?:le)?|confidencial"
			+ "|restricted|reservado|riservato|vertraulich|конфиденциально|سري|机密)\\.?");

	static final Pattern CONFIDENTIAL_PHRASE = Pattern.compile("\\b(?:kept|keep|treated|treat|regarded|held|remain)"
			+ " (?:\\S+ ){0,3}?(?:confidential|in (?:strict )?confidence)|\\bin (?:strict )?confidence\\b"
			+ "|\\ba titre (?:strictement )?confidentiel|\\bde maniere confidentielle|\\bcaractere confidentiel"
			+ "|\\btraitee?s? (?:de maniere |comme )?confidentiel|\\bcon caracter (?:estrictamente )?confidencial"
			+ "|\\bde (?:forma|manera) (?:estrictamente )?confidencial|\\bcon (?:la mayor |estricta )?reserva\\b"
			+ "|\\btraitement confidentiel|\\btratamiento (?:reservado|confidencial)|\\btratamento confidencial"
			+ "|\\bcarattere riservato|\\bvertraulich (?:zu )?behandel|\\bконфиденциальн");

	/** The title of the head of an organisation (group 1 or 2), not of a deputy, nor for a department. */
	static final Pattern HEAD = folded("(?<!deputy |assistant |vice-|vice |under-|adjoint |stellvertretende[rn]? )"
			+ "(?:\\b(high commissioner|haut[- ]commissaire|alt[oa] comisionad[oa]|alt[oa] comissari[oa]"
			+ "|alto commissario|hohe[rn]? (?:fluchtlings)?kommissars?|executive director|directeur executif"
			+ "|director ejecutivo|directora ejecutiva)|\\b(director[- ]general|directeur general|directrice generale"
			+ "|directora? general|diretora?[- ]geral|directora?[- ]geral|direttore generale|direttrice generale|generaldirektor(?:in)?"
			+ "|secretary[- ]general|secretaire general|secretari[oa] general|secretari[oa][- ]geral|segretari[oa] generale"
			+ "|generalsekretar(?:in)?|генеральн(?:ый|ого|ому|ым|ая|ой) (?:директор|секретар)\\p{L}*)(?! for | pour | para "
			+ "| de la? (?:oficina|division|seccion)| adjoint| adjunt[oa])\\b"
			+ "|(المدير العام|الأمين العام|المفوض السامي|总干事|秘书长|高级专员))");

	/** An office named after its head ("Office of the High Commissioner"): the office, not the head. */
	static final Pattern OFFICE_OF = folded("(?:\\b(?:office|offices|oficina|bureau|cabinet|gabinete|ufficio|buro|amt)"
			+ "\\s+(?:of\\s+the|of|del|du|de\\s+la|de\\s+l'|do|da|dell'|della|des|der)|مكتب)(?:\\s*\\p{L}[\\p{L}'-]*){0,5}\\s*$");

	private static final Pattern JUNK = Pattern.compile("\\b(?:(beneficiar(?:y|ies))|(click here)|(unsubscribe)"
			+ "|(lottery|jackpot|winning (?:number|ticket))|(next of kin)|(compensation fund|consignment|western union"
			+ "|moneygram|bitcoin)|(pay (?:the|a) (?:sum|fee)|processing fee)|(dear (?:esteemed|beloved|friend|customer"
			+ "|winner))|(?:usd|us\\$|eur|gbp)\\s?(\\d{1,3}(?:[,.]\\d{3}){2,}))|(https?://|www\\.)|(!!!)"
			+ "|(undisclosed-recipients)|^((?:from|to|subject|sent|date): )", Pattern.MULTILINE);

	private Formulas() {
	}

	/** A pattern over folded text, written with its non-ASCII letters as typed (they are folded here). */
	static Pattern folded(String regex) {
		StringBuilder out = new StringBuilder(regex.length());
		for (int i = 0; i < regex.length(); i++) {
			char c = regex.charAt(i);
			out.append(c < 128 ? c : TextFold.fold(c));
		}
		return Pattern.compile(out.toString());
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

	/**
	 * Words one of which every wording of a formula holds: a text without any of them cannot match, and is not
	 * searched (the formulas are long alternations, tried at every position of every paragraph).
	 */
	private static final Map<Pattern, String[]> CUES = new IdentityHashMap<>();

	static {
		CUES.put(COMPLIMENTS, cues("compliment cumplido salud cumpriment saluti beehr bezeug уважени تهدي يهدي تحيات 致意"));
		CUES.put(CLOSING, cues("opportunit oportunid occasion ocasi consideration consideracion protestos considerazione "
				+ "anlass hochachtung пользу уверени تغتنم يغتنم فائق 敬意 借此机会"));
		CUES.put(CONFIDENTIAL_PHRASE, cues("confiden reserv riservat vertraulich конфиденц"));
		CUES.put(HIGHEST_DESTINATION, cues("highest haute plus mas mais piu hochst высш أعلى 转呈 attention atencion "
				+ "atencao attenzione"));
	}

	private static String[] cues(String words) {
		String[] cues = words.split(" ");
		for (int i = 0; i < cues.length; i++) {
			cues[i] = TextFold.fold(cues[i]);
		}
		return cues;
	}

	/** The first match of a pattern in a folded text, or {@code null}. */
	static Matcher find(Pattern pattern, String folded) {
		String[] cues = CUES.get(pattern);
		if (cues != null) {
			boolean any = false;
			for (int i = 0; i < cues.length && !any; i++) {
				any = folded.contains(cues[i]);
			}
			if (!any) {
				return null;
			}
		}
		Matcher m = pattern.matcher(folded);
		return m.find() ? m : null;
	}

}
