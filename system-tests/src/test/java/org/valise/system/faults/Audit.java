package org.valise.system.faults;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.valise.system.faults.TopicArchive.DeliveryEvent;
import org.valise.system.faults.TopicArchive.Routed;

/**
 * Turns what the topics, the mailboxes, the consumer groups and the tracking view say into a scenario's
 * {@link ScenarioRow}. Per accepted note: received, registered once, delivered once on each channel of its destination
 * (else stuck if the system still holds it, lost if not), no event twice, one e-mail per delivery; over the whole
 * registry: numbers 1..N per year, none twice.
 */
final class Audit {

	private static final int EXAMPLES = 5;

	private final TopicArchive archive;

	private final MailCount mail;

	private final long lag;

	private final TrackingViews views;

	private final DeliveryWatch watch;

	private final Map<String, Integer> webhookCalls;

	Audit(TopicArchive archive, MailCount mail, long lag, TrackingViews views, DeliveryWatch watch,
			Map<String, Integer> webhookCalls) {
		this.archive = archive;
		this.mail = mail;
		this.lag = lag;
		this.views = views;
		this.watch = watch;
		this.webhookCalls = webhookCalls;
	}

	ScenarioRow row(ScenarioRun run) {
		Findings findings = new Findings();
		Set<String> accepted = run.accepted();
		Numbering numbering = numbering();
		for (String noteId : accepted) {
			duplicates(noteId, findings, numbering);
			fate(noteId, findings);
		}
		for (String key : run.poisonKeys()) {
			if (this.archive.deadLetters().stream().noneMatch((letter) -> key.equals(letter.key()))) {
				findings.lost("poison record " + key + " is not in " + TopicArchive.DEAD_LETTERS);
			}
		}
		if (!run.poisonKeys().isEmpty()) {
			findings.note(run.poisonKeys().size() + " poison records written, "
					+ run.poisonKeys().stream()
						.filter((key) -> this.archive.deadLetters().stream().anyMatch((l) -> key.equals(l.key())))
						.count()
					+ " in " + TopicArchive.DEAD_LETTERS + " ("
					+ this.archive.deadLetters().stream().map(TopicArchive.DeadLetter::error).distinct().sorted()
						.collect(Collectors.joining(", "))
					+ ")");
		}
		long republished = accepted.stream()
			.filter((id) -> this.archive.routed().getOrDefault(id, List.of()).stream().anyMatch(Routed::sameNoteAgain))
			.count();
		long retried = run.submitted().stream().filter((s) -> s.attempts() > 1).count();
		if (retried > 0 || republished > 0) {
			findings.note(retried + " notes needed more than one attempt; " + republished
					+ " were published twice by intake and registered once (the copy as DUPLICATE of itself)");
		}
		int duplicateEmails = duplicateEmails(run, accepted, findings);
		webhooks(accepted, findings);
		if (!numbering.missing.isEmpty()) {
			findings.note("registry numbers missing: " + examples(numbering.missing));
		}
		run.submitted().stream()
			.filter((s) -> !"load".equals(s.label()))
			.forEach((s) -> findings.note(s.label() + ": " + s.result() + " (" + s.lastAnswer() + ", " + s.attempts()
					+ " attempt(s))" + ((s.noteId() != null) ? " note " + s.noteId() : "")));
		run.submitted().stream()
			.filter((s) -> s.result() == NoteLoad.Result.UNANSWERED)
			.limit(EXAMPLES)
			.forEach((s) -> findings.note("unanswered: " + s.key() + " (" + s.attempts() + " attempts, last " + s.lastAnswer() + ")"));
		if (this.lag != 0) {
			findings.note("consumer lag at the audit: " + ((this.lag < 0) ? "could not be read" : this.lag + " records"));
		}
		if (run.quietAfter() == null) {
			findings.note("the system did not fall quiet within the bound");
		}
		return new ScenarioRow(run.scenario().name(), accepted.size(), run.count(NoteLoad.Result.REFUSED),
				run.count(NoteLoad.Result.UNANSWERED), findings.lost, findings.duplicated, findings.stuck,
				duplicateEmails, numbering.missing.size(), this.lag, recovery(run), findings.details(), true);
	}

