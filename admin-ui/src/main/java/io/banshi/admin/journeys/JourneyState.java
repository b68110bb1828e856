package io.banshi.admin.journeys;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * The states the console sorts journeys into. The engine knows ACTIVE, COMPLETED and
 * TERMINATED; the console splits ACTIVE into running, waiting on the user (a
 * {@code confirm} job or a catch event is open) and incident (an incident is open).
 */
public enum JourneyState {

	/** Active, neither waiting on the user nor stopped by an incident. */
	RUNNING,

	/** Active and waiting: a {@code confirm} job or a message or timer catch is open. */
	WAITING,

	/** Active and stopped by an open incident. */
	INCIDENT,

	/** Ended normally. */
	COMPLETED,

	/** Canceled (the engine's TERMINATED). */
	CANCELED;

	/**
	 * Reads a state from a request parameter.
	 * @param text the parameter, any case; blank means none
	 * @return the state, or {@code null} for none or an unknown name
	 */
	static JourneyState parse(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return valueOf(text.trim().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	/**
	 * Zero journeys in every state.
	 * @return the counts
	 */
	static Map<JourneyState, Long> none() {
		Map<JourneyState, Long> counts = new EnumMap<>(JourneyState.class);
		for (JourneyState state : values()) {
			counts.put(state, 0L);
		}
		return counts;
	}

	/**
	 * The message key of this state's name.
	 * @return the key
	 */
	public String messageKey() {
		return "journeys.state." + name().toLowerCase(Locale.ROOT);
	}

}
