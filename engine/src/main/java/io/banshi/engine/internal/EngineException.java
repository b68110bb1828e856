package io.banshi.engine.internal;

/**
 * A command was rejected: the engine decided not to change anything and says why. The
 * gateway's error mapper turns the {@link Rejection} into a gRPC status code.
 */
public class EngineException extends RuntimeException {

	private final Rejection rejection;

	public EngineException(Rejection rejection, String message) {
		super(message, null, false, false);
		this.rejection = rejection;
	}

	public Rejection rejection() {
		return this.rejection;
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
