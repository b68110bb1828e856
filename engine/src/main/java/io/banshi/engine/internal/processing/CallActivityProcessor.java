package io.banshi.engine.internal.processing;

import java.util.Map;

import io.banshi.engine.internal.feel.EvaluationException;
import io.banshi.engine.internal.model.ExecutableCallActivity;
import io.banshi.engine.internal.model.ExecutableElement;
import io.banshi.engine.internal.state.Entities.ElementInstance;

/**
 * Call activities: after input mappings, ask for an instance of the called process with
 * the call activity's variables (all visible ones, or only its input mappings). The
 * command starts it in the same transaction and then marks the call activity activated
 * (or raises {@code CALLED_ELEMENT_ERROR}); the child's completion completes the call
 * activity, and terminating the call activity terminates the child.
 */
final class CallActivityProcessor implements BpmnElementProcessor<ExecutableElement> {

	@Override
	public void onActivate(ExecutableElement element, ElementInstance instance, BpmnContext context) {
		ExecutableCallActivity call = (ExecutableCallActivity) element;
		context.variables().applyInputMappings(element, instance);
		String processId;
		try {
			processId = context.feel()
				.evaluateString(call.processId(),
						call.processId().isFeel() ? context.variableState().visibleVariables(instance.key) : Map.of());
		}
		catch (EvaluationException ex) {
			throw new IncidentFailure(IncidentFailure.EXTRACT_VALUE_ERROR, ex.getMessage());
		}
		Map<String, Object> variables = call.propagateAllParentVariables()
				? context.variableState().visibleVariables(instance.key)
				: context.variableState().localVariables(instance.key);
		context.requestCall(new BpmnContext.Call(instance.key, processId, variables));
	}

	@Override
	public void onTerminate(ExecutableElement element, ElementInstance instance, BpmnContext context) {
		context.requestChildCancel(instance.key);
	}

	/**
	 * The called instance completed: hands its variables to the call activity (merged, or
	 * only for its output mappings) and completes it.
	 * @param context the parent's command context
	 * @param instance the call activity's instance
	 * @param childVariables the child's root variables at its end
	 */
	static void childCompleted(BpmnContext context, ElementInstance instance, Map<String, Object> childVariables) {
		ExecutableCallActivity call = (ExecutableCallActivity) context.process().element(instance.elementId);
		Map<String, Object> variables = (childVariables != null) ? childVariables : Map.of();
		if (call.propagateAllChildVariables()) {
			context.variables().setResult(call, instance, variables);
		}
		else if (!call.outputs().isEmpty()) {
			context.variables().setLocal(instance.key, variables);
		}
		context.flow().complete(instance);
	}

}
