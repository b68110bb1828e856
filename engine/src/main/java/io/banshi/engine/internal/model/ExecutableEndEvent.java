package io.banshi.engine.internal.model;

/**
 * An end event: none, terminate, or error (with the error code it throws).
 */
public final class ExecutableEndEvent extends ExecutableElement {

	/** What the end event does. */
	public enum Kind {

		NONE, TERMINATE, ERROR

	}

	private final Kind kind;

	private final String errorCode;

	public ExecutableEndEvent(String id, Kind kind, String errorCode) {
		super(id, ElementType.END_EVENT);
		this.kind = kind;
		this.errorCode = errorCode;
	}

	public Kind kind() {
		return this.kind;
	}

	public String errorCode() {
		return this.errorCode;
	}

}
