package io.banshi.engine.internal.scheduling;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.banshi.engine.EngineClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's one scheduler: every sweep interval it asks each {@link DueWork} to handle
 * what is due by the {@link EngineClock}. Because due times are rows in the database and
 * "now" comes from the clock, work that fell due while the engine was down runs on the
 * first sweep after a restart, and a test that moves its clock sees a week pass at once.
 */
public final class EngineScheduler implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(EngineScheduler.class);

	private final EngineClock clock;

	private final ScheduledExecutorService executor;

	private final List<DueWork> work = new CopyOnWriteArrayList<>();

	public EngineScheduler(EngineClock clock, ScheduledExecutorService executor) {
		this.clock = clock;
		this.executor = executor;
	}

	/**
	 * Adds a kind of due work.
	 * @param dueWork the work
	 */
	public void register(DueWork dueWork) {
		this.work.add(dueWork);
	}

	/**
	 * Starts sweeping.
	 * @param intervalMillis the sweep interval
	 */
	public void start(long intervalMillis) {
		this.executor.scheduleWithFixedDelay(this::sweep, intervalMillis, intervalMillis, TimeUnit.MILLISECONDS);
	}

	/** Runs every kind of due work once, now. */
	public void sweep() {
		long now = this.clock.millis();
		for (DueWork dueWork : this.work) {
			try {
				dueWork.runDue(now);
			}
			catch (RuntimeException ex) {
				logger.warn("Scheduled engine work failed; it runs again on the next sweep", ex);
			}
		}
	}

	@Override
	public void close() {
		this.executor.shutdownNow();
	}

}
