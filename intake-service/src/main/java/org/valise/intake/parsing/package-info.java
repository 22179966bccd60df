/**
 * The note verbale parser: pure, deterministic extraction of reference, date, parties, enclosures and requests.
 */
package org.valise.intake.parsing;
