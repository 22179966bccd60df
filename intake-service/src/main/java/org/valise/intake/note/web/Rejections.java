package org.valise.intake.note.web;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** Counts every submission intake refuses, by the type of its problem ({@code valise.notes.rejected}). */
final class Rejections {

	private Rejections() {
	}

	static void count(MeterRegistry meters, String type) {
		Counter.builder("valise.notes.rejected")
			.description("Submissions intake refused, by reason")
			.tag("reason", type)
			.register(meters)
			.increment();
	}

}
