package io.banshi.engine.internal.model;

/**
 * An element that waits for a timer or a message: an intermediate catch event, a receive
 * task, a timer or message start event, or an event that follows an event-based gateway.
 */
public final class ExecutableCatchEvent extends ExecutableElement {

	private final EventTrigger trigger;

	private final boolean interrupting;

	public ExecutableCatchEvent(String id, ElementType type, EventTrigger trigger) {
		this(id, type, trigger, true);
	}

	public ExecutableCatchEvent(String id, ElementType type, EventTrigger trigger, boolean interrupting) {
		super(id, type);
		this.trigger = trigger;
		this.interrupting = interrupting;
	}

	/**
	 * Whether the start event of an event subprocess interrupts its scope.
	 * @return true for interrupting
	 */
	public boolean interrupting() {
		return this.interrupting;
	}

	/**
	 * Whether this is the start event of an event subprocess.
	 * @return true when it starts an event subprocess
	 */
	public boolean startsEventSubProcess() {
		return type() == ElementType.START_EVENT && flowScope() != null
				&& flowScope().type() == ElementType.EVENT_SUB_PROCESS;
	}

	public EventTrigger trigger() {
		return this.trigger;
	}

}
