package io.banshi.engine.internal;

/**
 * A command was rejected: the engine decided not to change anything and says why. The
 * gateway's error mapper turns the {@link Rejection} into a gRPC status code.
 */
public class EngineException extends RuntimeException {

	private final Rejection rejection;

	private final String intent;

	public EngineException(Rejection rejection, String message) {
		this(rejection, message, null);
	}

	private EngineException(Rejection rejection, String message, String intent) {
		super(message, null, false, false);
		this.rejection = rejection;
		this.intent = intent;
	}

	public Rejection rejection() {
		return this.rejection;
	}

	/**
	 * The rejected command's intent in Zeebe's terms ({@code COMPLETE}, {@code CREATE},
	 * ...), when known.
	 * @return the intent, or {@code null}
	 */
	public String intent() {
		return this.intent;
	}

	/**
	 * Names the command this rejection is for, unless already named.
	 * @param intent the intent
	 * @return the rejection with its intent
	 */
	public EngineException withIntent(String intent) {
		return (this.intent != null) ? this : new EngineException(this.rejection, getMessage(), intent);
	}

	public static EngineException notFound(String message) {
		return new EngineException(Rejection.NOT_FOUND, message);
	}

	public static EngineException invalidState(String message) {
		return new EngineException(Rejection.INVALID_STATE, message);
	}

	public static EngineException alreadyExists(String message) {
		return new EngineException(Rejection.ALREADY_EXISTS, message);
	}

	public static EngineException invalidArgument(String message) {
		return new EngineException(Rejection.INVALID_ARGUMENT, message);
	}

	/** Why a command was rejected, in Zeebe's terms. */
	public enum Rejection {

		/** The key names nothing (NOT_FOUND). */
		NOT_FOUND,
		/** The command does not fit the current state (FAILED_PRECONDITION). */
		INVALID_STATE,
		/** The request itself is wrong (INVALID_ARGUMENT). */
		INVALID_ARGUMENT,
		/** The thing to create exists already (ALREADY_EXISTS). */
		ALREADY_EXISTS,
		/** The request took too long (DEADLINE_EXCEEDED). */
		TIMEOUT

	}

}
