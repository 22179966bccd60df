package org.valise.routing.directory;

/**
 * What an office may receive.
 *
 * @param confidential whether it may receive notes the sender marked confidential
 */
public record Clearance(boolean confidential) {
}
