package org.valise.notification.receipt;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.valise.notification.event.NoteFields;

/**
 * Drafts the note verbale by which the organisation acknowledges receipt of a note, in the third person and in the
 * sender's language (English for a language it is not drafted in), citing the note's reference and date (written out
 * in the language) and its registry number. Nothing is drafted for a document that is not correspondence. The wording
 * of each language is its bundle ({@link ReceiptWording}); the languages drafted in are those the organisation and the
 * place are named in, English always.
 */
public class ReceiptDrafter {

	private static final String ENGLISH = "en";

	private static final String UNKNOWN_SENDER = "[sender]";

	private final Map<String, Language> languages;

	private final ZoneId zone;

	/**
	 * @param organisation the organisation as subject of a sentence, by language, e.g. "The International
	 * Organization for Migration"; English at least
	 * @param place the place at the foot, by language
	 * @param zone the time zone of the date at the foot
	 * @throws IllegalStateException when a language lacks its organisation, its place or its bundle
	 */
	public ReceiptDrafter(Map<String, String> organisation, Map<String, String> place, ZoneId zone) {
		Set<String> named = new TreeSet<>(organisation.keySet());
		named.addAll(place.keySet());
		named.add(ENGLISH);
		Map<String, Language> languages = new HashMap<>();
		for (String language : named) {
			if (organisation.get(language) == null || place.get(language) == null) {
				throw new IllegalStateException("valise.receipt.organisation." + language + " and valise.receipt.place."
						+ language + " must be set");
			}
			ReceiptWording wording = ReceiptWording.in(language)
				.orElseThrow(() -> new IllegalStateException("valise.receipt.organisation." + language
						+ " is set, but receipts have no wording in that language: " + ReceiptWording.resource(language)
						+ " is missing"));
			languages.put(language, new Language(language, wording, organisation.get(language), place.get(language)));
		}
		this.languages = Map.copyOf(languages);
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
		Language language = (note.language() != null && this.languages.containsKey(note.language()))
				? this.languages.get(note.language()) : this.languages.get(ENGLISH);
		ReceiptWording words = language.wording();
		String sender = (note.sender() != null && !note.sender().isBlank()) ? note.sender().strip() : UNKNOWN_SENDER;
		String to = Addressees.after(language.code(), sender);
		String document = words.text("letter".equals(note.docType()) ? "document.letter" : "document.note");
		String cited = words.text("cited", document);
		if (note.reference() != null) {
			cited = words.text("cited.reference", cited, note.reference());
		}
		if (note.date() != null) {
			cited = words.text("cited.date", cited, words.date(note.date()));
		}
		int enclosures = (note.enclosures() != null) ? note.enclosures().size() : 0;
		String enclosed = (enclosures == 0) ? ""
				: words.text((enclosures == 1) ? "enclosures.one" : "enclosures.many");
		LocalDate today = at.atZone(this.zone).toLocalDate();
		String text = String.join("\n\n",
				words.text("receipt", language.organisation(), to, cited, registryNumber, enclosed),
				words.text("attention", document), words.text("closing", language.organisation(), to),
				words.text("foot", language.place(), words.date(today)));
		return new ReceiptDraft(language.code(), trigger, Addressees.named(language.code(), sender), note.reference(),
				note.date(), language.place(), today, text, at);
	}

	/** A language drafted in: its wording, and the organisation and the place as named in it. */
	private record Language(String code, ReceiptWording wording, String organisation, String place) {
	}

}
