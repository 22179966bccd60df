/**
 * What every Valise web API does the same way: RFC 9457 problems for every refusal.
 */
package org.valise.platform.web;
