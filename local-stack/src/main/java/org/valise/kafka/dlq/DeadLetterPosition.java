package org.valise.kafka.dlq;

/**
 * Where a record is: {@code topic-partition@offset}, the form of {@code x-valise-replayed-from}, of the replay
 * ledger's keys and of the tool's output.
 *
 * @param topic the topic
 * @param partition the partition
 * @param offset the offset
 */
record DeadLetterPosition(String topic, int partition, long offset) {

	/**
	 * A position named on the command line as {@code PARTITION@OFFSET}.
	 * @throws IllegalArgumentException when it is not two non-negative numbers around an {@code @}
	 */
	static DeadLetterPosition parse(String topic, String partitionAtOffset) {
		int at = partitionAtOffset.indexOf('@');
		try {
			int partition = Integer.parseInt(partitionAtOffset.substring(0, Math.max(at, 0)));
			long offset = Long.parseLong(partitionAtOffset.substring(at + 1));
			if (at > 0 && partition >= 0 && offset >= 0) {
				return new DeadLetterPosition(topic, partition, offset);
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		throw new IllegalArgumentException("--offset " + partitionAtOffset + " is not PARTITION@OFFSET (e.g. 1@17)");
	}

	@Override
	public String toString() {
		return this.topic + "-" + this.partition + "@" + this.offset;
	}

}
