package org.valise.notification.operations;

/**
 * The operator a request's bearer token belongs to.
 *
 * @param name the operator's name, as configured
 */
record AuthenticatedOperator(String name) {
}
