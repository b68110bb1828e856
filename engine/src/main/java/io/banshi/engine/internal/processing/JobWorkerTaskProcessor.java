package io.banshi.engine.internal.processing;

import io.banshi.engine.internal.model.ExecutableElement;
import io.banshi.engine.internal.model.ExecutableJobTask;
import io.banshi.engine.internal.state.Entities.ElementInstance;

/**
 * Service, send and business-rule tasks: create a job and wait for a worker to complete
 * it (the CompleteJob command completes the element).
 */
final class JobWorkerTaskProcessor implements BpmnElementProcessor<ExecutableElement> {

	@Override
	public void onActivate(ExecutableElement element, ElementInstance instance, BpmnContext context) {
		context.variables().applyInputMappings(element, instance);
		context.catchEvents().prepareBoundaries(element, instance);
		context.jobs().createJob((ExecutableJobTask) element, instance);
		context.flow().activated(instance);
	}

	@Override
	public void onTerminate(ExecutableElement element, ElementInstance instance, BpmnContext context) {
		context.jobs().cancelJob(instance);
	}

}
