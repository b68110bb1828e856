package io.banshi.engine.internal.processing;

import io.banshi.engine.internal.model.ElementType;
import io.banshi.engine.internal.model.ExecutableContainer;
import io.banshi.engine.internal.model.ExecutableElement;
import io.banshi.engine.internal.state.Entities.ElementInstance;

/**
 * The process and embedded subprocesses: activate the none start event, complete when
 * nothing inside is left to do.
 */
final class ContainerProcessor implements BpmnElementProcessor<ExecutableElement> {

	@Override
	public void onActivate(ExecutableElement element, ElementInstance instance, BpmnContext context) {
		context.variables().applyInputMappings(element, instance);
		context.flow().activated(instance);
		ExecutableElement start = ((ExecutableContainer) element).startEvent();
		if (element.type() == ElementType.PROCESS && context.startEventId() != null) {
			start = context.process().element(context.startEventId());
		}
		context.flow().activateElement(start, instance.key);
	}

	@Override
	public void onComplete(ExecutableElement element, ElementInstance instance, BpmnContext context) {
		if (element.type() == ElementType.PROCESS) {
			// The root scope has no output mappings; BpmnFlow takes its variables as the
			// instance's result once its end listeners ran.
			return;
		}
		context.variables().applyOutputMappings(element, instance);
	}

	@Override
	public void onCompleted(ExecutableElement element, ElementInstance instance, BpmnContext context) {
		if (element.type() == ElementType.PROCESS) {
			context.writer().processInstanceEnded("COMPLETED");
			return;
		}
		context.flow().takeOutgoingFlows(element, instance.flowScopeKey);
	}

	@Override
	public void onTerminate(ExecutableElement element, ElementInstance instance, BpmnContext context) {
		context.flow().terminateChildren(instance.key);
	}

	@Override
	public void onChildFinished(ExecutableElement element, ElementInstance scope, BpmnContext context) {
		if (context.flow().isScopeDone(scope)) {
			context.flow().complete(scope);
		}
	}

}
