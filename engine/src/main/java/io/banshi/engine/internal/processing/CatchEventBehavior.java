package io.banshi.engine.internal.processing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.banshi.engine.internal.feel.EvaluationException;
import io.banshi.engine.internal.feel.FeelExpressions;
import io.banshi.engine.internal.model.ElementType;
import io.banshi.engine.internal.model.EventTrigger;
import io.banshi.engine.internal.model.ExecutableBoundaryEvent;
import io.banshi.engine.internal.model.ExecutableCatchEvent;
import io.banshi.engine.internal.model.ExecutableContainer;
import io.banshi.engine.internal.model.ExecutableElement;
import io.banshi.engine.internal.model.ExecutableSequenceFlow;
import io.banshi.engine.internal.model.Timers;
import io.banshi.engine.internal.state.ElementStatus;
import io.banshi.engine.internal.state.Entities.ElementInstance;
import io.banshi.engine.internal.state.Entities.MessageSubscription;
import io.banshi.engine.internal.state.Entities.Timer;

/**
 * Opens the timers and message subscriptions of waiting elements (catch events, receive
 * tasks, event-based gateways, timer and message boundary events) and triggers them. An
 * element's timers and subscriptions are owned by its instance and closed when it ends
 * ({@link BpmnFlow}). Every timer and correlation key is evaluated before anything is
 * written, so a failing expression raises an incident and changes nothing.
 */
public final class CatchEventBehavior {

	private final BpmnContext context;

	private final FeelExpressions feel;

	/**
	 * Catch events that follow an event-based gateway, already triggered, by instance.
	 */
	private final Map<Long, Map<String, Object>> pretriggered = new HashMap<>();

	/** Boundary events evaluated before the activity's activation wrote anything. */
	private final Map<Long, List<Opening>> preparedBoundaries = new HashMap<>();

	CatchEventBehavior(BpmnContext context, FeelExpressions feel) {
		this.context = context;
		this.feel = feel;
	}

	/**
	 * Opens a catch event's, receive task's or event-based gateway's events.
	 * @param element the waiting element
	 * @param instance its instance
	 * @throws IncidentFailure EXTRACT_VALUE_ERROR when a timer or key does not evaluate
	 */
	public void subscribe(ExecutableElement element, ElementInstance instance) {
		List<Opening> openings = new ArrayList<>();
		if (element instanceof ExecutableCatchEvent catchEvent) {
			openings.add(open(catchEvent.id(), catchEvent.trigger(), instance));
		}
		else {
			for (ExecutableSequenceFlow flow : element.outgoing()) {
				ExecutableCatchEvent target = (ExecutableCatchEvent) flow.target();
				openings.add(open(target.id(), target.trigger(), instance));
			}
		}
		write(openings);
	}

	/**
	 * Opens the timer and message boundary events of an activity.
	 * @param element the activity
	 * @param instance its instance
	 * @throws IncidentFailure EXTRACT_VALUE_ERROR when a timer or key does not evaluate
	 */
	public void subscribeBoundaries(ExecutableElement element, ElementInstance instance) {
		List<Opening> openings = this.preparedBoundaries.remove(instance.key);
		write((openings != null) ? openings : boundaryOpenings(element, instance));
	}

	/**
	 * Evaluates an activity's boundary timers and correlation keys ahead of the changes
	 * its activation makes (a job), so that a failing expression raises an incident
	 * before anything is written; {@link #subscribeBoundaries} then writes them.
	 * @param element the activity
	 * @param instance its instance
	 * @throws IncidentFailure EXTRACT_VALUE_ERROR when a timer or key does not evaluate
	 */
	public void prepareBoundaries(ExecutableElement element, ElementInstance instance) {
		if (!element.boundaryEvents().isEmpty() && element.hasEventSubscriptions()) {
			this.preparedBoundaries.put(instance.key, boundaryOpenings(element, instance));
		}
	}

