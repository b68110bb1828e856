package io.banshi.engine.internal.model;

/**
 * An element that waits for a timer or a message: an intermediate catch event, a receive
 * task, a timer or message start event, or an event that follows an event-based gateway.
 */
public final class ExecutableCatchEvent extends ExecutableElement {

	private final EventTrigger trigger;

	public ExecutableCatchEvent(String id, ElementType type, EventTrigger trigger) {
		super(id, type);
		this.trigger = trigger;
	}

	public EventTrigger trigger() {
		return this.trigger;
	}

}
