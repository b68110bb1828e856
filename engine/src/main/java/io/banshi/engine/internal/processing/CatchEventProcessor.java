package io.banshi.engine.internal.processing;

import java.util.Map;

import io.banshi.engine.internal.model.ExecutableElement;
import io.banshi.engine.internal.state.Entities.ElementInstance;

/**
 * Intermediate timer and message catch events and receive tasks: open the timer or
 * subscription and wait; the event completes the element ({@link CatchEventBehavior}).
 * After an event-based gateway the event has already happened, so it completes at once.
 */
final class CatchEventProcessor implements BpmnElementProcessor<ExecutableElement> {

	@Override
	public void onActivate(ExecutableElement element, ElementInstance instance, BpmnContext context) {
		context.variables().applyInputMappings(element, instance);
		Map<String, Object> variables = context.catchEvents().takePretriggered(instance);
		if (variables != null) {
			context.flow().activated(instance);
			context.variables().setResult(element, instance, variables);
			context.flow().complete(instance);
			return;
		}
		context.catchEvents().prepareBoundaries(element, instance);
		context.catchEvents().subscribe(element, instance);
		context.flow().activated(instance);
	}

}
