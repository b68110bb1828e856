package io.banshi.engine.internal.state;

import java.sql.PreparedStatement;
import java.sql.ResultSet;

/**
 * Hands out Zeebe-style 64-bit keys: the partition id (always 1) in the bits above 51, a
 * counter below. Keys are reserved from {@code eng_run_key_block} in blocks, in a short
 * transaction of their own, so several engine nodes on one database never hand out the
 * same key and a restart only skips the unused rest of a block.
 */
public final class KeyGenerator {

	/** The only partition. */
	public static final int PARTITION_ID = 1;

	/** Where Zeebe puts the partition id. */
	public static final int PARTITION_BITS_SHIFT = 51;

	private static final String SELECT_BLOCK = "SELECT next_key FROM eng_run_key_block WHERE partition_id = ? FOR UPDATE";

	private static final String UPDATE_BLOCK = "UPDATE eng_run_key_block SET next_key = ? WHERE partition_id = ?";

	private final Transactions transactions;

	private final int blockSize;

	private long next;

	private long limit;

	public KeyGenerator(Transactions transactions, int blockSize) {
		this.transactions = transactions;
		this.blockSize = blockSize;
	}

	/**
	 * Returns a new key.
	 * @return the key
	 */
	public synchronized long nextKey() {
		if (this.next >= this.limit) {
			reserveBlock();
		}
		return this.next++;
	}

	private void reserveBlock() {
		long start = this.transactions.inTransaction((connection) -> {
			long first;
			try (PreparedStatement select = connection.prepareStatement(SELECT_BLOCK)) {
				select.setInt(1, PARTITION_ID);
				try (ResultSet rs = select.executeQuery()) {
					if (!rs.next()) {
						throw new IllegalStateException("eng_run_key_block has no row for partition " + PARTITION_ID);
					}
					first = rs.getLong(1);
				}
			}
			try (PreparedStatement update = connection.prepareStatement(UPDATE_BLOCK)) {
				update.setLong(1, first + this.blockSize);
				update.setInt(2, PARTITION_ID);
				update.executeUpdate();
			}
			return first;
		});
		this.next = start;
		this.limit = start + this.blockSize;
	}

	/**
	 * Returns the partition id encoded in a key.
	 * @param key a key
	 * @return the partition id
	 */
	public static int partitionOf(long key) {
		return (int) (key >> PARTITION_BITS_SHIFT);
	}

}
