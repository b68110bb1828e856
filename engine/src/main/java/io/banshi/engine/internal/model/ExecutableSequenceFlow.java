package io.banshi.engine.internal.model;

import io.banshi.engine.internal.feel.Expression;

/**
 * A sequence flow between two flow nodes, with an optional condition.
 */
public final class ExecutableSequenceFlow {

	private final String id;

	private final Expression condition;

	private ExecutableElement source;

	private ExecutableElement target;

	public ExecutableSequenceFlow(String id, Expression condition) {
		this.id = id;
		this.condition = condition;
	}

	public String id() {
		return this.id;
	}

	public Expression condition() {
		return this.condition;
	}

	public ExecutableElement source() {
		return this.source;
	}

	public ExecutableElement target() {
		return this.target;
	}

	void connect(ExecutableElement source, ExecutableElement target) {
		this.source = source;
		this.target = target;
	}

}
