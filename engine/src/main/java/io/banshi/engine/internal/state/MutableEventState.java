package io.banshi.engine.internal.state;

import io.banshi.engine.internal.state.Entities.MessageSubscription;
import io.banshi.engine.internal.state.Entities.Timer;

/**
 * Writes timers and message subscriptions of one process instance. They are not loaded
 * with the instance: a command adds, reschedules and deletes rows by key, and closing an
 * element's event scope deletes every timer and subscription it owns.
 */
public interface MutableEventState {

	void addTimer(Timer timer);

	void updateTimer(Timer timer);

	void deleteTimer(long timerKey);

	void addSubscription(MessageSubscription subscription);

	/**
	 * Deletes the timers and subscriptions an element instance owns (its own, or its
	 * boundary events').
	 * @param elementInstanceKey the element instance
	 */
	void closeEventScope(long elementInstanceKey);

	/**
	 * Whether an element instance still exists and its events were not closed in this
	 * command.
	 * @param elementInstanceKey the element instance
	 * @return true when an event of it may still be triggered
	 */
	boolean isEventScopeOpen(long elementInstanceKey);

	/**
	 * Remembers that a buffered message correlated to this instance.
	 * @param messageKey the message
	 */
	void messageCorrelated(long messageKey);

	boolean hasCorrelated(long messageKey);

}
