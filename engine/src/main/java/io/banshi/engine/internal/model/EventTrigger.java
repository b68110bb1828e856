package io.banshi.engine.internal.model;

import io.banshi.engine.internal.feel.Expression;

/**
 * What a catching event waits for: a timer (duration, date or cycle, each static ISO 8601
 * or FEEL) or a message (name, and a correlation key evaluated when the element is
 * entered).
 *
 * @param kind timer or message
 * @param timerKind duration, date or cycle (timers only)
 * @param timer the timer expression (timers only)
 * @param messageName the message name (messages only)
 * @param correlationKey the correlation key expression (messages only; {@code null} on
 * message start events)
 * @param errorCode the error code of an error start event ({@code null}: any error)
 */
public record EventTrigger(Kind kind, TimerKind timerKind, Expression timer, Expression messageName,
		Expression correlationKey, String errorCode) {

	/** Timer or message. */
	public enum Kind {

		TIMER, MESSAGE, ERROR

	}

	/** The three ways BPMN writes a timer. */
	public enum TimerKind {

		DURATION, DATE, CYCLE

	}

	public static EventTrigger timer(TimerKind kind, Expression expression) {
		return new EventTrigger(Kind.TIMER, kind, expression, null, null, null);
	}

	public static EventTrigger message(Expression name, Expression correlationKey) {
		return new EventTrigger(Kind.MESSAGE, null, null, name, correlationKey, null);
	}

	public static EventTrigger error(String errorCode) {
		return new EventTrigger(Kind.ERROR, null, null, null, null, errorCode);
	}

	public boolean isError() {
		return this.kind == Kind.ERROR;
	}

	public boolean isTimer() {
		return this.kind == Kind.TIMER;
	}

}
