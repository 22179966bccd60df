package org.valise.intake.parsing;

import java.util.Arrays;
import java.util.Set;

/**
 * The words a registry expects in diplomatic correspondence (English, French, Spanish), folded, used to repair OCR
 * damage, and the function words of the three languages.
 */
final class Lexicon {

	private static final Set<String> WORDS = Set.copyOf(Arrays.asList(("""
			international internationale internacional internacionales organization organizations organisation
			organisations organizacion organismos migration migrations migraciones permanent permanente mission
			missions mision nations naciones united unies unidas office offices oficina bureau other others republic
			republique republica kingdom royaume reino government governments gouvernement gobierno ministry ministere
			ministerio minister ministers ministre ministro foreign affairs etrangeres exteriores relaciones embassy
			embassies ambassade embajada consulate consulat consulado compliments honour honor honneur transmit
			transmits transmitted transmitting herewith hereby enclosed enclosure enclosures enclose attached letter
			letters lettre lettres carta cartas note notes verbale verbal nota avails avail itself opportunity
			oportunidad occasion renew renouveler reiterar assurances seguridades highest consideration consideracion
			department departments departement departamento division director directeur directora general generale
			deputy adjoint adjunto management reform operations emergencies policy politique politica research legal
			protocol protocole protocolo geneva geneve ginebra switzerland suisse suiza president presidente prime
			premier secretary secretaire secretario state ambassador ambassadeur embajador representative
			representant representante delegation delegacion council conseil consejo session sessions conference
			meeting meetings reunion agreement agreements accord acuerdo cooperation cooperacion draft comments
			commentaires comentarios articles article programme program programmes project projects projet proyecto
			assistance asistencia support appui apoyo request requests requested demande solicitud grateful
			appreciate appreciated appreciation convey conveyed forward forwarded destination authority authorities
			autorite autoridad nationals national nationale nacional stranded evacuation return returnees returning
			transport reception airport health screening training course officers border borders passport documents
			document travel contribution confidential confidentiel confidencial information announcement focal point
			finalise finalize workers reintegration labour labor employment skills partnerships mobility regional hub
			concerned urgent urgently hostilities outbreak following arrange onward directly carry departure prepared
			list pages concerning regarding respect reference further reply response excellency excellence
			excelencia majesty royal highness honourable sincerely faithfully accept proposal proposals proposed
			proposes propose inform informs informed information kindly would could should shall committee comite
			working group human rights refugees refugee displacement displaced disaster preparedness emergency
			humanitarian humanitaire humanitaria development sustainable global compact safe orderly regular world
			trade building premises host hosting appointment appointed credentials audience audiencia copy nominate
			nominee researcher review panel report remittance remittances flows estimate methods advice welcome
			experts expert video signing margins annual budget fund funds funding financial contributions junior
			professional position positions headquarters country countries island islands pacific member members
			observer observers secretariat administration administrative arrangement arrangements cost costs settle
			settled share shared keep kept treat treated designate designated provide provided send sent receive
			received receiving deliver design present presented consular diplomatic immunities privileges visa visas
			issue issued registration assist assisted strengthen capacity immigration trafficking smuggling persons
			victims protection january february march april june july august september october november december
			janvier fevrier mars avril juin juillet aout septembre octobre novembre decembre enero febrero marzo abril
			mayo junio julio agosto septiembre octubre noviembre diciembre especializados specialisees institutions
			aupres sede saluda atentamente transmettre remitir adjunta adjunto saisit cette renouvelle aprovecha
			consideration haute alta instancia campana regularizacion migratoria chef primature iom oim onu
			""").strip().split("\\s+")));

	private static final Set<String> STOPWORDS = Set.copyOf(Arrays.asList(("""
			the of and to in for on at by from with as an a is are be it its this that or not their his her
			le la les de des du et au aux en un une pour par sur dans l d que qui ce cette sa son ses
			el los las del y al una con su sus se lo
			""").strip().split("\\s+")));

	private Lexicon() {
	}

	/** Whether the folded word is a known word. */
	static boolean isWord(String folded) {
		return WORDS.contains(folded) || STOPWORDS.contains(folded);
	}

	/** Whether the folded word is a function word of English, French or Spanish. */
	static boolean isStopword(String folded) {
		return STOPWORDS.contains(folded);
	}

}
