/**
 * The intake HTTP API: text, JSON and file submissions, their size limit, and RFC 9457 problems for refusals.
 */
package org.valise.intake.note.web;