	/** Events of the note beyond the one each fact should have. */
	private void duplicates(String noteId, Findings findings, Numbering numbering) {
		List<TopicArchive.Received> received = this.archive.received().getOrDefault(noteId, List.of());
		List<Routed> routed = this.archive.routed().getOrDefault(noteId, List.of());
		List<DeliveryEvent> events = this.archive.deliveries().getOrDefault(noteId, List.of());
		int extra = 0;
		// intake publishes a note it is not sure it published again as the same event (same ce_id, PUBLISHING.md), which
		// readers drop by ce_id: a republication, not a second fact; the registry answers it DUPLICATE of itself
		Set<String> receivedIds = new HashSet<>();
		received.forEach((record) -> receivedIds.add(record.ceId()));
		if (receivedIds.size() < received.size()) {
			findings.republished();
		}
		long registrations = routed.stream().filter(Routed::registration).count();
		if (registrations > 1) {
			extra += (int) registrations - 1;
			findings.duplicate(noteId + ": registered " + registrations + " times ("
					+ routed.stream().filter(Routed::registration).map(Routed::registryNumber).collect(Collectors.joining(", ")) + ")");
		}
		long again = routed.stream().filter(Routed::sameNoteAgain).count();
		if (again > Math.max(0, received.size() - 1)) {
			extra += (int) (again - Math.max(0, received.size() - 1));
			findings.duplicate(noteId + ": " + again + " DUPLICATE-of-itself decisions for " + received.size()
					+ " NoteReceived records");
		}
		Map<String, Long> perFact = events.stream()
			.collect(Collectors.groupingBy((e) -> e.type() + " " + ((e.deliveryId() != null) ? e.deliveryId() : ""),
					Collectors.counting()));
		for (Map.Entry<String, Long> fact : perFact.entrySet()) {
			if (fact.getValue() > 1) {
				extra += (int) (fact.getValue() - 1);
				findings.duplicate(noteId + ": " + fact.getKey().trim() + " " + fact.getValue() + " times");
			}
		}
		for (Routed registration : routed) {
			if (registration.registration() && numbering.twice.contains(registration.registryNumber())) {
				extra++;
				findings.duplicate(noteId + ": number " + registration.registryNumber() + " given to another note too");
			}
		}
		findings.duplicated += extra;
	}

	/** Delivered; or stuck (the system still holds it); or lost. */
	private void fate(String noteId, Findings findings) {
		if (!this.archive.received().containsKey(noteId)) {
			findings.lost(noteId + ": accepted (202) but no NoteReceived on " + TopicArchive.RECEIVED);
			return;
		}
		List<Routed> routed = this.archive.routed().getOrDefault(noteId, List.of());
		Routed registration = routed.stream().filter(Routed::registration).findFirst().orElse(null);
		if (registration == null) {
			Routed other = routed.stream().filter((r) -> !r.sameNoteAgain()).findFirst().orElse(null);
			if (other != null) {
				findings.lost(noteId + ": registered as a duplicate of " + other.duplicateOf() + " (a distinct note)");
			}
			else if (this.lag != 0) {
				findings.stuck(noteId + ": not routed yet (routing still behind)");
			}
			else {
				findings.lost(noteId + ": received but never routed");
			}
			return;
		}
		if (registration.channels().isEmpty()) {
			findings.stuck(noteId + ": its destination " + registration.office() + " has no channel");
			return;
		}
		Set<String> delivered = this.archive.deliveries()
			.getOrDefault(noteId, List.of())
			.stream()
			.filter((e) -> TopicArchive.DELIVERED.equals(e.type()) && Objects.equals(registration.office(), e.office()))
			.map(DeliveryEvent::channel)
			.collect(Collectors.toSet());
		List<String> missing = registration.channels().stream()
			.map(TopicArchive.Channel::type)
			.filter((channel) -> !delivered.contains(channel))
			.toList();
		if (missing.isEmpty()) {
			return;
		}
		TrackingViews.View view = this.views.of(noteId);
		String what = noteId + " (" + registration.registryNumber() + ", " + registration.office() + " by "
				+ String.join("+", missing) + "): not delivered; tracking view " + view.answer()
				+ ((view.state() != null) ? " " + view.state() + " " + view.deliveries() : "");
		if (view.held()) {
			findings.stuck(what);
		}
		else {
			findings.lost(what);
		}
	}

	private int duplicateEmails(ScenarioRun run, Set<String> accepted, Findings findings) {
		Map<String, String> numbers = new HashMap<>();
		for (String noteId : accepted) {
			this.archive.routed().getOrDefault(noteId, List.of()).stream().filter(Routed::registration).findFirst()
				.ifPresent((r) -> numbers.put(r.registryNumber(), noteId));
		}
		int copies = 0;
		int resent = 0;
		Map<String, Integer> resentByNote = this.mail.resentByNote();
		for (Map.Entry<String, Integer> entry : this.mail.byNote().entrySet()) {
			String note = accepted.contains(entry.getKey()) ? entry.getKey() : numbers.get(entry.getKey());
			if (note == null) {
				continue;
			}
			resent += resentByNote.getOrDefault(entry.getKey(), 0);
			int apart = this.mail.duplicatesByNote().getOrDefault(entry.getKey(), 0);
			if (apart > 0) {
				copies += apart;
				findings.duplicateEmail("note " + note + ": " + apart + " e-mails beyond the first that a reader sees apart");
			}
		}
		if (resent > 0) {
			findings.note(resent + " e-mails resent with the Message-ID already received (an attempt whose outcome "
					+ "had not reached the desk within the attempt timeout: the sender killed between the mail server's "
					+ "copy and its 250, or still waiting on a slow server): one message in the office's mailbox; not "
					+ "counted as duplicates");
		}
		return copies;
	}

