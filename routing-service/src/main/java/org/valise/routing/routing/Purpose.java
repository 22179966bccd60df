package org.valise.routing.routing;

/** Why an office receives a copy. */
public enum Purpose {

	/** It must act on part of the note (e.g. an enclosure addressed to it). */
	ACTION,

	/** It should know (e.g. the subject is its field). */
	INFORMATION

}
