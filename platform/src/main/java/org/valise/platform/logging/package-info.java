/**
 * Logging the same way in every service: one line per message, control characters neutralised.
 */
package org.valise.platform.logging;
