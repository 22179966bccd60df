package org.valise.routing.registry;

import java.time.Instant;
import java.util.List;

import org.valise.routing.routing.Purpose;

/**
 * A clerk's order to route a note by hand (from triage, or again), written to {@code routing.commands.v1} and
 * carried out by the registry topology, so that every NoteRouted keeps coming from the one transactional writer,
 * in order with the automatic decisions.
 *
 * @param commandId a new UUID per command
 * @param noteId the note to route
 * @param officeId the destination office's id
 * @param copies the copies, or {@code null} to keep those in force
 * @param reason why, in the clerk's words
 * @param clerk who decided
 * @param requestedAt when
 */
public record RoutingCommand(String commandId, String noteId, String officeId, List<RequestedCopy> copies,
		String reason, String clerk, Instant requestedAt) {

	/**
	 * A copy a clerk asks for.
	 *
	 * @param officeId the office's id
	 * @param purpose for action or for information ({@code INFORMATION} when left out)
	 */
	public record RequestedCopy(String officeId, Purpose purpose) {

		public RequestedCopy {
			purpose = purpose == null ? Purpose.INFORMATION : purpose;
		}

	}

}
