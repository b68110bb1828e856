package io.banshi.engine.internal.processing;

import java.util.List;
import java.util.Map;

import io.banshi.engine.internal.model.ElementType;
import io.banshi.engine.internal.model.ExecutableContainer;
import io.banshi.engine.internal.model.ExecutableElement;
import io.banshi.engine.internal.model.ExecutableExclusiveGateway;
import io.banshi.engine.internal.model.ExecutableSequenceFlow;
import io.banshi.engine.internal.model.ExecutionListener;
import io.banshi.engine.internal.state.ElementStatus;
import io.banshi.engine.internal.state.ElementStatus.ElementEvent;
import io.banshi.engine.internal.state.Entities.ElementInstance;
import io.banshi.engine.internal.state.Entities.Incident;
import io.banshi.engine.internal.state.Entities.Job;

/**
 * Moves element instances through their lifecycle and tokens along sequence flows; asks
 * the element's processor what to do at each step. Failures of a step become incidents
 * here, in one place.
 */
public final class BpmnFlow {

	private final BpmnContext context;

	private final BpmnProcessors processors;

	BpmnFlow(BpmnContext context, BpmnProcessors processors) {
		this.context = context;
		this.processors = processors;
	}

	/**
	 * Creates an element instance (ACTIVATING) and queues its activation.
	 * @param element the element
	 * @param flowScopeKey the enclosing scope's instance key
	 * @return the new instance
	 */
	public ElementInstance activateElement(ExecutableElement element, long flowScopeKey) {
		return activateElement(element, flowScopeKey, this.context.newKey());
	}

	ElementInstance activateElement(ExecutableElement element, long flowScopeKey, long key) {
		ElementInstance instance = this.context.writer().createElement(element, flowScopeKey, key);
		this.context.schedule(() -> runActivate(instance));
		return instance;
	}

	void runActivate(ElementInstance instance) {
		if (this.context.elements().element(instance.key) != instance || instance.state != ElementStatus.ACTIVATING) {
			// Terminated by an earlier step of this command (an error thrown, a terminate
			// end).
			return;
		}
		ExecutableElement element = this.context.process().element(instance.elementId);
		try {
			if (!element.listeners(ExecutionListener.START).isEmpty()
					&& !this.context.startListenersDone(instance.key)) {
				// Zeebe's order: input mappings, then the start listeners one by one,
				// then
				// the element's own behavior (listenerCompleted comes back here).
				this.context.variables().applyInputMappings(element, instance);
				this.context.jobs().createListenerJob(element, instance, ExecutionListener.START, 0);
				return;
			}
			this.processors.of(element).onActivate(element, instance, this.context);
		}
		catch (IncidentFailure failure) {
			this.context.incidents().raise(instance, null, failure);
		}
	}

	/**
	 * ACTIVATING to ACTIVATED: the element now waits (for a job, for its children).
	 * @param instance the instance
	 */
	public void activated(ElementInstance instance) {
		ExecutableElement element = this.context.process().element(instance.elementId);
		if (!element.boundaryEvents().isEmpty() && element.hasEventSubscriptions()) {
			this.context.catchEvents().subscribeBoundaries(element, instance);
		}
		if (element instanceof ExecutableContainer container && !container.eventSubProcesses().isEmpty()) {
			this.context.catchEvents().subscribeEventSubProcesses(container, instance);
		}
		this.context.writer().transition(instance, ElementEvent.ACTIVATED);
	}

	/**
	 * Completes an activated element: output mappings, then its outgoing flows.
	 * @param instance the instance
	 */
	public void complete(ElementInstance instance) {
		this.context.writer().transition(instance, ElementEvent.COMPLETE);
		runComplete(instance);
	}

	void runComplete(ElementInstance instance) {
		ExecutableElement element = this.context.process().element(instance.elementId);
		BpmnElementProcessor<ExecutableElement> processor = this.processors.of(element);
		try {
			processor.onComplete(element, instance, this.context);
			if (element.multiInstanceBody() != null) {
				MultiInstanceBodyProcessor.collectOutput(element, instance, this.context);
			}
			if (!element.listeners(ExecutionListener.END).isEmpty()) {
				// End listeners run after the output mappings, before the element is
				// left.
				this.context.jobs().createListenerJob(element, instance, ExecutionListener.END, 0);
				return;
			}
		}
		catch (IncidentFailure failure) {
			this.context.incidents().raise(instance, null, failure);
			return;
		}
		finishComplete(element, instance);
	}