	/** Webhooks are at least once (receivers deduplicate by event id): repeated calls are reported, not counted. */
	private void webhooks(Set<String> accepted, Findings findings) {
		Map<String, String> noteOfDelivery = new HashMap<>();
		for (String noteId : accepted) {
			this.archive.deliveries().getOrDefault(noteId, List.of()).stream()
				.filter((e) -> e.deliveryId() != null)
				.forEach((e) -> noteOfDelivery.put(e.deliveryId(), noteId));
		}
		long repeated = this.webhookCalls.entrySet().stream()
			.filter((e) -> e.getValue() > 1 && noteOfDelivery.containsKey(e.getKey()))
			.count();
		if (repeated > 0) {
			findings.note(repeated + " webhook deliveries called more than once (at-least-once; receivers deduplicate"
					+ " by X-Valise-Event-Id)");
		}
	}

	private Double recovery(ScenarioRun run) {
		Instant latest = run.healedAt();
		for (NoteLoad.Submitted submitted : run.submitted()) {
			if (submitted.result() != NoteLoad.Result.ACCEPTED || !submitted.firstSentAt().isBefore(run.healedAt())) {
				continue;
			}
			Instant delivered = this.watch.deliveredAt(submitted.noteId());
			if (delivered == null) {
				return null;
			}
			if (delivered.isAfter(latest)) {
				latest = delivered;
			}
		}
		return Duration.between(run.healedAt(), latest).toMillis() / 1000.0;
	}

	/** Registry numbers per year over every registration on the topic: 1..N expected, none twice. */
	private Numbering numbering() {
		Map<String, List<String>> byNumber = this.archive.routed()
			.values()
			.stream()
			.flatMap(List::stream)
			.filter(Routed::registration)
			.filter((r) -> r.revision() == 1)
			.collect(Collectors.groupingBy(Routed::registryNumber, Collectors.mapping(Routed::noteId, Collectors.toList())));
		Numbering numbering = new Numbering();
		Map<String, TreeSet<Integer>> perYear = new TreeMap<>();
		for (Map.Entry<String, List<String>> entry : byNumber.entrySet()) {
			if (new HashSet<>(entry.getValue()).size() > 1) {
				numbering.twice.add(entry.getKey());
			}
			String[] parts = entry.getKey().split("/");
			perYear.computeIfAbsent(parts[0] + "/" + parts[1], (year) -> new TreeSet<>()).add(Integer.parseInt(parts[2]));
		}
		perYear.forEach((year, sequence) -> {
			for (int n = 1; n <= sequence.last(); n++) {
				if (!sequence.contains(n)) {
					numbering.missing.add(year + "/" + n);
				}
			}
		});
		return numbering;
	}

	private static String examples(List<String> items) {
		return items.stream().limit(EXAMPLES).collect(Collectors.joining(", "))
				+ ((items.size() > EXAMPLES) ? " … (" + items.size() + ")" : "");
	}

	/** Numbers given to two notes, and numbers missing from a year's sequence. */
	private static final class Numbering {

		final Set<String> twice = new HashSet<>();

		final List<String> missing = new ArrayList<>();

	}

	/** What the audit found, counted, with a few examples of each kind. */
	private static final class Findings {

		int lost;

		int duplicated;

		int stuck;

		int republished;

		private final Map<String, List<String>> examples = new TreeMap<>();

		private final List<String> notes = new ArrayList<>();

		void lost(String what) {
			this.lost++;
			example("lost", what);
		}

		/** A note whose NoteReceived was published more than once as the same event (same ce_id). */
		void republished() {
			this.republished++;
		}

		void stuck(String what) {
			this.stuck++;
			example("stuck", what);
		}

		void duplicate(String what) {
			example("duplicated", what);
		}

		void duplicateEmail(String what) {
			example("duplicate e-mail", what);
		}

		void note(String what) {
			this.notes.add(what);
		}

		List<String> details() {
			List<String> details = new ArrayList<>(this.notes);
			if (this.republished > 0) {
				details.add(this.republished + " notes' NoteReceived published again as the same event (same ce_id: "
						+ "intake's republication of a note it was not sure it had published; readers drop it by ce_id)");
			}
			this.examples.forEach((kind, whats) -> whats.forEach((what) -> details.add(kind + ": " + what)));
			return details;
		}

		private void example(String kind, String what) {
			List<String> list = this.examples.computeIfAbsent(kind, (k) -> new ArrayList<>());
			if (list.size() < EXAMPLES) {
				list.add(what);
			}
			else if (list.size() == EXAMPLES) {
				list.add("…");
			}
		}

	}

}
