package io.banshi.engine.internal.processing;

import io.banshi.engine.internal.model.ExecutableElement;
import io.banshi.engine.internal.state.Entities.ElementInstance;

/**
 * Event-based gateway: opens the timers and subscriptions of every event after it and
 * waits; the first event that happens completes the gateway and takes only its flow
 * ({@link CatchEventBehavior}); the others are closed with the gateway.
 */
final class EventBasedGatewayProcessor implements BpmnElementProcessor<ExecutableElement> {

	@Override
	public void onActivate(ExecutableElement element, ElementInstance instance, BpmnContext context) {
		context.catchEvents().subscribe(element, instance);
		context.flow().activated(instance);
	}

	@Override
	public void onCompleted(ExecutableElement element, ElementInstance instance, BpmnContext context) {
		// The triggered event's flow is taken by the trigger itself.
	}

}
