package io.banshi.engine.internal.model;

import java.util.ArrayList;
import java.util.List;

/**
 * The process or an embedded subprocess: a scope with a none start event and children.
 */
public final class ExecutableContainer extends ExecutableElement {

	private ExecutableElement startEvent;

	private final List<ExecutableElement> children = new ArrayList<>();

	private final List<ExecutableCatchEvent> eventStartEvents = new ArrayList<>();

	private final List<ExecutableContainer> eventSubProcesses = new ArrayList<>();

	private final List<ExecutableExclusiveGateway> inclusiveJoins = new ArrayList<>();

	/**
	 * The event subprocesses of this scope (their start events wait while it is active).
	 * @return the event subprocesses
	 */
	public List<ExecutableContainer> eventSubProcesses() {
		return this.eventSubProcesses;
	}

	public ExecutableContainer(String id, ElementType type) {
		super(id, type);
	}

	/**
	 * The timer and message start events of the process.
	 * @return the start events with an event definition
	 */
	public List<ExecutableCatchEvent> eventStartEvents() {
		return this.eventStartEvents;
	}

	/**
	 * The none start event.
	 * @return the none start event, or {@code null} when the process only starts by
	 * events
	 */
	public ExecutableElement startEvent() {
		return this.startEvent;
	}

	void setStartEvent(ExecutableElement startEvent) {
		this.startEvent = startEvent;
	}

	public List<ExecutableElement> children() {
		return this.children;
	}

	/**
	 * The joining inclusive gateways among the children: the ones to look at again when a
	 * token of this scope moves on or ends.
	 * @return the joining inclusive gateways
	 */
	public List<ExecutableExclusiveGateway> inclusiveJoins() {
		return this.inclusiveJoins;
	}

}
