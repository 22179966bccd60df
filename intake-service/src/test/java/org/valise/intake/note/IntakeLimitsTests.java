package org.valise.intake.note;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Intake's limits as configuration gives them ({@code valise.intake.*}): defaults, the ones derived from the record
 * limit and from {@code max-note-size}, and bounds that keep a service from starting with a limit that protects
 * nothing.
 */
class IntakeLimitsTests {

	private final ApplicationContextRunner context = new ApplicationContextRunner()
		.withUserConfiguration(Limits.class);

	@Test
	void defaultsToNotesOfTheRecordLimitLessTheReserveAndLimitsDerivedFromThem() {
		this.context.run((context) -> {
			IntakeLimits limits = context.getBean(IntakeLimits.class);
			assertThat(limits).isEqualTo(IntakeLimits.defaults());
			assertThat(limits.maxRecordSize()).isEqualTo(DataSize.ofMegabytes(1));
			assertThat(limits.maxEventSize()).isEqualTo(DataSize.ofKilobytes(960));
			assertThat(limits.maxNoteSize()).isEqualTo(DataSize.ofKilobytes(960));
			assertThat(limits.fileTimeBudget()).isEqualTo(Duration.ofSeconds(5));
			assertThat(limits.pdf().maxPages()).isEqualTo(100);
			assertThat(limits.pdf().maxDecodedSize()).isEqualTo(DataSize.ofMegabytes(15));
			assertThat(limits.pdf().maxPageCharacters()).isEqualTo(50_000);
			assertThat(limits.mail().maxParts()).isEqualTo(100);
			assertThat(limits.mail().maxDepth()).isEqualTo(5);
			assertThat(limits.mail().maxDecodedSize()).isEqualTo(DataSize.ofKilobytes(3840));
			assertThat(limits.rateLimit().enabled()).isTrue();
			assertThat(limits.rateLimit().requests()).isEqualTo(60);
			assertThat(limits.rateLimit().per()).isEqualTo(Duration.ofMinutes(1));
			assertThat(limits.rateLimit().burst()).isEqualTo(60);
		});
	}

	@Test
	void derivesTheNoteAndEventLimitsFromTheOneRecordLimit() {
		this.context.withPropertyValues("valise.intake.max-record-size=2MB").run((context) -> {
			IntakeLimits limits = context.getBean(IntakeLimits.class);
			assertThat(limits.maxEventSize()).isEqualTo(DataSize.ofKilobytes(2048 - 64));
			assertThat(limits.maxNoteSize()).isEqualTo(DataSize.ofKilobytes(2048 - 64));
			assertThat(limits.pdf().maxDecodedSize()).isEqualTo(DataSize.ofKilobytes(16 * (2048 - 64)));
		});
	}

	@Test
	void derivesWhatFilesMayExpandToFromTheLargestNote() {
		this.context.withPropertyValues("valise.intake.max-note-size=512KB").run((context) -> {
			IntakeLimits limits = context.getBean(IntakeLimits.class);
			assertThat(limits.maxEventSize()).isEqualTo(DataSize.ofKilobytes(960));
			assertThat(limits.pdf().maxDecodedSize()).isEqualTo(DataSize.ofMegabytes(8));
			assertThat(limits.mail().maxDecodedSize()).isEqualTo(DataSize.ofMegabytes(2));
		});
	}

	@Test
	void takesEachLimitAsConfigured() {
		this.context.withPropertyValues("valise.intake.pdf.max-pages=20", "valise.intake.pdf.max-decoded-size=4MB",
				"valise.intake.mail.max-parts=10", "valise.intake.rate-limit.requests=600",
				"valise.intake.rate-limit.per=1h", "valise.intake.rate-limit.burst=20").run((context) -> {
					IntakeLimits limits = context.getBean(IntakeLimits.class);
					assertThat(limits.pdf().maxPages()).isEqualTo(20);
					assertThat(limits.pdf().maxDecodedSize()).isEqualTo(DataSize.ofMegabytes(4));
					assertThat(limits.mail().maxParts()).isEqualTo(10);
					assertThat(limits.rateLimit().burst()).isEqualTo(20);
				});
	}

	@Test
	void refusesToStartWithALimitThatProtectsNothing() {
		for (String setting : new String[] { "valise.intake.pdf.max-pages=0", "valise.intake.mail.max-depth=500",
				"valise.intake.max-note-size=0", "valise.intake.file-time-budget=0s", "valise.intake.rate-limit.requests=0",
				"valise.intake.pdf.max-page-characters=10", "valise.intake.max-record-size=64KB" }) {
			this.context.withPropertyValues(setting)
				.run((context) -> assertThat(context).as(setting).hasFailed());
		}
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(IntakeLimits.class)
	static class Limits {

	}

}
