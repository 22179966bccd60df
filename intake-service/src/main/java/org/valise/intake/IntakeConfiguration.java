package org.valise.intake;

import java.time.Clock;

import org.apache.kafka.clients.admin.NewTopic;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.valise.intake.note.IntakeLimits;
import org.valise.intake.parsing.NoteParser;

/**
 * The intake's collaborators: the parser (pure, stateless), the clock, the size limit of a note, and the topic it
 * is the only writer of.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IntakeLimits.class)
class IntakeConfiguration {

	@Bean
	NoteParser noteParser() {
		return new NoteParser();
	}

	@Bean
	NewTopic notesReceivedTopic(@Value("${valise.topics.received}") String name,
			@Value("${valise.topics.partitions}") int partitions) {
		return new NewTopic(name, partitions, (short) -1);
	}

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

}
