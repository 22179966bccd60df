package org.valise.intake.parsing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A registry officer's French, Spanish, Portuguese, Italian and German to English glossary of the phrases notes use
 * to ask for something, used to give the gist of a request in English; words it does not know (names, places) are
 * kept as written. Russian, Arabic and Chinese requests are given as written.
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
			lui=|leur=them|me=me|faire savoir=let know|faire connaitre=communicate|nom=name|noms=names|faire distribuer=circulate
			distribuer=circulate|texte=text|presente=present|present=present|comme=as|document officiel=official document
			point=item|ordre du jour=agenda|au plus tard=at the latest|avant le=by|avant la=by|observations=comments
			projet=draft|fonctionnaire=official|fonctionnaires=officials|charge de suivre=in charge of following|suivre=follow
			prise en charge=covering|frais=costs|voyage=travel|sejour=stay|participants=participants|modalites=arrangements
			delivrance=issuance|visas d'entree=entry visas|indiquer=indicate|interlocuteurs=interlocutors|entend=intends
			conviennent=suit|convient=suits|reserver=give|suite favorable=favourable response|invitation=invitation
			qu'elle contient=it contains|representants=representatives|assisteront=will attend|dialogue=dialogue|etats=States
			experts=experts|animer=lead|sessions=sessions|consacrees=devoted|methodes=methods|collecte=collection|analyse=analysis
			donnees=data|migrants=migrants|estimation=estimation|transferts de fonds=remittances|enregistrer=register
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
			transmitir=transmit|tuviera a bien=|tenga a bien=|presente=present|publicar=publish|publicarla=publish it
			base de datos=database|titulares de mandato=mandate holders|respuesta=reply|examinar=examine|alcance=scope
			coste estimado=estimated cost|costo estimado=estimated cost|interlocutor=counterpart|servicios=services
			ministerio=Ministry|colaboracion=cooperation|proximo=next|comunicaciones=communications|comunicacion=communication
			relator especial=Special Rapporteur|relatora especial=Special Rapporteur|oficina=Office|junto con=together with
			punto focal=focal point|coordinar=coordinate|segunda fase=second phase|primera fase=first phase|cancilleria=Ministry of Foreign Affairs
			tratamiento reservado=confidential treatment|informacion=information|contenida=contained|nota=note|adjunta=enclosed
			""";

	private static final String PORTUGUESE = """
			o=the|a=the|os=the|as=the|um=a|uma=a|de=of|do=of the|da=of the|dos=of the|das=of the|ao=to the|à=to the|e=and
			em=in|no=in the|na=in the|com=with|para=for|por=by|pelo=by the|pela=by the|seu=its|sua=its|seus=its|suas=its
			que=that|se=if|este=this|esta=this|esse=that|essa=that|até=by|ate=by|antes de=before|lhe=|lhes=|muito=
			organização=Organization|organizacao=Organization|organização internacional para as migrações=International Organization for Migration
			indicar=indicate|indicasse=indicate|designar=designate|designasse=designate|confirmar=confirm|comunicar=communicate
			comunicados=communicated|informar=inform|enviar=send|encaminhar=forward|transmitir=transmit|assinar=sign
			poderia=could|pudesse=could|datas=dates|data=date|nome=name|nomes=names|contactos=contacts|contatos=contacts
			orador=speaker|painel=panel|conferência=conference|conferencia=conference|reunião=meeting|reuniao=meeting
			ponto focal=focal point|apoio=support|memorando de entendimento=Memorandum of Understanding|memorando=Memorandum
			diretor-geral=Director General|diretor geral=Director General|diretor-geral adjunto de operações=Deputy Director General for Operations
			adjunto=^deputy|operações=operations|operacoes=operations|governo=Government|ministério=Ministry|ministerio=Ministry
			trabalhar=work|junto=together|coordenação=coordination|coordenacao=coordination|programa=programme|projeto=project
			referida carta=the said letter|seja encaminhada=be forwarded|seja transmitida=be transmitted|mais alta instancia=highest authority
			nas seguintes areas=in the following areas|com caracter de urgencia=urgently|de urgencia=urgent|urgencia=urgency
			evacuacao=evacuation|registo=registration|registro=registration|transporte=transport|familias=families
			deslocadas=displaced|centros=centres|acomodacao temporaria=temporary accommodation|populacoes=populations
			""";

	private static final String ITALIAN = """
			il=the|lo=the|la=the|i=the|gli=the|le=the|l'=the|un=a|una=a|di=of|del=of the|della=of the|dei=of the|delle=of the
			a=to|al=to the|alla=to the|e=and|ed=and|in=in|nel=in the|nella=in the|con=with|per=for|da=by|dal=by the|su=on
			che=that|se=if|questo=this|questa=this|entro=by|possibilmente=if possible|ciascuna=each|ciascuno=each
			organizzazione=Organization|organizzazione internazionale per le migrazioni=International Organization for Migration
			confermare=confirm|designare=designate|indicare=indicate|comunicare=communicate|trasmettere=transmit|inviare=send
			volesse=|cortesemente=kindly|referente=focal point|indirizzo=address|domicilio=home|data=date|arrivo=arrival
			tipo=type|permesso=permit|dimora=residence|persone=persons|elenco=list|allegato=^enclosed|programma=programme
			congiunto=^joint|uffici=offices|ufficio=office|competenti=^competent|dipartimento=Department|libertà civili=Civil Liberties
			immigrazione=immigration|rimpatrio volontario assistito=assisted voluntary return|biennio=two years|definire=define
			governo=Government|ministero=Ministry|direttore generale=Director General|aggiornamento=update|comune=municipality
			progetto=draft|accordo=agreement|contributo=contribution|nota=note|nome=name|nomi=names|esperto=expert
			""";

	private static final String GERMAN = """
			der=the|die=the|das=the|den=the|dem=the|des=of the|ein=a|eine=a|einen=a|einer=a|und=and|oder=or|in=in|im=in the
			mit=with|für=for|fur=for|von=of|vom=of the|zu=to|zum=to the|zur=to the|bis zum=by|bis=by|auf=on|dass=that|wenn=if
			es=it|sie=they|ihre=its|seine=its|amt=Office|amtes=Office|organisation=Organization|benennen=designate
			übermitteln=send|ubermitteln=send|bestätigen=confirm|bestatigen=confirm|mitteilen=communicate|prüfen=consider
			kontaktperson=contact person|ansprechpartner=contact person|abteilung=Division|internationalen=^international
			schutz=protection|vorschlag=proposal|zeitplan=timetable|auswahlmissionen=selection missions|könnte=could
			konnte=could|könnten=could|konnten=could|bundesregierung=Federal Government|regierung=Government|teilnahme=participation
			""";

	private static final Map<String, Map<String, String>> ENTRIES = Map.of("fr", load(COMMON + FRENCH), "es",
			load(COMMON + SPANISH), "pt", load(COMMON + PORTUGUESE), "it", load(COMMON + ITALIAN), "de",
			load(COMMON + GERMAN));

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
			map.put(TextFold.fold(entry.substring(0, eq).strip()), entry.substring(eq + 1).strip());
		}
		return map;
	}

}
