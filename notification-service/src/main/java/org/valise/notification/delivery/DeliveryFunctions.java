package org.valise.notification.delivery;

import java.util.function.Consumer;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.valise.notification.ValiseProperties;
import org.valise.notification.event.CloudEvents;
import org.valise.notification.event.DeliveryEvents;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.integration.annotation.ServiceActivator;
import org.springframework.integration.context.IntegrationContextUtils;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.support.ErrorMessage;

/**
 * The delivery binding: {@code deliverNote} consumes {@code notes.routed.v1} (group notification-service,
 * read_committed); the binder retries a failed note (max-attempts, back-off) and then hands it to
 * {@link #gaveUp(ErrorMessage)}, which logs it (a failed-delivery event and a DLQ are a later issue).
 */
@Configuration(proxyBeanMethods = false)
class DeliveryFunctions {

	private static final Logger log = LoggerFactory.getLogger(DeliveryFunctions.class);

	@Bean
	NoteMailComposer noteMailComposer(ValiseProperties properties) {
		return new NoteMailComposer(properties.publicUrl());
	}

	@Bean
	NoteDeliverer noteDeliverer(JsonMapper json, NoteMailComposer composer, NoteMailer mailer, DeliveryEvents events,
			MeterRegistry meters) {
		return new NoteDeliverer(json, composer, mailer, events, meters);
	}

	@Bean
	Consumer<Message<String>> deliverNote(NoteDeliverer deliverer) {
		return (message) -> {
			MessageHeaders headers = message.getHeaders();
			deliverer.deliver(message.getPayload(), attribute(headers, "id"), attribute(headers, "traceid"));
		};
	}

	// Spring Cloud Function's CloudEvents support may present an attribute as ce-<name> instead of ce_<name>.
	private static String attribute(MessageHeaders headers, String name) {
		Object value = headers.get("ce_" + name);
		return CloudEvents.text((value != null) ? value : headers.get("ce-" + name));
	}

	@ServiceActivator(inputChannel = IntegrationContextUtils.ERROR_CHANNEL_BEAN_NAME)
	void gaveUp(ErrorMessage error) {
		Throwable cause = NestedExceptionUtils.getMostSpecificCause(error.getPayload());
		for (Throwable t = error.getPayload(); t != null; t = t.getCause()) {
			if (t instanceof NoteNotDelivered failure) {
				log.error("Gave up delivering note {} ({}) to {} after the binder's retries: {}", failure.noteId(),
						failure.registryNumber(), failure.address(), cause.toString());
				return;
			}
		}
	}

}
