package io.banshi.engine.internal.processing;

import io.banshi.engine.internal.model.ExecutableElement;
import io.banshi.engine.internal.state.Entities.ElementInstance;

/**
 * Elements that complete as soon as they are activated: none start events, error boundary
 * events once triggered, parallel gateways (fork, and join once every incoming flow has
 * arrived; {@link BpmnFlow#takeFlow} does the counting).
 */
final class PassThroughProcessor implements BpmnElementProcessor<ExecutableElement> {

	@Override
	public void onActivate(ExecutableElement element, ElementInstance instance, BpmnContext context) {
		context.variables().applyInputMappings(element, instance);
		context.flow().activated(instance);
		context.flow().complete(instance);
	}

}
