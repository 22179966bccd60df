package org.valise.notification.tracking;

import java.util.Set;

/**
 * Why an acknowledgement is refused.
 *
 * @param outcome CONFLICT, FORBIDDEN or GONE (as in {@link org.valise.notification.command.CommandResult})
 * @param detail the reason, completing "Note … is …: "
 * @param allowedOffices the offices that may acknowledge
 */
public record Refusal(String outcome, String detail, Set<String> allowedOffices) {
}
