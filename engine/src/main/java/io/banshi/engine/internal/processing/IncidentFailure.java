package io.banshi.engine.internal.processing;

/**
 * A step of an element could not be carried out (a FEEL error, no outgoing flow, an error
 * nobody catches); the element stops where it is and an incident of this type is raised.
 * Resolving the incident runs the step again.
 */
public class IncidentFailure extends RuntimeException {

	/** Zeebe's incident error types that this engine raises. */
	public static final String EXTRACT_VALUE_ERROR = "EXTRACT_VALUE_ERROR";

	public static final String IO_MAPPING_ERROR = "IO_MAPPING_ERROR";

	public static final String CONDITION_ERROR = "CONDITION_ERROR";

	public static final String JOB_NO_RETRIES = "JOB_NO_RETRIES";

	/** An execution listener's job failed with no retries left (Zeebe's own type). */
	public static final String EXECUTION_LISTENER_NO_RETRIES = "EXECUTION_LISTENER_NO_RETRIES";

	public static final String UNHANDLED_ERROR_EVENT = "UNHANDLED_ERROR_EVENT";

	/** The called process of a call activity is not deployed (or cannot be started). */
	public static final String CALLED_ELEMENT_ERROR = "CALLED_ELEMENT_ERROR";

	private final String errorType;

	public IncidentFailure(String errorType, String message) {
		super(message, null, false, false);
		this.errorType = errorType;
	}

	public String errorType() {
		return this.errorType;
	}

}
