package io.banshi.engine.internal.processing;

import io.banshi.engine.internal.model.ExecutableElement;
import io.banshi.engine.internal.state.Entities.ElementInstance;

/**
 * What one BPMN element type does at each step of its lifecycle. The {@link BpmnFlow}
 * moves the instance between lifecycle states; a processor only decides what happens
 * inside a step, using the shared behaviors of the {@link BpmnContext}.
 *
 * <p>
 * A step that cannot be carried out throws {@link IncidentFailure}; the element stays in
 * its state and resolving the incident runs the step again, so a step must change nothing
 * before it knows it can finish.
 *
 * @param <T> the executable element class
 */
public interface BpmnElementProcessor<T extends ExecutableElement> {

	/**
	 * The element is ACTIVATING: apply input mappings, create jobs, and either leave it
	 * waiting ({@link BpmnFlow#activated}) or go on ({@link BpmnFlow#complete}).
	 * @param element the element
	 * @param instance its instance
	 * @param context the command's context
	 */
	void onActivate(T element, ElementInstance instance, BpmnContext context);

	/**
	 * The element is COMPLETING: apply output mappings. The flow then marks it completed
	 * and calls {@link #onCompleted}.
	 * @param element the element
	 * @param instance its instance
	 * @param context the command's context
	 */
	default void onComplete(T element, ElementInstance instance, BpmnContext context) {
		context.variables().applyOutputMappings(element, instance);
	}

	/**
	 * The element has COMPLETED: by default take every outgoing sequence flow.
	 * @param element the element
	 * @param instance its (now completed) instance
	 * @param context the command's context
	 */
	default void onCompleted(T element, ElementInstance instance, BpmnContext context) {
		context.flow().takeOutgoingFlows(element, instance.flowScopeKey);
	}

	/**
	 * The element is TERMINATING: cancel what it waits for.
	 * @param element the element
	 * @param instance its instance
	 * @param context the command's context
	 */
	default void onTerminate(T element, ElementInstance instance, BpmnContext context) {
	}

	/**
	 * A child of this scope completed or terminated (containers only).
	 * @param element the container
	 * @param scope the container's instance
	 * @param context the command's context
	 */
	default void onChildFinished(T element, ElementInstance scope, BpmnContext context) {
	}

}
