package org.valise.routing.registry;

/**
 * A registry number such as {@code IN/2026/000123}: unique and gap-free within a year.
 *
 * @param prefix the registry's prefix (e.g. IN for incoming)
 * @param year the year of registration
 * @param sequence the note's number within the year, from 1
 * @param digits how many digits the sequence is padded to
 */
public record RegistryNumber(String prefix, int year, long sequence, int digits) {

	public RegistryNumber {
		if (sequence < 1) {
			throw new IllegalArgumentException("sequence must be 1 or more, was " + sequence);
		}
		if (digits < 1 || digits > 18) {
			throw new IllegalArgumentException("digits must be between 1 and 18, was " + digits);
		}
	}

	@Override
	public String toString() {
		return this.prefix + "/" + this.year + "/" + String.format("%0" + this.digits + "d", this.sequence);
	}

}
