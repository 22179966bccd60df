package org.valise.platform.kafka;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;

import static org.assertj.core.api.Assertions.assertThat;

class BoundedRocksDbMemoryTests {

	@TempDir
	Path stores;

	@Test
	void givesEveryStoreOfTheProcessOneCacheAndOneBudgetForItsMemtables() throws Exception {
		Map<String, Object> configs = Map.of(BoundedRocksDbMemory.MEMORY_CONFIG, String.valueOf(32L * 1024 * 1024),
				BoundedRocksDbMemory.MEMTABLES_CONFIG, String.valueOf(8L * 1024 * 1024));
		try (Options tracking = options(); Options outbox = options()) {
			new BoundedRocksDbMemory().setConfig("note-tracking", tracking, configs);
			new BoundedRocksDbMemory().setConfig("delivery-outbox", outbox, configs);

			BoundedRocksDbMemory.Shared shared = BoundedRocksDbMemory.shared(Map.of());
			assertThat(tracking.writeBufferManager()).isSameAs(shared.writeBuffers());
			assertThat(outbox.writeBufferManager()).isSameAs(shared.writeBuffers());
			assertThat(((BlockBasedTableConfig) tracking.tableFormatConfig()).cacheIndexAndFilterBlocks()).isTrue();
			assertThat(tracking.writeBufferSize()).isEqualTo(shared.memtables() / 4);
			assertThat(shared.memtables()).isLessThanOrEqualTo(shared.memory() / 2);

			// A store opened with these options works.
			tracking.setCreateIfMissing(true);
			try (RocksDB db = RocksDB.open(tracking, this.stores.resolve("note-tracking").toString())) {
				db.put("note".getBytes(StandardCharsets.UTF_8), "state".getBytes(StandardCharsets.UTF_8));
				assertThat(new String(db.get("note".getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8))
					.isEqualTo("state");
			}
		}
	}

	private static Options options() {
		Options options = new Options();
		options.setTableFormatConfig(new BlockBasedTableConfig());
		return options;
	}

}
