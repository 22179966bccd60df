package org.valise.routing.routing;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.valise.routing.directory.Directory;
import org.valise.routing.directory.Office;
import org.valise.routing.note.NoteFields;
import org.valise.routing.routing.Signatories.Standing;
import org.valise.routing.text.FoldedText;
import org.valise.routing.text.Term;

/**
 * Decides where a received note goes, by ordered rules over the organisation directory, and explains why: not
 * correspondence → triage; a routing field intake is unsure of ({@link UnsureFields}) → triage, "unsure: recipient";
 * then the rules in the configured order (by default {@code highest-destination},
 * {@code enclosure-addressee}, {@code recipient-office}, {@code in-reply-to}, {@code signatory-rank},
 * {@code subject-keywords}); the first that applies decides, confidential notes stay with cleared offices, and
 * when none applies the note goes to {@code triage}. Pure: no Spring, no Kafka, no clock.
 */
public final class RoutingPolicy {

	static final String TRIAGE = "triage";

	/** The explanation's rule when a routing field is unsure. */
	static final String UNSURE = "unsure";

	/** The ids of the ordered rules, in their default order. */
	public static final List<String> RULES = List.of(HighestDestinationRule.ID, EnclosureAddresseeRule.ID,
			RecipientOfficeRule.ID, InReplyToRule.ID, SignatoryRankRule.ID, SubjectRule.ID);

	private static final List<Term> URGENCY = Stream.of("urgent", "urgently", "urgente", "urgence", "urgencia")
		.map(Term::words)
		.toList();

	private final Directory directory;

	private final List<RoutingRule> rules;

	private final SubjectRule subjects;

	private final UnsureFields unsure;

	/** A policy over that directory, with the rules in their default order. */
	public RoutingPolicy(Directory directory) {
		this(directory, RULES);
	}

	/**
	 * A policy over that directory applying the rules in the given order, unsure fields by default
	 * ({@link UnsureFields#DEFAULT}).
	 * @throws IllegalArgumentException naming an unknown or repeated rule id
	 */
	public RoutingPolicy(Directory directory, List<String> order) {
		this(directory, order, UnsureFields.DEFAULT);
	}

	/**
	 * A policy over that directory applying the rules in the given order (a rule left out is not applied), sending
	 * notes with unsure routing fields to triage.
	 * @throws IllegalArgumentException naming an unknown or repeated rule id
	 */
	public RoutingPolicy(Directory directory, List<String> order, UnsureFields unsure) {
		this.directory = Objects.requireNonNull(directory, "directory");
		this.unsure = Objects.requireNonNull(unsure, "unsure");
		checkOrder(order);
		Addressees addressees = new Addressees(directory);
		this.subjects = new SubjectRule(directory);
		Map<String, RoutingRule> known = Stream
			.of(new HighestDestinationRule(directory, addressees), new EnclosureAddresseeRule(addressees),
					new RecipientOfficeRule(addressees), new InReplyToRule(directory), new SignatoryRankRule(directory),
					this.subjects)
			.collect(Collectors.toMap(RoutingRule::id, rule -> rule));
		this.rules = order.stream().map(known::get).toList();
	}

	/**
	 * Checks an order of rules.
	 * @throws IllegalArgumentException naming the first unknown or repeated rule id
	 */
	public static void checkOrder(List<String> order) {
		Set<String> seen = new HashSet<>();
		for (String id : Objects.requireNonNull(order, "order")) {
			if (!RULES.contains(id)) {
				throw new IllegalArgumentException("Unknown routing rule '" + id + "' in valise.routing.rules; the rules "
						+ "are " + String.join(", ", RULES) + " (confidential clearance and triage always apply last)");
			}
			if (!seen.add(id)) {
				throw new IllegalArgumentException("Routing rule '" + id + "' is listed twice in valise.routing.rules");
			}
		}
	}

	/** The directory it routes over. */
	public Directory directory() {
		return this.directory;
	}

