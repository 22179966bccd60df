package org.valise.notification.delivery;

import java.net.URI;
import java.util.UUID;

/**
 * Signs the one-time acknowledgement link every delivery carries: the sender asks for one link per job and knows
 * nothing of how it is signed (the acknowledgement desk's {@code AcknowledgementLinks} signs and checks them).
 */
@FunctionalInterface
public interface AcknowledgementLinkSigner {

	/** A new link (with a token of its own) by which this office acknowledges this note. */
	URI link(UUID noteId, String office);

}
