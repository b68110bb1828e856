package io.banshi.engine.internal.model;

import io.banshi.engine.internal.feel.Expression;

/**
 * A {@code zeebe:executionListener}: a job of this type is created, and must complete,
 * before the element starts ({@code start}) or before it is left ({@code end}).
 *
 * @param eventType {@code START} or {@code END}
 * @param type the job type, static or FEEL
 * @param retries the job's retries, static or FEEL
 */
public record ExecutionListener(String eventType, Expression type, Expression retries) {

	/** The event type of listeners that run before the element is processed. */
	public static final String START = "START";

	/** The event type of listeners that run after the output mappings. */
	public static final String END = "END";

}
