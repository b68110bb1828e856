package io.banshi.engine.internal.model;

/**
 * An exclusive or inclusive gateway: conditions on its outgoing flows, and a default flow
 * taken when no condition holds.
 */
public final class ExecutableExclusiveGateway extends ExecutableElement {

	private ExecutableSequenceFlow defaultFlow;

	public ExecutableExclusiveGateway(String id) {
		this(id, ElementType.EXCLUSIVE_GATEWAY);
	}

	public ExecutableExclusiveGateway(String id, ElementType type) {
		super(id, type);
	}

	public ExecutableSequenceFlow defaultFlow() {
		return this.defaultFlow;
	}

	void setDefaultFlow(ExecutableSequenceFlow defaultFlow) {
		this.defaultFlow = defaultFlow;
	}

}
