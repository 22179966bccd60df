/**
 * Bearer-token authentication of the API clients (registries, systems) that submit notes.
 */
package org.valise.intake.security;
