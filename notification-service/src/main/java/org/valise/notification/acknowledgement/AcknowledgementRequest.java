package org.valise.notification.acknowledgement;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code POST /api/v1/notes/{noteId}/acknowledgements}.
 *
 * @param acknowledgedBy who acknowledges for the office, e.g. Chef de Cabinet
 * @param comment optional comment
 */
record AcknowledgementRequest(@NotBlank @Size(max = 200) String acknowledgedBy, @Size(max = 2000) String comment) {
}
