package org.valise.intake.parsing;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a request is about, as a registry summary says it after the request: the first sentence of each body paragraph
 * before the one that asks (the event, the programme, the letter), from the opening paragraph only what follows "has
 * the honour to inform ... that" in each chancery's wording, in English through the {@link Glossary}; only for a request
 * too short to say it by itself ({@link #SAYS_ENOUGH}), and at most {@link #WORDS} words.
 */
final class RequestContext {

	/** The words after which an opening paragraph says what the note is about. */
	private static final Pattern INFORMS = Formulas.folded("\\bhas the hono(?:u)?r to (?:inform|refer|bring|advise)\\b(?:[^.]{0,80}? (?:that|to) )?"
			+ "|\\ba l'honneur de (?:porter a (?:sa|leur|votre) connaissance|l'informer|les informer|vous informer|informer|se referer a)(?: que)? ?"
			+ "|\\btiene el honor de (?:informar|comunicar|poner en su conocimiento|referirse a)(?:le|les)?(?: que)? ?"
			+ "|\\btem a honra de (?:informar|comunicar|referir-se a)(?: que)? ?|\\bha l'onore di (?:comunicare|informare)(?: che)? ?"
			+ "|\\bmitzuteilen, dass |\\bимеет честь сообщить,? (?:что )?|\\bوتتشرف ب(?:إعلامها|إحاطتها علما)(?: ب?أن)? ?|谨通知如下[:：]?");

	/** A paragraph that only transmits an enclosure: the enclosure says what it is, not the context. */
	private static final Pattern TRANSMITS = Formulas.folded("\\b(?:to transmit|de (?:vous )?transmettre|de (?:le )?transmitir"
			+ "|de (?:lhe )?remeter|di trasmettere)\\b.{0,60}?\\b(?:herewith|attached|enclosed|ci-joint|en annexe|adjunt|anex|allegat)");

	/** At most this many paragraphs of context. */
	private static final int PARAGRAPHS = 2;

	/** A request of at least this many words says enough by itself: no context is added. */
	static final int SAYS_ENOUGH = 40;

	/** At most this many words of context. */
	private static final int WORDS = 50;

	private RequestContext() {
	}

	/** The context of the request in the paragraph given, in English, or {@code null}. */
	static String before(Segments a, Layout.Paragraph asking, String language) {
		List<String> parts = new ArrayList<>();
		for (Layout.Paragraph p : a.body) {
			if (p == asking || parts.size() == PARAGRAPHS) {
				break;
			}
			String text = p.text();
			if (TRANSMITS.matcher(p.folded()).find()) {
				continue;
			}
			int from = 0;
			if (p == a.opening) {
				Matcher m = INFORMS.matcher(p.folded());
				if (!m.find()) {
					continue;
				}
				from = m.end();
			}
			int to = text.length();
			for (int[] s : Sentences.split(text)) {
				if (s[1] > from) {
					to = s[1];
					break;
				}
			}
			String sentence = text.substring(from, to).strip();
			if (sentence.length() > 20) {
				parts.add(Glossary.translate(RequestWording.englishDates(sentence), language).replaceAll("[.;:。]+$", ""));
			}
		}
		if (parts.isEmpty()) {
			return null;
		}
		String[] words = String.join("; ", parts).split(" ");
		return String.join(" ", java.util.Arrays.copyOf(words, Math.min(words.length, WORDS)));
	}

}
