package org.valise.intake.parsing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A registry officer's French and Spanish to English glossary of the phrases notes use to ask for something, used to
 * give the gist of a request in English; words it does not know (names, places) are kept as written.
 */
final class Glossary {

	private static final String COMMON = """
			janvier=January|fevrier=February|mars=March|avril=April|mai=May|juin=June|juillet=July|aout=August
			septembre=September|octobre=October|novembre=November|decembre=December|enero=January|febrero=February
			marzo=March|abril=April|mayo=May|junio=June|julio=July|agosto=August|septiembre=September|octubre=October
			noviembre=November|diciembre=December|oim=IOM|onu=UN|experts=experts|expertos=experts|mission=mission
			""";

	private static final String FRENCH = """
			le=the|la=the|les=the|l'=the|un=a|une=a|de=of|du=of the|des=of the|d'=of|a=to|au=to the|aux=to the|et=and
			pour=for|par=by|en=in|dans=in|sur=on|avec=with|sa=its|son=its|ses=its|leur=their|leurs=their|ce=this
			cet=this|cette=this|ces=these|qui=which|que=that|afin de=in order to|bien vouloir=|de bien vouloir=
			ladite=the said|ledit=the said|lesdites=the said|lesdits=the said|lettre=letter|lettres=letters
			appui=support|appui technique=technical support|assistance technique=technical assistance|soutien=support
			organisation=Organization|organisation internationale pour les migrations=International Organization for Migration
			directeur general=Director General|directrice generale=Director General|premier ministre=Prime Minister
			ministre=Minister|ministre des affaires etrangeres=Minister for Foreign Affairs|president=President
			ambassadeur=Ambassador|representant permanent=Permanent Representative|gouvernement=Government
			politique=policy|migrations=migration|comite=committee|redaction=drafting|elaboration=drafting
			reunion=meeting|programme=programme|projet=project|accord=agreement|rapport=report
			lettres de creance=credentials|copie figuree=copy|copie=copy|plus haute destination=highest destination
			trimestre=quarter|semestre=half-year|premier=first|premiere=first|deuxieme=second|seconde=second
			national=^national|nationale=^national|technique=^technical|interministeriel=^interministerial
			financier=^financial|financiere=^financial|humanitaire=^humanitarian|regional=^regional|regionales=^regional
			initial=^initial|faire parvenir=convey|transmettre=transmit|acheminer=forward|organiser=arrange
			accompagner=support|fournir=provide|apporter=provide|examiner=consider|designer=designate|confirmer=confirm
			communiquer=communicate|informer=inform|envoyer=send|recevoir=receive|accorder=grant|charge de=responsible for
			chargee de=responsible for|etat des lieux=assessment|prevues=planned|prevu=planned|en particulier=in particular
			avant=before|le plus tot possible=as soon as possible|formation=training|cours=course|visite=visit
			haut-commissaire=High Commissioner|secretaire general=Secretary-General|directeur executif=Executive Director
			soutenir=support|conseil=Council|delai=deadline|date=date|dates=dates|sollicite=ask for|solliciter=ask for
			""";

