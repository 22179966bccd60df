package org.valise.notification.tracking;

/** Bounds on the free text the tracking view keeps, so that no view outgrows a Kafka record. */
final class Texts {

	private Texts() {
	}

	/** The text, cut to {@code max} characters (an ellipsis marking the cut); null stays null. */
	static String bounded(String text, int max) {
		if (text == null || text.length() <= max) {
			return text;
		}
		return text.substring(0, max - 1) + "…";
	}

}
