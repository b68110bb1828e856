package io.banshi.engine.internal.processing;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import io.banshi.engine.internal.feel.EvaluationException;
import io.banshi.engine.internal.feel.FeelExpressions;
import io.banshi.engine.internal.model.ExecutableElement;
import io.banshi.engine.internal.model.Mapping;
import io.banshi.engine.internal.state.Entities.ElementInstance;

/**
 * Variable scopes and propagation as Zeebe documents them: input mappings create local
 * variables of the element; output mappings decide what is merged into the enclosing
 * scopes; a variable that is merged goes to the nearest scope that already has it, or to
 * the process instance (the root scope) when none has.
 */
public final class VariableBehavior {

	private final BpmnContext context;

	private final FeelExpressions feel;

	VariableBehavior(BpmnContext context, FeelExpressions feel) {
		this.context = context;
		this.feel = feel;
	}

	/**
	 * Evaluates the element's input mappings in its flow scope and sets the results as
	 * local variables of the instance.
	 * @param element the element
	 * @param instance its instance
	 * @throws IncidentFailure IO_MAPPING_ERROR when a mapping fails
	 */
	public void applyInputMappings(ExecutableElement element, ElementInstance instance) {
		// After start listeners the mappings already stand (applied before them);
		// applying
		// them again would overwrite what the listeners set.
		if (element.inputs().isEmpty() || this.context.startListenersDone(instance.key)) {
			return;
		}
		Map<String, Object> scope = new HashMap<>(this.context.variableState().visibleVariables(instance.flowScopeKey));
		scope.putAll(this.context.variableState().localVariables(instance.key));
		Map<String, Object> result = evaluate(element.inputs(), scope);
		result.forEach((name, value) -> this.context.writer().setVariable(instance.key, name, value));
	}

	/**
	 * Evaluates the element's output mappings in its own scope and merges the results
	 * into the enclosing scopes.
	 * @param element the element
	 * @param instance its instance
	 * @throws IncidentFailure IO_MAPPING_ERROR when a mapping fails
	 */
	public void applyOutputMappings(ExecutableElement element, ElementInstance instance) {
		if (element.outputs().isEmpty()) {
			return;
		}
		Map<String, Object> scope = new HashMap<>(this.context.variableState().visibleVariables(instance.key));
		Map<String, Object> result = evaluate(element.outputs(), scope);
		merge(instance.flowScopeKey, result);
	}

	/**
	 * Hands the result of a job, a script or an error to an element: with output mappings
	 * the variables become local to the element (the mappings pick from them when it
	 * completes), without they are merged from the element's scope upwards.
	 * @param element the element
	 * @param instance its instance
	 * @param variables the result variables
	 */
	public void setResult(ExecutableElement element, ElementInstance instance, Map<String, Object> variables) {
		if (variables == null || variables.isEmpty()) {
			return;
		}
		if (!element.outputs().isEmpty()) {
			variables.forEach((name, value) -> this.context.writer().setVariable(instance.key, name, value));
		}
		else {
			merge(instance.key, variables);
		}
	}

	/**
	 * Sets variables on exactly one scope.
	 * @param scopeKey the scope
	 * @param variables the variables
	 */
	public void setLocal(long scopeKey, Map<String, Object> variables) {
		variables.forEach((name, value) -> this.context.writer().setVariable(scopeKey, name, value));
	}

	/**
	 * Merges variables starting at a scope: each goes to the nearest scope (from
	 * {@code scopeKey} up) that defines it, else to the root scope.
	 * @param scopeKey where to start
	 * @param variables the variables
	 */
	public void merge(long scopeKey, Map<String, Object> variables) {
		long root = this.context.elements().processInstance().key;
		variables.forEach((name, value) -> {
			long target = root;
			long current = scopeKey;
			while (current != 0) {
				if (this.context.variableState().hasLocal(current, name)) {
					target = current;
					break;
				}
				ElementInstance instance = this.context.elements().element(current);
				current = (instance != null) ? instance.flowScopeKey : 0;
			}
			this.context.writer().setVariable(target, name, value);
		});
	}

	private Map<String, Object> evaluate(Iterable<Mapping> mappings, Map<String, Object> scope) {
		Map<String, Object> result = new LinkedHashMap<>();
		for (Mapping mapping : mappings) {
			Object value;
			try {
				value = FeelExpressions.plain(this.feel.evaluate(mapping.source(), scope));
			}
			catch (EvaluationException ex) {
				throw new IncidentFailure(IncidentFailure.IO_MAPPING_ERROR, ex.getMessage());
			}
			String target = mapping.target();
			int dot = target.indexOf('.');
			if (dot < 0) {
				result.put(target, value);
				scope.put(target, value);
				continue;
			}
			// A dotted target writes into a context variable, keeping its other entries.
			String root = target.substring(0, dot);
			Object existing = result.containsKey(root) ? result.get(root) : scope.get(root);
			Map<String, Object> base = copy(existing);
			Map<String, Object> current = base;
			String[] path = target.substring(dot + 1).split("\\.");
			for (int i = 0; i < path.length - 1; i++) {
				Map<String, Object> next = copy(current.get(path[i]));
				current.put(path[i], next);
				current = next;
			}
			current.put(path[path.length - 1], value);
			result.put(root, base);
			scope.put(root, base);
		}
		return result;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> copy(Object value) {
		return (value instanceof Map<?, ?> map) ? new LinkedHashMap<>((Map<String, Object>) map)
				: new LinkedHashMap<>();
	}

}
