package io.banshi.engine.internal.model;

import io.banshi.engine.internal.feel.Expression;

/**
 * A call activity: starts the latest version of another process (its id static or FEEL)
 * with the call activity's variables, and completes when that instance completes.
 */
public final class ExecutableCallActivity extends ExecutableElement {

	private final Expression processId;

	private final boolean propagateAllChildVariables;

	private final boolean propagateAllParentVariables;

	public ExecutableCallActivity(String id, Expression processId, boolean propagateAllChildVariables,
			boolean propagateAllParentVariables) {
		super(id, ElementType.CALL_ACTIVITY);
		this.processId = processId;
		this.propagateAllChildVariables = propagateAllChildVariables;
		this.propagateAllParentVariables = propagateAllParentVariables;
	}

	public Expression processId() {
		return this.processId;
	}

	/** Whether the child's variables are merged into the parent when it completes. */
	public boolean propagateAllChildVariables() {
		return this.propagateAllChildVariables;
	}

	/**
	 * Whether all visible variables are copied into the child (else only input mappings).
	 */
	public boolean propagateAllParentVariables() {
		return this.propagateAllParentVariables;
	}

}
