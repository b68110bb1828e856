package io.banshi.engine.internal.processing;

import java.util.HashMap;
import java.util.Map;

import io.banshi.engine.internal.feel.EvaluationException;
import io.banshi.engine.internal.feel.FeelExpressions;
import io.banshi.engine.internal.model.ExecutableElement;
import io.banshi.engine.internal.model.ExecutableScriptTask;
import io.banshi.engine.internal.state.Entities.ElementInstance;

/**
 * Script tasks with a FEEL expression: evaluate, store the result variable, complete.
 */
final class ScriptTaskProcessor implements BpmnElementProcessor<ExecutableElement> {

	@Override
	public void onActivate(ExecutableElement element, ElementInstance instance, BpmnContext context) {
		ExecutableScriptTask script = (ExecutableScriptTask) element;
		Map<String, Object> scope = new HashMap<>(context.variableState().visibleVariables(instance.flowScopeKey));
		context.variables().applyInputMappings(element, instance);
		scope.putAll(context.variableState().localVariables(instance.key));
		Object result;
		try {
			result = FeelExpressions.plain(context.feel().evaluate(script.script(), scope));
		}
		catch (EvaluationException ex) {
			throw new IncidentFailure(IncidentFailure.EXTRACT_VALUE_ERROR, ex.getMessage());
		}
		context.flow().activated(instance);
		Map<String, Object> variables = new HashMap<>();
		variables.put(script.resultVariable(), result);
		context.variables().setResult(element, instance, variables);
		context.flow().complete(instance);
	}

}