	private static final String SPANISH = """
			el=the|la=the|los=the|las=the|lo=it|un=a|una=a|de=of|del=of the|a=to|al=to the|y=and|e=and|para=for|por=by
			en=in|con=with|su=its|sus=its|que=that|este=this|esta=this|dicha=the said|dicho=the said|dichas=the said
			la cual=which|mediante la cual=by which|por la que=by which|se=|solicita=asks for|solicitar=request
			apoyo tecnico=technical support|apoyo=support|tecnico=^technical|tecnica=^technical|organizacion=Organization
			organizacion internacional para las migraciones=International Organization for Migration|campana=campaign
			nacional=^national|regularizacion=regularization|migratoria=^migratory|migratorio=^migratory
			gobierno=Government|pondra en marcha=will launch|ultimo trimestre=last quarter|trimestre=quarter|ultimo=last
			hacer llegar=convey|carta=letter|cartas=letters|mas alta instancia=highest authority
			mas alta autoridad=highest authority|concertar=arrange|organizar=arrange|audiencia=audience|reunion=meeting
			senor=|senora=|director general=Director General|directora general=Director General|embajador=Ambassador
			a fin de que=so that|para que=so that|pueda=can|puedan=can|hacerle entrega de=present|hacer entrega de=present
			entrega=delivery|copia de estilo=copy|copia=copy|cartas credenciales=credentials|credenciales=credentials
			preferentemente=preferably|segunda quincena=second half|primera quincena=first half
			representante permanente=Permanent Representative|ministro=Minister|presidente=President
			ministro de relaciones exteriores=Minister of Foreign Affairs|relaciones exteriores=Foreign Affairs
			programa=programme|proyecto=project|acuerdo=agreement|informe=report|designar=designate|confirmar=confirm
			informar=inform|remitir=send|enviar=send|brindar=provide|proporcionar=provide|prestar=provide
			asistencia=assistance|cooperacion=cooperation|tenga a bien=|se sirva=|nuevo=^new|capacitacion=training
			alto comisionado=High Commissioner|secretario general=Secretary-General|director ejecutivo=Executive Director
			curso=course|visita=visit|fecha=date|antes del=before the|antes de=before|hacer llegar dicha=convey the said
			""";

	private static final Map<String, Map<String, String>> ENTRIES = Map.of("fr", load(COMMON + FRENCH), "es",
			load(COMMON + SPANISH));

	private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}]+['\u2019](?=\\p{L})|[\\p{L}\\p{N}]+(?:[-'\u2019][\\p{L}\\p{N}]+)*|[^\\s\\p{L}\\p{N}]");

	private static final int LONGEST = 6;

	private Glossary() {
	}

	/** The English gist of a French or Spanish phrase; English (or any other) text is returned as it is. */
	static String translate(String text, String language) {
		Map<String, String> entries = ENTRIES.get(language);
		if (entries == null || text == null) {
			return text;
		}
		List<String> tokens = new ArrayList<>();
		Matcher m = TOKEN.matcher(text);
		while (m.find()) {
			tokens.add(m.group());
		}
		List<String> out = new ArrayList<>();
		boolean previousNoun = false;
		for (int i = 0; i < tokens.size();) {
			String value = null;
			int used = 1;
			for (int n = Math.min(LONGEST, tokens.size() - i); n >= 1 && value == null; n--) {
				String key = TextFold.fold(String.join(" ", tokens.subList(i, i + n))).replace('\u2019', '\'');
				if (entries.containsKey(key)) {
					value = entries.get(key);
					used = n;
				}
			}
			i += used;
			if (value != null && value.equals("for") && i < tokens.size() && isInfinitive(tokens.get(i), language)) {
				value = "to";
			}
			if (value == null) {
				out.add(tokens.get(i - 1));
				previousNoun = false;
			}
			else if (value.startsWith("^") && previousNoun && !out.isEmpty()) {
				out.add(out.size() - 1, value.substring(1));
				previousNoun = false;
			}
			else if (!value.isEmpty()) {
				out.add(value.replace("^", ""));
				previousNoun = !value.startsWith("^") && Character.isLowerCase(value.charAt(0)) && !value.contains(" ")
						&& !Lexicon.isStopword(value) && !value.equals("a");
			}
		}
		return String.join(" ", out).replaceAll("\\ba ([aeiouAEIOU])", "an $1").replaceAll(" ([,.;:)])", "$1").replaceAll("\\( ", "(").replaceAll("\\s+", " ").strip();
	}

	private static boolean isInfinitive(String word, String language) {
		String w = TextFold.fold(word);
		return w.length() > 4 && ("fr".equals(language) ? w.matches(".*(?:er|ir|re)") : w.matches(".*(?:ar|er|ir)"));
	}

	private static Map<String, String> load(String table) {
		Map<String, String> map = new HashMap<>();
		for (String entry : table.strip().split("[|\\n]")) {
			int eq = entry.indexOf('=');
			map.put(entry.substring(0, eq).strip(), entry.substring(eq + 1).strip());
		}
		return map;
	}

}
