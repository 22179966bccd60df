package org.valise.routing.registry;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.valise.routing.directory.Directory;
import org.valise.routing.directory.Office;
import org.valise.routing.registry.RoutingCommand.RequestedCopy;
import org.valise.routing.routing.Copy;
import org.valise.routing.routing.Explanation;
import org.valise.routing.routing.Outcome;

/**
 * A registry clerk's decision on a registered note: checks it against the directory in force (the office and the
 * copies exist, a confidential note goes only to offices cleared for it, a reason is given) and makes it the next
 * revision of the decision in force, with rule {@code manual}. Copies left out keep those in force.
 */
public final class ManualRouting {

	/** Rule id of decisions taken by a clerk. */
	public static final String RULE = "manual";

	/** The longest reason a clerk may give (it is kept in the note's record and its events). */
	public static final int MAX_REASON = 2000;

	private ManualRouting() {
	}

	/**
	 * What is wrong with a clerk's decision, if anything.
	 *
	 * @param field the field at fault ({@code officeId}, {@code copies[0].officeId}, {@code reason})
	 * @param detail one sentence
	 */
	public record Problem(String field, String detail) {
	}

	/**
	 * The first problem with routing a note that way, if any.
	 * @param confidential whether the note is confidential ({@code null} when not known yet)
	 */
	public static Optional<Problem> problemWith(String officeId, List<RequestedCopy> copies, String reason,
			Directory directory, Boolean confidential) {
		if (officeId == null || officeId.isBlank()) {
			return Optional.of(new Problem("officeId", "officeId is required: the id of the destination office"));
		}
		Optional<Office> office = directory.find(officeId);
		if (office.isEmpty()) {
			return Optional.of(new Problem("officeId", "'" + officeId + "' is not an office of the directory"));
		}
		if (Boolean.TRUE.equals(confidential) && !office.get().clearedForConfidential()) {
			return Optional.of(new Problem("officeId", "the note is confidential and office '" + officeId
					+ "' is not cleared for confidential notes"));
		}
		if (reason == null || reason.isBlank()) {
			return Optional.of(new Problem("reason", "reason is required: say why the note goes there"));
		}
		if (reason.length() > MAX_REASON) {
			return Optional.of(new Problem("reason", "reason is " + reason.length() + " characters long: at most "
					+ MAX_REASON + " are kept"));
		}
		List<RequestedCopy> requested = copies == null ? List.of() : copies;
		for (int i = 0; i < requested.size(); i++) {
			String field = "copies[" + i + "].officeId";
			RequestedCopy copy = requested.get(i);
			if (copy == null || copy.officeId() == null || directory.find(copy.officeId()).isEmpty()) {
				return Optional.of(new Problem(field, "'" + (copy == null ? null : copy.officeId())
						+ "' is not an office of the directory"));
			}
			if (Boolean.TRUE.equals(confidential) && !directory.find(copy.officeId()).get().clearedForConfidential()) {
				return Optional.of(new Problem(field, "the note is confidential and office '" + copy.officeId()
						+ "' is not cleared for confidential notes"));
			}
		}
		return Optional.empty();
	}

	/**
	 * The next revision of the decision in force, as the clerk ordered; the command must have no problem.
	 * @param deadline when the destination must acknowledge, counted from now
	 */
	static NoteRouted apply(NoteRouted inForce, RoutingCommand command, Directory directory, Instant now,
			Instant deadline) {
		Office destination = directory.find(command.officeId()).orElseThrow();
		boolean confidential = inForce.note().confidential();
		List<Copy> copies = new ArrayList<>();
		if (command.copies() == null) {
			inForce.copies()
				.forEach(kept -> directory.find(kept.office().id())
					.ifPresent(office -> copies.add(new Copy(office, kept.purpose()))));
		}
		else {
			command.copies().forEach(copy -> copies.add(new Copy(directory.find(copy.officeId()).orElseThrow(),
					copy.purpose())));
		}
		List<Copy> kept = copies.stream()
			.filter(copy -> !copy.office().equals(destination))
			.filter(copy -> !confidential || copy.office().clearedForConfidential())
			.distinct()
			.toList();
		boolean triage = Directory.TRIAGE_ID.equals(destination.id());
		String summary = triage ? "Sent back to triage by " + command.clerk() + ": " + command.reason()
				: "Routed by hand by " + command.clerk() + " to the " + destination.name() + ": " + command.reason();
		Explanation why = new Explanation(RULE, summary.endsWith(".") ? summary : summary + ".",
				List.of(command.reason()));
		return inForce.decidedByClerk(now, triage ? Outcome.TRIAGE : Outcome.ROUTED, destination, kept, deadline, why,
				command.clerk(), command.reason());
	}

}
