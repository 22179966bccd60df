package org.valise.routing.routing;

/** Whether a rule (or a clerk) chose the destination, the note went to triage, or it was already registered. */
public enum Outcome {

	/** A rule, or a registry clerk, chose the destination. */
	ROUTED,

	/** No rule could; a registry clerk decides. */
	TRIAGE,

	/** The note was already registered (same sender and reference, or the same submission retried). */
	DUPLICATE

}