	/** The ids of its rules, in the order they are tried. */
	public List<String> ruleOrder() {
		return this.rules.stream().map(RoutingRule::id).toList();
	}

	/**
	 * Decides where a note goes.
	 * @param fields what intake understood of the note (never {@code null})
	 * @param text the note's raw text, or {@code null}
	 */
	public RoutingDecision decide(NoteFields fields, String text) {
		Correspondence note = new Correspondence(fields, text);
		if (fields.isNotCorrespondence()) {
			return triage(note, "It is not correspondence (document type 'other'), so a registry clerk decides what to "
					+ "do with it.", Priority.NORMAL);
		}
		Priority priority = priorityOf(note);
		Optional<String> unsure = this.unsure.reason(fields);
		if (unsure.isPresent()) {
			return triage(note, UNSURE, unsure.get(), priority);
		}
		for (RoutingRule rule : this.rules) {
			Optional<Candidate> candidate = rule.apply(note);
			if (candidate.isPresent()) {
				return routed(note, candidate.get(), priority);
			}
		}
		return triage(note, "No rule applies: it names no office or official of the directory, asks for no highest "
				+ "destination, answers no note of ours, and neither its signatory nor its subject points to an office, "
				+ "so a registry clerk decides.", priority);
	}

	private RoutingDecision routed(Correspondence note, Candidate candidate, Priority priority) {
		Office proposed = candidate.destination();
		List<Copy> copies = new ArrayList<>(candidate.copies());
		if (!candidate.rule().equals(SubjectRule.ID)) {
			this.subjects.fromFields(note)
				.map(hit -> hit.getKey())
				.filter(office -> !office.equals(proposed))
				.filter(office -> copies.stream().noneMatch(c -> c.office().equals(office)))
				.ifPresent(office -> copies.add(new Copy(office, Purpose.INFORMATION)));
		}
		Office destination = proposed;
		String summary = candidate.summary();
		if (note.fields().confidential()) {
			Office cleared = clearedFor(destination);
			if (!cleared.equals(destination)) {
				summary = summary.substring(0, summary.length() - 1) + "; being confidential, it goes instead to the "
						+ cleared.name() + ", the nearest office above cleared for confidential notes.";
			}
			copies.removeIf(copy -> !copy.office().clearedForConfidential() || copy.office().equals(cleared));
			destination = cleared;
		}
		return new RoutingDecision(Outcome.ROUTED, destination, copies, priority,
				new Explanation(candidate.rule(), summary, candidate.evidence()));
	}

	private RoutingDecision triage(Correspondence note, String summary, Priority priority) {
		return triage(note, TRIAGE, summary, priority);
	}

	private RoutingDecision triage(Correspondence note, String rule, String summary, Priority priority) {
		List<String> evidence = Stream.of(note.fields().recipient(), note.fields().subject())
			.filter(Objects::nonNull)
			.toList();
		return new RoutingDecision(Outcome.TRIAGE, this.directory.triage(), List.of(), priority,
				new Explanation(rule, summary, evidence));
	}

	/** The office itself if cleared for confidential notes, else the nearest cleared office up its line. */
	private Office clearedFor(Office office) {
		Office at = office;
		while (!at.clearedForConfidential()) {
			Optional<Office> parent = this.directory.parentOf(at);
			if (parent.isEmpty()) {
				return this.directory.head();
			}
			at = parent.get();
		}
		return at;
	}

	private static Priority priorityOf(Correspondence note) {
		FoldedText request = FoldedText.of(Objects.toString(note.fields().requestedAction(), "") + " | "
				+ Objects.toString(note.fields().subject(), ""));
		if (URGENCY.stream().anyMatch(request::contains)) {
			return Priority.URGENT;
		}
		boolean headOfStateOrGovernment = note.signatories()
			.stream()
			.anyMatch(s -> Signatories.standingOf(s) == Standing.HEAD_OF_STATE_OR_GOVERNMENT);
		return note.fields().highestDestination() || headOfStateOrGovernment ? Priority.HIGH : Priority.NORMAL;
	}

}