	private void finishComplete(ExecutableElement element, ElementInstance instance) {
		if (element.type() == ElementType.PROCESS) {
			// The root scope's variables as the instance leaves them, end listeners'
			// included, are its result (CreateProcessInstanceWithResult, call
			// activities).
			this.context.instanceEnded(this.context.variableState().localVariables(instance.key));
		}
		this.context.writer().transition(instance, ElementEvent.COMPLETED);
		if (element.hasEventSubscriptions()) {
			this.context.writer().closeEventScope(instance);
		}
		this.processors.of(element).onCompleted(element, instance, this.context);
		childFinished(instance.flowScopeKey);
	}

	/**
	 * An execution listener's job completed: sets its variables as Zeebe documents (a
	 * start listener's as local variables of the element, an end listener's merged from
	 * the element's flow scope upwards, like output mappings), then creates the next
	 * listener's job or, after the last one, goes on with the element's activation or
	 * completion.
	 * @param instance the element instance the listener belongs to
	 * @param job the listener's (completed) job
	 * @param variables the variables the job completed with
	 */
	public void listenerCompleted(ElementInstance instance, Job job, Map<String, Object> variables) {
		ExecutableElement element = this.context.process().element(instance.elementId);
		boolean start = ExecutionListener.START.equals(job.listenerEventType);
		if (variables != null && !variables.isEmpty()) {
			if (start) {
				this.context.variables().setLocal(instance.key, variables);
			}
			else {
				this.context.variables().merge(instance.flowScopeKey, variables);
			}
		}
		int next = job.listenerIndex + 1;
		if (next < element.listeners(job.listenerEventType).size()) {
			try {
				this.context.jobs().createListenerJob(element, instance, job.listenerEventType, next);
			}
			catch (IncidentFailure failure) {
				this.context.incidents().raise(instance, null, failure);
			}
			return;
		}
		if (start) {
			this.context.markStartListenersDone(instance.key);
			runActivate(instance);
		}
		else {
			finishComplete(element, instance);
		}
	}

	/**
	 * Terminates an element instance and everything inside it; resolves its incidents.
	 * @param instance the instance
	 */
	public void terminate(ElementInstance instance) {
		ExecutableElement element = this.context.process().element(instance.elementId);
		this.context.writer().transition(instance, ElementEvent.TERMINATE);
		this.processors.of(element).onTerminate(element, instance, this.context);
		// Terminating (canceling) an element runs none of its listeners; a listener job
		// it
		// waits for is canceled.
		this.context.jobs().cancelListenerJob(instance);
		if (element.hasEventSubscriptions()) {
			this.context.writer().closeEventScope(instance);
		}
		for (Incident incident : List.copyOf(this.context.incidentState().incidents())) {
			if (incident.elementInstanceKey == instance.key) {
				this.context.writer().resolveIncident(incident);
			}
		}
		this.context.writer().transition(instance, ElementEvent.TERMINATED);
	}

	/**
	 * Terminates every active child of a scope.
	 * @param scopeKey the scope
	 */
	public void terminateChildren(long scopeKey) {
		for (ElementInstance child : this.context.elements().children(scopeKey)) {
			terminate(child);
		}
	}

	/**
	 * Takes every outgoing flow of an element.
	 * @param element the element
	 * @param flowScopeKey the scope the flows are in
	 */
	public void takeOutgoingFlows(ExecutableElement element, long flowScopeKey) {
		for (ExecutableSequenceFlow flow : element.outgoing()) {
			takeFlow(flow, flowScopeKey);
		}
	}

