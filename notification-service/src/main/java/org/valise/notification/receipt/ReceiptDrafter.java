package org.valise.notification.receipt;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.valise.notification.event.NoteFields;

/**
 * Drafts the note verbale by which the organisation acknowledges receipt of a note, in the third person and in the
 * sender's language (English, French or Spanish; English for any other), citing the note's reference and date (written
 * out in the language) and its registry number. Nothing is drafted for a document that is not correspondence.
 */
public class ReceiptDrafter {

	private static final Set<String> LANGUAGES = Set.of("en", "fr", "es");

	private static final String UNKNOWN_SENDER = "[sender]";

	private final Map<String, String> organisation;

	private final Map<String, String> place;

	private final ZoneId zone;

	/**
	 * @param organisation the organisation as subject of a sentence, by language, e.g. "The International
	 * Organization for Migration"
	 * @param place the place at the foot, by language
	 * @param zone the time zone of the date at the foot
	 */
	public ReceiptDrafter(Map<String, String> organisation, Map<String, String> place, ZoneId zone) {
		for (String language : LANGUAGES) {
			if (organisation.get(language) == null || place.get(language) == null) {
				throw new IllegalStateException("valise.receipt.organisation." + language + " and valise.receipt.place."
						+ language + " must be set");
			}
		}
		this.organisation = Map.copyOf(organisation);
		this.place = Map.copyOf(place);
		this.zone = zone;
	}

	/**
	 * Drafts the acknowledgement of receipt.
	 * @param note what intake understood of the note
	 * @param registryNumber the registry's number
	 * @param at when (the date at the foot)
	 * @param trigger REGISTRATION or ACKNOWLEDGEMENT
	 * @return the draft, or null for a document that is not correspondence
	 */
	public ReceiptDraft draft(NoteFields note, String registryNumber, Instant at, String trigger) {
		if (note == null || "other".equals(note.docType())) {
			return null;
		}
		String language = LANGUAGES.contains(note.language()) ? note.language() : "en";
		String sender = (note.sender() != null && !note.sender().isBlank()) ? note.sender().strip() : UNKNOWN_SENDER;
		boolean letter = "letter".equals(note.docType());
		int enclosures = (note.enclosures() != null) ? note.enclosures().size() : 0;
		LocalDate today = at.atZone(this.zone).toLocalDate();
		String org = this.organisation.get(language);
		String foot = this.place.get(language) + ", " + ("fr".equals(language) ? "le " : "")
				+ DateWords.write(today, language);
		List<String> paragraphs = switch (language) {
			case "fr" -> french(org, Addressees.french(sender), letter, note, registryNumber, enclosures);
			case "es" -> spanish(org, Addressees.spanish(sender), letter, note, registryNumber, enclosures);
			default -> english(org, Addressees.english(sender), letter, note, registryNumber, enclosures);
		};
		String text = String.join("\n\n", paragraphs) + "\n\n" + foot;
		String addressee = switch (language) {
			case "fr", "es" -> sender;
			default -> Addressees.english(sender);
		};
		return new ReceiptDraft(language, trigger, addressee, note.reference(), note.date(), this.place.get(language),
				today, text, at);
	}

	private static List<String> english(String org, String to, boolean letter, NoteFields note, String registryNumber,
			int enclosures) {
		String document = letter ? "letter" : "note";
		String cited = "its " + document + ((note.reference() != null) ? " No. " + note.reference() : "")
				+ ((note.date() != null) ? " dated " + DateWords.write(note.date(), "en") : "");
		String enclosed = (enclosures == 0) ? "" : (enclosures == 1) ? ", and of its enclosure" : ", and of its enclosures";
		return List.of(
				org + " presents its compliments to " + to + " and has the honour to acknowledge receipt of " + cited
						+ ", registered under No. " + registryNumber + enclosed + ".",
				"The " + document + " has been brought to the attention of the competent services of the Organization.",
				org + " avails itself of this opportunity to renew to " + to
						+ " the assurances of its highest consideration.");
	}

	private static List<String> french(String org, String to, boolean letter, NoteFields note, String registryNumber,
			int enclosures) {
		String document = letter ? "lettre" : "note";
		String cited = "sa " + document + ((note.reference() != null) ? " n° " + note.reference() : "")
				+ ((note.date() != null) ? " du " + DateWords.write(note.date(), "fr") : "");
		String enclosed = (enclosures == 0) ? "" : (enclosures == 1) ? ", ainsi que de sa pièce jointe"
				: ", ainsi que de ses pièces jointes";
		return List.of(
				org + " présente ses compliments " + to + " et a l'honneur d'accuser réception de " + cited
						+ ", enregistrée sous le n° " + registryNumber + enclosed + ".",
				"La " + document + " a été portée à l'attention des services compétents de l'Organisation.",
				org + " saisit cette occasion pour renouveler " + to
						+ " les assurances de sa très haute considération.");
	}

	private static List<String> spanish(String org, String to, boolean letter, NoteFields note, String registryNumber,
			int enclosures) {
		String document = letter ? "carta" : "nota";
		String cited = "su " + document + ((note.reference() != null) ? " n.º " + note.reference() : "")
				+ ((note.date() != null) ? " de fecha " + DateWords.write(note.date(), "es") : "");
		String enclosed = (enclosures == 0) ? "" : (enclosures == 1) ? ", así como de su anexo"
				: ", así como de sus anexos";
		return List.of(
				org + " saluda muy atentamente " + to + " y tiene el honor de acusar recibo de " + cited
						+ ", registrada con el n.º " + registryNumber + enclosed + ".",
				"La " + document + " ha sido puesta en conocimiento de los servicios competentes de la Organización.",
				org + " aprovecha la oportunidad para reiterar " + to
						+ " las seguridades de su más alta consideración.");
	}

}
