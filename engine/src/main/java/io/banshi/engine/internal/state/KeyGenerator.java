package io.banshi.engine.internal.state;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;

/**
 * Hands out Zeebe-style 64-bit keys: the partition id (always 1) in the bits above 51, a
 * counter below. Keys are reserved from {@code eng_run_key_block} in blocks, in a short
 * transaction of their own, so several engine nodes on one database never hand out the
 * same key and a restart only skips the unused rest of a block.
 *
 * <p>
 * Commands ask for keys inside their own transaction, holding a pooled connection. So
 * that they never need a second connection (a full pool would then wait on itself), the
 * next block is reserved in the background as soon as the current one is half used.
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

	private final Executor background;

	private long next;

	private long limit;

	private CompletableFuture<Long> nextBlock;

	public KeyGenerator(Transactions transactions, int blockSize, Executor background) {
		this.transactions = transactions;
		this.blockSize = blockSize;
		this.background = background;
	}

	/**
	 * Returns a new key.
	 * @return the key
	 */
	public synchronized long nextKey() {
		if (this.next >= this.limit) {
			long start;
			if (this.nextBlock != null) {
				start = join(this.nextBlock);
				this.nextBlock = null;
			}
			else {
				start = reserveBlock();
			}
			this.next = start;
			this.limit = start + this.blockSize;
		}
		if (this.nextBlock == null && this.limit - this.next <= this.blockSize / 2) {
			this.nextBlock = CompletableFuture.supplyAsync(this::reserveBlock, this.background);
		}
		return this.next++;
	}

	private static long join(CompletableFuture<Long> block) {
		try {
			return block.get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while reserving keys", ex);
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException("Could not reserve keys: " + ex.getCause().getMessage(), ex.getCause());
		}
	}

	private long reserveBlock() {
		return this.transactions.inTransaction((connection) -> {
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
