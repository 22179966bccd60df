package org.valise.intake;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.valise.intake.kafka.BrokerProperties;
import org.valise.intake.note.IntakeLimits;
import org.valise.intake.parsing.NoteParser;

/**
 * The intake's collaborators: the parser (pure, stateless), the limits of a note, and how the broker is watched.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ IntakeLimits.class, BrokerProperties.class })
class IntakeConfiguration {

	@Bean
	NoteParser noteParser() {
		return new NoteParser();
	}

}
