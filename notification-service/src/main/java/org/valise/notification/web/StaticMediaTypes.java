package org.valise.notification.web;

import java.util.Map;

import org.springframework.boot.web.server.MimeMappings;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.server.servlet.ConfigurableServletWebServerFactory;
import org.springframework.stereotype.Component;

/**
 * Serves the published contract ({@code /asyncapi.yaml}) as {@code application/yaml} (RFC 9512), which the servlet
 * container does not know by itself.
 */
@Component
class StaticMediaTypes implements WebServerFactoryCustomizer<ConfigurableServletWebServerFactory> {

	@Override
	public void customize(ConfigurableServletWebServerFactory factory) {
		factory.addMimeMappings(new MimeMappings(Map.of("yaml", "application/yaml", "yml", "application/yaml")));
	}

}
