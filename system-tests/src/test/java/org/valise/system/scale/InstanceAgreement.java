package org.valise.system.scale;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.valise.system.faults.ServiceNode;
import org.valise.system.faults.TrackingViews;

/**
 * Whether every notification instance tells the same about every note: each answers {@code GET /api/v1/notes/{id}}
 * for every note (its own or passed on to the instance that holds it) with the same state and deliveries, none still
 * pending, and each instance's search gives the exact total. Asked again until they agree or the bound passes; a note
 * once agreed on is asked again only in the last, complete pass that counts the answers.
 */
final class InstanceAgreement {

	/**
	 * What the instances said.
	 *
	 * @param answeredBy per instance, the notes it answered with a settled view (the one all agree on)
	 * @param searchTotals per instance, its search's total
	 * @param expectedTotal the notes on notes.received.v1 (what every total must be)
	 * @param agreedAt when the pass that found them all agreeing started (they agreed by then on the notes it asked
	 * first, and by its end on every note), or null if they did not agree within the bound
	 * @param passTook how long that pass (or the last one) took: asking every instance about every note open
	 * @param passes how many times the instances were asked before they agreed (1: at once)
	 * @param disagreements a few notes they did not agree on in the last pass that found any, and what each said
	 */
	record Result(Map<String, Integer> answeredBy, Map<String, Long> searchTotals, long expectedTotal,
			Instant agreedAt, Duration passTook, int passes, List<String> disagreements) {

		boolean agreed() {
			return this.agreedAt != null;
		}

	}

	private final List<ServiceNode> notifications;

	private final Supplier<String> clerkToken;

	InstanceAgreement(List<ServiceNode> notifications, Supplier<String> clerkToken) {
		this.notifications = List.copyOf(notifications);
		this.clerkToken = clerkToken;
	}

	/** Asks until every instance agrees on every note and the totals are exact, or the bound passes. */
	Result await(Set<String> noteIds, long expectedTotal, Duration bound) {
		Set<String> open = new HashSet<>(noteIds);
		List<String> disagreements = new ArrayList<>();
		List<String> lastFound = new ArrayList<>();
		AtomicInteger passes = new AtomicInteger();
		AtomicReference<Instant> passStarted = new AtomicReference<>();
		AtomicReference<Duration> passTook = new AtomicReference<>(Duration.ZERO);
		Instant agreedAt = null;
		try {
			Awaitility.await()
				.atMost(bound)
				.pollDelay(Duration.ZERO)
				.pollInterval(Duration.ofSeconds(1))
				.until(() -> {
					passes.incrementAndGet();
					passStarted.set(Instant.now());
					boolean agreed = agreeOnce(open, expectedTotal, disagreements);
					passTook.set(Duration.between(passStarted.get(), Instant.now()));
					if (!disagreements.isEmpty()) {
						lastFound.clear();
						lastFound.addAll(disagreements);
					}
					return agreed;
				});
			agreedAt = passStarted.get();
		}
		catch (ConditionTimeoutException ex) {
			// not within the bound: the result says so, with examples
		}
		return new Result(answeredBy(noteIds), SearchTotals.of(this.notifications, this.clerkToken), expectedTotal,
				agreedAt, passTook.get(), passes.get(), List.copyOf(lastFound));
	}

	/** One pass over the notes not yet agreed on, and the totals; true when nothing is left to agree on. */
	private boolean agreeOnce(Set<String> open, long expectedTotal, List<String> disagreements) {
		disagreements.clear();
		List<TrackingViews> views = views();
		for (String noteId : List.copyOf(open)) {
			String why = disagreement(views, noteId);
			if (why == null) {
				open.remove(noteId);
			}
			else if (disagreements.size() < 5) {
				disagreements.add(why);
			}
		}
		Map<String, Long> totals = SearchTotals.of(this.notifications, this.clerkToken);
		boolean exact = totals.values().stream().allMatch((total) -> total == expectedTotal);
		if (!exact) {
			disagreements.add("search totals " + totals + ", expected " + expectedTotal);
		}
		return open.isEmpty() && exact;
	}

	/** Why the instances do not agree on the note, or null when they do. */
	private static String disagreement(List<TrackingViews> views, String noteId) {
		List<TrackingViews.View> seen = new ArrayList<>();
		for (TrackingViews instance : views) {
			seen.add(instance.of(noteId));
		}
		boolean settled = seen.stream().allMatch((view) -> "ok".equals(view.answer()) && !view.held());
		return (settled && new HashSet<>(seen).size() == 1) ? null : noteId + ": " + seen;
	}

	/** The last, complete pass: per instance, the notes it answered with the view every instance gives. */
	private Map<String, Integer> answeredBy(Set<String> noteIds) {
		List<TrackingViews> views = views();
		Map<String, Integer> answered = new LinkedHashMap<>();
		this.notifications.forEach((node) -> answered.put(node.name(), 0));
		for (String noteId : noteIds) {
			List<TrackingViews.View> seen = new ArrayList<>();
			views.forEach((instance) -> seen.add(instance.of(noteId)));
			for (int i = 0; i < seen.size(); i++) {
				TrackingViews.View view = seen.get(i);
				if ("ok".equals(view.answer()) && !view.held() && view.equals(seen.get(0))) {
					answered.merge(this.notifications.get(i).name(), 1, Integer::sum);
				}
			}
		}
		return answered;
	}

	private List<TrackingViews> views() {
		return this.notifications.stream().map((node) -> new TrackingViews(node, this.clerkToken)).toList();
	}

}
