package io.banshi.engine.internal.model;

/**
 * A boundary event: an error boundary event ({@code trigger} is {@code null}; a
 * {@code null} error code catches every error), or a timer or message boundary event.
 */
public final class ExecutableBoundaryEvent extends ExecutableElement {

	private final String errorCode;

	private final boolean interrupting;

	private final EventTrigger trigger;

	private ExecutableElement attachedTo;

	public ExecutableBoundaryEvent(String id, String errorCode, boolean interrupting) {
		this(id, errorCode, interrupting, null);
	}

	public ExecutableBoundaryEvent(String id, String errorCode, boolean interrupting, EventTrigger trigger) {
		super(id, ElementType.BOUNDARY_EVENT);
		this.errorCode = errorCode;
		this.interrupting = interrupting;
		this.trigger = trigger;
	}

	/**
	 * The timer or message of this boundary event.
	 * @return the trigger, or {@code null} for an error boundary event
	 */
	public EventTrigger trigger() {
		return this.trigger;
	}

	public boolean isError() {
		return this.trigger == null;
	}

	public String errorCode() {
		return this.errorCode;
	}

	public boolean catchesAll() {
		return this.trigger == null && this.errorCode == null;
	}

	public boolean interrupting() {
		return this.interrupting;
	}

	public ExecutableElement attachedTo() {
		return this.attachedTo;
	}

	void setAttachedTo(ExecutableElement attachedTo) {
		this.attachedTo = attachedTo;
	}

}
