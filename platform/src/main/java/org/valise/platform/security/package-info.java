/**
 * Authentication and authorisation of every Valise service: OAuth2 resource server over JWT, the caller's roles
 * and office from the token, the scraper's credentials, the secrets check at start, and the local run's token issuer.
 */
package org.valise.platform.security;
