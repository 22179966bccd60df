/**
 * The OpenAPI description every service serves with springdoc, configured once: its title, the security schemes
 * (bearer JWT for the API, HTTP Basic for the metrics scraper) with each operation's requirement taken from the
 * service's security rules, the problem responses, and the routes that open the description and Swagger UI.
 */
package org.valise.platform.apidocs;
