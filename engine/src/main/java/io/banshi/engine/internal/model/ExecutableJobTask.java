package io.banshi.engine.internal.model;

import java.util.Map;

import io.banshi.engine.internal.feel.Expression;

/**
 * A service, send or business-rule task with a {@code zeebe:taskDefinition}: activating
 * it creates a job.
 */
public final class ExecutableJobTask extends ExecutableElement {

	private final Expression jobType;

	private final Expression retries;

	private final Map<String, String> headers;

	public ExecutableJobTask(String id, ElementType type, Expression jobType, Expression retries,
			Map<String, String> headers) {
		super(id, type);
		this.jobType = jobType;
		this.retries = retries;
		this.headers = Map.copyOf(headers);
	}

	public Expression jobType() {
		return this.jobType;
	}

	public Expression retries() {
		return this.retries;
	}

	/**
	 * The static task headers, in document order.
	 * @return the headers
	 */
	public Map<String, String> headers() {
		return this.headers;
	}

}
