package org.valise.routing.routing;

import org.valise.routing.directory.Office;

/**
 * An office that receives a copy of a routed note.
 *
 * @param office the office
 * @param purpose why
 */
public record Copy(Office office, Purpose purpose) {
}
