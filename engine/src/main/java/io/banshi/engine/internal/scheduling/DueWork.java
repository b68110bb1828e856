package io.banshi.engine.internal.scheduling;

/**
 * Something that falls due by the engine's clock and lives in the database: expired job
 * activations and ended retry back-offs today; timers and message time-to-live with
 * Engine II. Each kind finds its due rows with {@code FOR UPDATE SKIP LOCKED}, so every
 * node of a cluster may run it and none does the same row twice.
 */
@FunctionalInterface
public interface DueWork {

	/**
	 * Handles everything due at {@code now}, in its own transactions.
	 * @param now the engine clock's time (epoch ms)
	 */
	void runDue(long now);

}
