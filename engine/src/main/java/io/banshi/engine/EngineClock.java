package io.banshi.engine;

/**
 * The engine's source of time: job deadlines, retry back-offs and (later) timers are
 * measured against it. Production uses {@link #system()}; tests may pass a clock they can
 * move, so that a back-off of a minute takes milliseconds.
 */
@FunctionalInterface
public interface EngineClock {

	/**
	 * The current time.
	 * @return epoch milliseconds
	 */
	long millis();

	/**
	 * The wall clock.
	 * @return a clock that reads {@link System#currentTimeMillis()}
	 */
	static EngineClock system() {
		return System::currentTimeMillis;
	}

}
