package org.valise.platform.kafka;

import java.util.Map;

import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Cache;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.WriteBufferManager;

/**
 * One bounded amount of memory outside the heap for all of a process's RocksDB stores (Kafka Streams' "bounded
 * memory" recipe), set as {@code rocksdb.config.setter}. By default every store has a block cache of its own (50 MiB)
 * and up to three 16 MiB memtables: notification's seven stores could take some 700 MiB besides the heap (its peak
 * RSS was 773 MiB with a 256 MiB heap in the full benchmark). Here one LRU cache holds every store's data blocks, its
 * index and filter blocks and, through a write-buffer manager, its memtables: {@value #MEMORY_CONFIG} bytes in all
 * (64 MiB unless set), of which {@value #MEMTABLES_CONFIG} for memtables (16 MiB unless set). Set both in the Streams
 * configuration; the first store of the process fixes them.
 */
public class BoundedRocksDbMemory implements RocksDBConfigSetter {

	/** Bytes for every store's blocks and memtables together. */
	public static final String MEMORY_CONFIG = "valise.rocksdb.memory-bytes";

	/** Of those, bytes for the memtables. */
	public static final String MEMTABLES_CONFIG = "valise.rocksdb.memtable-bytes";

	static final long DEFAULT_MEMORY = 64L * 1024 * 1024;

	static final long DEFAULT_MEMTABLES = 16L * 1024 * 1024;

	/** Share of the cache kept for index and filter blocks (high priority). */
	private static final double INDEX_FILTER_RATIO = 0.1;

	private static Shared shared;

	@Override
	public void setConfig(String storeName, Options options, Map<String, Object> configs) {
		Shared memory = shared(configs);
		BlockBasedTableConfig table = (BlockBasedTableConfig) options.tableFormatConfig();
		table.setBlockCache(memory.cache());
		table.setCacheIndexAndFilterBlocks(true);
		table.setCacheIndexAndFilterBlocksWithHighPriority(true);
		table.setPinTopLevelIndexAndFilter(true);
		options.setTableFormatConfig(table);
		options.setWriteBufferManager(memory.writeBuffers());
		// Memtables within the manager's budget: a few per store, flushed when the whole budget is used.
		options.setWriteBufferSize(Math.max(1024 * 1024, memory.memtables() / 4));
		options.setMaxWriteBufferNumber(2);
	}

	@Override
	public void close(String storeName, Options options) {
		// The cache and the write-buffer manager are the process's, shared by every store: never closed with one.
	}

	/** The process's cache and write-buffer manager, made for its first store. */
	static synchronized Shared shared(Map<String, Object> configs) {
		if (shared == null) {
			long memory = bytes(configs.get(MEMORY_CONFIG), DEFAULT_MEMORY);
			long memtables = Math.min(bytes(configs.get(MEMTABLES_CONFIG), DEFAULT_MEMTABLES), memory / 2);
			Cache cache = new LRUCache(memory, -1, false, INDEX_FILTER_RATIO);
			shared = new Shared(cache, new WriteBufferManager(memtables, cache), memory, memtables);
		}
		return shared;
	}

	private static long bytes(Object value, long otherwise) {
		if (value == null || value.toString().isBlank()) {
			return otherwise;
		}
		long bytes = Long.parseLong(value.toString().trim());
		if (bytes <= 0) {
			throw new IllegalArgumentException("RocksDB memory must be positive: " + value);
		}
		return bytes;
	}

	/** What every store of the process shares. */
	record Shared(Cache cache, WriteBufferManager writeBuffers, long memory, long memtables) {
	}

}
