package org.valise.notification.acknowledgement;

/**
 * The office a request's bearer token belongs to.
 *
 * @param id the office id, e.g. ODG
 */
record AuthenticatedOffice(String id) {
}
