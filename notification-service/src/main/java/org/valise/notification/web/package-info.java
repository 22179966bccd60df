/**
 * HTTP error responses as RFC 9457 problem details, naming the field and the reason, never a stack trace.
 */
package org.valise.notification.web;
