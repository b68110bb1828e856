package io.banshi.engine.internal.model;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * An exclusive or inclusive gateway: conditions on its outgoing flows, and a default flow
 * taken when no condition holds. An inclusive gateway with more than one incoming flow
 * also joins; for it the graph knows, per incoming flow, where a token can still come
 * from.
 */
public final class ExecutableExclusiveGateway extends ExecutableElement {

	private ExecutableSequenceFlow defaultFlow;

	private Map<String, Set<String>> upstream = Map.of();

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

	/**
	 * Whether this is an inclusive gateway that joins (more than one incoming flow).
	 * @return true for a joining inclusive gateway
	 */
	public boolean isInclusiveJoin() {
		return type() == ElementType.INCLUSIVE_GATEWAY && incoming().size() > 1;
	}

	/**
	 * Whether a token at an element, or waiting on a sequence flow, of this gateway's
	 * flow scope can still arrive on one of its incoming flows. Paths through this
	 * gateway do not count: such a token would have to pass the gateway first.
	 * @param id the id of the element the token is at, or of the sequence flow it waits
	 * on (at a join)
	 * @param incoming one of this gateway's incoming flows
	 * @return true when there is such a path
	 */
	public boolean canArrive(String id, ExecutableSequenceFlow incoming) {
		Set<String> ids = this.upstream.get(incoming.id());
		return ids != null && ids.contains(id);
	}

	/**
	 * Walks the scope's graph backwards from each incoming flow, once at deployment, so a
	 * waiting join asks a set rather than the graph. Boundary events lead back to the
	 * activity they are attached to: a token in the activity may leave through them.
	 */
	void computeUpstream() {
		if (!isInclusiveJoin()) {
			return;
		}
		Map<String, Set<String>> byFlow = new HashMap<>();
		for (ExecutableSequenceFlow flow : incoming()) {
			Set<String> ids = new HashSet<>();
			Deque<ExecutableElement> pending = new ArrayDeque<>();
			pending.add(flow.source());
			while (!pending.isEmpty()) {
				ExecutableElement element = pending.poll();
				if (element == this || !ids.add(element.id())) {
					continue;
				}
				for (ExecutableSequenceFlow in : element.incoming()) {
					ids.add(in.id());
					pending.add(in.source());
				}
				if (element instanceof ExecutableBoundaryEvent boundary && boundary.attachedTo() != null) {
					pending.add(boundary.attachedTo());
				}
			}
			byFlow.put(flow.id(), Set.copyOf(ids));
		}
		this.upstream = Map.copyOf(byFlow);
	}

}
