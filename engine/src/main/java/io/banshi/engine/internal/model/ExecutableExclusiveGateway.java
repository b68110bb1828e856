package io.banshi.engine.internal.model;

/**
 * An exclusive gateway; its default flow is taken when no condition holds.
 */
public final class ExecutableExclusiveGateway extends ExecutableElement {

	private ExecutableSequenceFlow defaultFlow;

	public ExecutableExclusiveGateway(String id) {
		super(id, ElementType.EXCLUSIVE_GATEWAY);
	}

	public ExecutableSequenceFlow defaultFlow() {
		return this.defaultFlow;
	}

	void setDefaultFlow(ExecutableSequenceFlow defaultFlow) {
		this.defaultFlow = defaultFlow;
	}

}
