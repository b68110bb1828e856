package io.banshi.engine.internal.model;

import io.banshi.engine.internal.feel.Expression;

/**
 * A script task with {@code zeebe:script}: a FEEL expression and the variable its result
 * goes to.
 */
public final class ExecutableScriptTask extends ExecutableElement {

	private final Expression script;

	private final String resultVariable;

	public ExecutableScriptTask(String id, Expression script, String resultVariable) {
		super(id, ElementType.SCRIPT_TASK);
		this.script = script;
		this.resultVariable = resultVariable;
	}

	public Expression script() {
		return this.script;
	}

	public String resultVariable() {
		return this.resultVariable;
	}

}
