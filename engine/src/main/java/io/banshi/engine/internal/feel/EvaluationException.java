package io.banshi.engine.internal.feel;

/**
 * A FEEL expression failed or returned a value of the wrong type. The message names the
 * expression, as Zeebe's incident messages do.
 */
public class EvaluationException extends RuntimeException {

	public EvaluationException(String message) {
		super(message, null, false, false);
	}

}
