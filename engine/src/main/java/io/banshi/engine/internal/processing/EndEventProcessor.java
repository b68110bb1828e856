package io.banshi.engine.internal.processing;

import java.util.Map;

import io.banshi.engine.internal.model.ExecutableEndEvent;
import io.banshi.engine.internal.model.ExecutableElement;
import io.banshi.engine.internal.state.Entities.ElementInstance;

/**
 * None, terminate and error end events.
 */
final class EndEventProcessor implements BpmnElementProcessor<ExecutableElement> {

	@Override
	public void onActivate(ExecutableElement element, ElementInstance instance, BpmnContext context) {
		ExecutableEndEvent end = (ExecutableEndEvent) element;
		switch (end.kind()) {
			case ERROR -> context.events().throwError(instance, end.errorCode(), "", Map.of());
			case TERMINATE -> {
				context.variables().applyInputMappings(element, instance);
				context.flow().activated(instance);
				for (ElementInstance sibling : context.elements().children(instance.flowScopeKey)) {
					if (sibling.key != instance.key) {
						context.flow().terminate(sibling);
					}
				}
				// Tokens waiting at joins in this scope die with the terminated branches.
				context.elements().element(instance.flowScopeKey).takenFlows.clear();
				context.flow().complete(instance);
			}
			case NONE -> {
				context.variables().applyInputMappings(element, instance);
				context.flow().activated(instance);
				context.flow().complete(instance);
			}
		}
	}

}
