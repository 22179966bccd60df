package org.valise.routing.routing;

/** Whether a rule chose the destination or the note went to triage. */
public enum Outcome {

	/** A rule chose the destination. */
	ROUTED,

	/** No rule could; a registry clerk decides. */
	TRIAGE

}
