package io.banshi.engine.internal.model;

/**
 * An error boundary event. A {@code null} error code catches every error.
 */
public final class ExecutableBoundaryEvent extends ExecutableElement {

	private final String errorCode;

	private final boolean interrupting;

	private ExecutableElement attachedTo;

	public ExecutableBoundaryEvent(String id, String errorCode, boolean interrupting) {
		super(id, ElementType.BOUNDARY_EVENT);
		this.errorCode = errorCode;
		this.interrupting = interrupting;
	}

	public String errorCode() {
		return this.errorCode;
	}

	public boolean catchesAll() {
		return this.errorCode == null;
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
