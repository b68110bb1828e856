package io.banshi.engine.internal.state;

/**
 * The states of an element instance, as Zeebe names them. {@link #NEW} is the state
 * before the instance exists.
 */
public enum ElementStatus {

	NEW, ACTIVATING, ACTIVATED, COMPLETING, COMPLETED, TERMINATING, TERMINATED;

	/** The element instance lifecycle table. */
	public static final Lifecycle<ElementStatus, ElementEvent> LIFECYCLE = Lifecycle
		.of("element instance", ElementStatus.class, ElementEvent.class)
		.on(NEW, ElementEvent.ACTIVATE, ACTIVATING)
		.on(ACTIVATING, ElementEvent.ACTIVATED, ACTIVATED)
		.on(ACTIVATED, ElementEvent.COMPLETE, COMPLETING)
		.on(COMPLETING, ElementEvent.COMPLETED, COMPLETED)
		.on(ACTIVATING, ElementEvent.TERMINATE, TERMINATING)
		.on(ACTIVATED, ElementEvent.TERMINATE, TERMINATING)
		.on(COMPLETING, ElementEvent.TERMINATE, TERMINATING)
		.on(TERMINATING, ElementEvent.TERMINATED, TERMINATED);

	/** The events that move an element instance through its lifecycle. */
	public enum ElementEvent {

		ACTIVATE, ACTIVATED, COMPLETE, COMPLETED, TERMINATE, TERMINATED

	}

}
