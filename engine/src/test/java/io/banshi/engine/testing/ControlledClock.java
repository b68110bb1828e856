package io.banshi.engine.testing;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import io.banshi.engine.EngineClock;

/**
 * An engine clock a test moves by hand, so a back-off of an hour (or, with Engine II, a
 * reminder next week) passes in milliseconds. Only in the test jar: production code never
 * sees it.
 */
public final class ControlledClock implements EngineClock {

	private final AtomicLong now = new AtomicLong(System.currentTimeMillis());

	@Override
	public long millis() {
		return this.now.get();
	}

	/**
	 * Moves the clock forward.
	 * @param duration how far
	 */
	public void advance(Duration duration) {
		this.now.addAndGet(duration.toMillis());
	}

}
