/**
 * Who may call intake (the platform's OAuth2 resource server, with intake's routes).
 */
package org.valise.intake.security;