	/**
	 * Takes one sequence flow: activates its target, or waits at a parallel join until
	 * every incoming flow has been taken, or at an inclusive join until no other token
	 * can still arrive.
	 * @param flow the flow
	 * @param flowScopeKey the scope
	 */
	public void takeFlow(ExecutableSequenceFlow flow, long flowScopeKey) {
		this.context.writer().sequenceFlowTaken(flow.id(), flowScopeKey);
		ExecutableElement target = flow.target();
		if (target instanceof ExecutableExclusiveGateway gateway && gateway.isInclusiveJoin()) {
			ElementInstance scope = this.context.elements().element(flowScopeKey);
			scope.takenFlows.merge(flow.id(), 1, Integer::sum);
			this.context.writer().flowsChanged(scope);
			// Decided in a later step: a forking element takes its flows one after the
			// other, and the branches it has not started yet would not be seen now.
			this.context.schedule(() -> joinInclusive(gateway, flowScopeKey));
			return;
		}
		if (target.type() == ElementType.PARALLEL_GATEWAY && target.incoming().size() > 1) {
			ElementInstance scope = this.context.elements().element(flowScopeKey);
			Map<String, Integer> taken = scope.takenFlows;
			taken.merge(flow.id(), 1, Integer::sum);
			boolean complete = target.incoming().stream().allMatch((in) -> taken.getOrDefault(in.id(), 0) > 0);
			if (complete) {
				for (ExecutableSequenceFlow in : target.incoming()) {
					taken.computeIfPresent(in.id(), (k, v) -> (v > 1) ? v - 1 : null);
				}
				activateElement(target, flowScopeKey);
			}
			this.context.writer().flowsChanged(scope);
			return;
		}
		activateElement(target, flowScopeKey);
	}

	/**
	 * A child of a scope finished: lets the container decide whether it completes.
	 * @param scopeKey the scope
	 */
	void childFinished(long scopeKey) {
		ElementInstance scope = this.context.elements().element(scopeKey);
		if (scope == null) {
			return;
		}
		ExecutableElement element = this.context.process().element(scope.elementId);
		if (element instanceof ExecutableContainer container && !scope.takenFlows.isEmpty()) {
			// The child that ended may have been the last one that could still reach a
			// waiting inclusive join.
			for (ExecutableExclusiveGateway join : container.inclusiveJoins()) {
				if (hasWaitingToken(join, scope)) {
					this.context.schedule(() -> joinInclusive(join, scopeKey));
				}
			}
		}
		this.processors.of(element).onChildFinished(element, scope, this.context);
	}

	/**
	 * Activates an inclusive join when a token waits on at least one incoming flow and
	 * none of the scope's other tokens (active elements, tokens waiting at other joins)
	 * can still arrive on an incoming flow that has none. Consumes one token per flow, as
	 * the parallel join does.
	 */
	private void joinInclusive(ExecutableExclusiveGateway join, long flowScopeKey) {
		ElementInstance scope = this.context.elements().element(flowScopeKey);
		if (scope == null || scope.state != ElementStatus.ACTIVATED || !hasWaitingToken(join, scope)) {
			return;
		}
		Map<String, Integer> taken = scope.takenFlows;
		List<ElementInstance> children = this.context.elements().children(flowScopeKey);
		for (ExecutableSequenceFlow in : join.incoming()) {
			if (taken.containsKey(in.id())) {
				continue;
			}
			for (ElementInstance child : children) {
				if (join.canArrive(child.elementId, in)) {
					return;
				}
			}
			for (String waiting : taken.keySet()) {
				if (join.canArrive(waiting, in)) {
					return;
				}
			}
		}
		for (ExecutableSequenceFlow in : join.incoming()) {
			taken.computeIfPresent(in.id(), (k, v) -> (v > 1) ? v - 1 : null);
		}
		this.context.writer().flowsChanged(scope);
		activateElement(join, flowScopeKey);
		if (hasWaitingToken(join, scope)) {
			// More than one token came on a flow (a loop): they join again once the
			// gateway's own step is done.
			this.context.schedule(() -> joinInclusive(join, flowScopeKey));
		}
	}

	private static boolean hasWaitingToken(ExecutableExclusiveGateway join, ElementInstance scope) {
		for (ExecutableSequenceFlow in : join.incoming()) {
			if (scope.takenFlows.containsKey(in.id())) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Whether a scope has nothing left to do: no active children and no token waiting at
	 * a join.
	 * @param scope the scope
	 * @return true when it can complete
	 */
	public boolean isScopeDone(ElementInstance scope) {
		return scope.state == ElementStatus.ACTIVATED && scope.takenFlows.isEmpty()
				&& this.context.elements().children(scope.key).isEmpty();
	}

}
