package io.banshi.engine.internal.processing;

import java.util.Map;

import io.banshi.engine.internal.model.ExecutableBoundaryEvent;
import io.banshi.engine.internal.model.ExecutableCatchEvent;
import io.banshi.engine.internal.model.ExecutableContainer;
import io.banshi.engine.internal.model.ExecutableElement;
import io.banshi.engine.internal.state.Entities.ElementInstance;

/**
 * Throws BPMN errors: the nearest error boundary event up the scope chain catches it (a
 * boundary with the error's code before a catch-all one on the same activity), its
 * activity is terminated and the boundary event taken.
 */
public final class EventBehavior {

	private final BpmnContext context;

	EventBehavior(BpmnContext context) {
		this.context = context;
	}

	/**
	 * Throws an error from an element instance.
	 * @param thrower the instance that throws (a task whose job threw, an error end
	 * event)
	 * @param errorCode the error code
	 * @param errorMessage the message, may be empty
	 * @param variables variables the error carries, set at the catching boundary event
	 * @throws IncidentFailure UNHANDLED_ERROR_EVENT when nothing catches it
	 */
	public void throwError(ElementInstance thrower, String errorCode, String errorMessage,
			Map<String, Object> variables) {
		ElementInstance current = thrower;
		while (current != null && current.flowScopeKey != 0) {
			ExecutableElement element = this.context.process().element(current.elementId);
			ExecutableBoundaryEvent boundary = findCatch(element, errorCode);
			if (boundary != null) {
				long flowScopeKey = current.flowScopeKey;
				this.context.flow().terminate(current);
				ElementInstance caught = this.context.flow().activateElement(boundary, flowScopeKey);
				this.context.variables().setResult(boundary, caught, variables);
				return;
			}
			ElementInstance scope = this.context.elements().element(current.flowScopeKey);
			ExecutableCatchEvent start = (scope != null)
					? findErrorStart(this.context.process().element(scope.elementId), errorCode) : null;
			if (start != null) {
				this.context.catchEvents().startEventSubProcess(scope, start, variables);
				return;
			}
			current = scope;
		}
		throw new IncidentFailure(IncidentFailure.UNHANDLED_ERROR_EVENT,
				"Expected to throw an error event with the code '"
						+ errorCode + "'" + ((errorMessage != null && !errorMessage.isEmpty())
								? " with message '" + errorMessage + "'" : "")
						+ ", but it was not caught. No error events are available in the scope.");
	}

	private static ExecutableCatchEvent findErrorStart(ExecutableElement scope, String errorCode) {
		if (!(scope instanceof ExecutableContainer container)) {
			return null;
		}
		ExecutableCatchEvent catchAll = null;
		for (ExecutableContainer eventSubProcess : container.eventSubProcesses()) {
			if (eventSubProcess.startEvent() instanceof ExecutableCatchEvent start && start.trigger().isError()) {
				if (start.trigger().errorCode() == null) {
					catchAll = (catchAll != null) ? catchAll : start;
				}
				else if (start.trigger().errorCode().equals(errorCode)) {
					return start;
				}
			}
		}
		return catchAll;
	}

	private static ExecutableBoundaryEvent findCatch(ExecutableElement element, String errorCode) {
		ExecutableBoundaryEvent catchAll = null;
		for (ExecutableBoundaryEvent boundary : element.boundaryEvents()) {
			if (!boundary.isError()) {
				continue;
			}
			if (boundary.catchesAll()) {
				catchAll = (catchAll != null) ? catchAll : boundary;
			}
			else if (boundary.errorCode().equals(errorCode)) {
				return boundary;
			}
		}
		return catchAll;
	}

}