	private List<Opening> boundaryOpenings(ExecutableElement element, ElementInstance instance) {
		List<Opening> openings = new ArrayList<>();
		for (ExecutableBoundaryEvent boundary : element.boundaryEvents()) {
			if (!boundary.isError()) {
				openings.add(open(boundary.id(), boundary.trigger(), instance));
			}
		}
		return openings;
	}

	/**
	 * Opens the timer and message start events of a scope's event subprocesses.
	 * @param container the process or subprocess
	 * @param instance its instance
	 * @throws IncidentFailure EXTRACT_VALUE_ERROR when a timer or key does not evaluate
	 */
	public void subscribeEventSubProcesses(ExecutableContainer container, ElementInstance instance) {
		List<Opening> openings = new ArrayList<>();
		for (ExecutableContainer eventSubProcess : container.eventSubProcesses()) {
			ExecutableCatchEvent start = (ExecutableCatchEvent) eventSubProcess.startEvent();
			if (start != null && !start.trigger().isError()) {
				openings.add(open(start.id(), start.trigger(), instance));
			}
		}
		write(openings);
	}

	private Opening open(String targetId, EventTrigger trigger, ElementInstance owner) {
		Map<String, Object> variables = this.context.variableState().visibleVariables(owner.key);
		try {
			if (trigger.isTimer()) {
				String text = String.valueOf(FeelExpressions.plain(this.feel.evaluate(trigger.timer(), variables)));
				try {
					return new Opening(targetId, owner, Timers.schedule(trigger.timerKind(), text, this.context.now()),
							null, null);
				}
				catch (IllegalArgumentException ex) {
					throw new EvaluationException(ex.getMessage());
				}
			}
			String name = this.feel.evaluateString(trigger.messageName(), variables);
			Object key = FeelExpressions.plain(this.feel.evaluate(trigger.correlationKey(), variables));
			if (key instanceof Number number && number.doubleValue() == Math.rint(number.doubleValue())) {
				key = String.valueOf(number.longValue());
			}
			if (!(key instanceof String)) {
				throw new EvaluationException(
						"Failed to extract the correlation key for '" + trigger.correlationKey().source()
								+ "': The value must be either a string or a number, but was '"
								+ ((key == null) ? "NULL" : key.getClass().getSimpleName().toUpperCase()) + "'.");
			}
			return new Opening(targetId, owner, null, name, (String) key);
		}
		catch (EvaluationException ex) {
			throw new IncidentFailure(IncidentFailure.EXTRACT_VALUE_ERROR, ex.getMessage());
		}
	}

	private void write(List<Opening> openings) {
		for (Opening opening : openings) {
			if (opening.schedule() != null) {
				Timer timer = new Timer();
				timer.key = this.context.newKey();
				timer.processInstanceKey = opening.owner().processInstanceKey;
				timer.elementInstanceKey = opening.owner().key;
				timer.processDefinitionKey = this.context.process().key();
				timer.targetElementId = opening.targetId();
				timer.dueAt = opening.schedule().dueAt();
				timer.repetitions = opening.schedule().repetitions();
				timer.intervalMillis = opening.schedule().intervalMillis();
				this.context.writer().addTimer(timer);
			}
			else {
				MessageSubscription subscription = new MessageSubscription();
				subscription.key = this.context.newKey();
				subscription.processInstanceKey = opening.owner().processInstanceKey;
				subscription.elementInstanceKey = opening.owner().key;
				subscription.targetElementId = opening.targetId();
				subscription.messageName = opening.messageName();
				subscription.correlationKey = opening.correlationKey();
				this.context.writer().addSubscription(subscription);
			}
		}
	}

	/**
	 * A timer fell due: triggers its event, then reschedules a cycle or deletes it.
	 * @param timer the locked timer row
	 */
	public void fireTimer(Timer timer) {
		boolean triggered = trigger(timer.elementInstanceKey, timer.targetElementId, Map.of(), "TIMER");
		boolean again = triggered && (timer.repetitions == -1 || timer.repetitions > 1)
				&& this.context.mutableState().isEventScopeOpen(timer.elementInstanceKey);
		if (again) {
			timer.dueAt += timer.intervalMillis;
			if (timer.repetitions > 0) {
				timer.repetitions--;
			}
			this.context.writer().updateTimer(timer);
		}
		else {
			this.context.writer().deleteTimer(timer.key);
		}
	}

	/**
	 * A message correlated to a subscription: triggers its event.
	 * @param subscription the subscription
	 * @param variables the message's variables
	 * @return whether the event was triggered
	 */
	public boolean correlate(MessageSubscription subscription, Map<String, Object> variables) {
		return trigger(subscription.elementInstanceKey, subscription.targetElementId, variables, "MESSAGE");
	}

	/**
	 * Triggers the event a timer or subscription of {@code ownerKey} waits for.
	 * @return false when the owner is no longer waiting
	 */
	private boolean trigger(long ownerKey, String targetElementId, Map<String, Object> variables, String kind) {
		ElementInstance owner = this.context.elements().element(ownerKey);
		if (owner == null || owner.state != ElementStatus.ACTIVATED
				|| !this.context.mutableState().isEventScopeOpen(ownerKey)) {
			return false;
		}
		ExecutableElement target = this.context.process().element(targetElementId);
		this.context.writer().eventTriggered(owner, targetElementId, kind);
		if (target instanceof ExecutableCatchEvent start && start.startsEventSubProcess()) {
			startEventSubProcess(owner, start, variables);
			return true;
		}
		if (target instanceof ExecutableBoundaryEvent boundary) {
			long flowScopeKey = owner.flowScopeKey;
			if (boundary.interrupting()) {
				this.context.flow().terminate(owner);
			}
			ElementInstance caught = this.context.flow().activateElement(boundary, flowScopeKey);
			this.context.variables().setResult(boundary, caught, variables);
			return true;
		}
		ExecutableElement ownerElement = this.context.process().element(owner.elementId);
		if (ownerElement.type() == ElementType.EVENT_BASED_GATEWAY) {
			// The gateway completes without taking its flows; only the flow to the
			// triggered event is taken, and that event completes at once.
			// The event is created first so the scope never looks empty in between.
			for (ExecutableSequenceFlow flow : ownerElement.outgoing()) {
				if (flow.target() == target) {
					this.context.writer().sequenceFlowTaken(flow.id(), owner.flowScopeKey);
					ElementInstance event = this.context.flow().activateElement(target, owner.flowScopeKey);
					this.pretriggered.put(event.key, variables);
				}
			}
			this.context.flow().complete(owner);
			return true;
		}
		this.context.variables().setResult(target, owner, variables);
		this.context.flow().complete(owner);
		return true;
	}

	/**
	 * Starts an event subprocess in a scope; an interrupting one first terminates
	 * everything else in the scope and closes the scope's other events.
	 * @param scope the scope's instance
	 * @param start the event subprocess's start event
	 * @param variables the event's variables
	 */
	void startEventSubProcess(ElementInstance scope, ExecutableCatchEvent start, Map<String, Object> variables) {
		if (start.interrupting()) {
			this.context.flow().terminateChildren(scope.key);
			this.context.writer().closeEventScope(scope);
			// Tokens waiting at joins are interrupted with the rest of the scope: a join
			// must not fire later, and the scope must be able to complete.
			if (!scope.takenFlows.isEmpty()) {
				scope.takenFlows.clear();
				this.context.writer().flowsChanged(scope);
			}
		}
		ElementInstance eventSubProcess = this.context.flow().activateElement(start.flowScope(), scope.key);
		this.context.variables().setResult(start.flowScope(), eventSubProcess, variables);
	}

	/**
	 * Takes the variables of an event that an event-based gateway already triggered.
	 * @param instance the event's instance
	 * @return the variables, or {@code null} when it must still wait
	 */
	Map<String, Object> takePretriggered(ElementInstance instance) {
		return this.pretriggered.remove(instance.key);
	}

	private record Opening(String targetId, ElementInstance owner, Timers.Schedule schedule, String messageName,
			String correlationKey) {
	}

}
