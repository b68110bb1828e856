package io.banshi.engine.internal.processing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import io.banshi.engine.internal.feel.EvaluationException;
import io.banshi.engine.internal.feel.FeelExpressions;
import io.banshi.engine.internal.model.ExecutableElement;
import io.banshi.engine.internal.model.ExecutableMultiInstanceBody;
import io.banshi.engine.internal.state.Entities.ElementInstance;

/**
 * The multi-instance body: evaluates the input collection, runs the inner activity once
 * per element (all at once, or one after another), collects the output elements, and
 * completes when every inner instance has completed or the completion condition holds.
 * Its counters are local variables of the body (visible to the completion condition, as
 * in Zeebe): {@code numberOfInstances}, {@code numberOfCompletedInstances}.
 */
final class MultiInstanceBodyProcessor implements BpmnElementProcessor<ExecutableElement> {

	static final String INSTANCES = "numberOfInstances";

	static final String COMPLETED = "numberOfCompletedInstances";

	static final String LOOP_COUNTER = "loopCounter";

	@Override
	public void onActivate(ExecutableElement element, ElementInstance body, BpmnContext context) {
		ExecutableMultiInstanceBody mi = (ExecutableMultiInstanceBody) element;
		List<Object> items = collection(mi, body, context);
		context.catchEvents().prepareBoundaries(element, body);
		if (mi.outputCollection() != null) {
			context.writer()
				.setVariable(body.key, mi.outputCollection(), new ArrayList<>(Collections.nCopies(items.size(), null)));
		}
		context.writer().setVariable(body.key, INSTANCES, (long) items.size());
		context.writer().setVariable(body.key, COMPLETED, 0L);
		context.flow().activated(body);
		if (items.isEmpty()) {
			context.flow().complete(body);
			return;
		}
		int count = mi.sequential() ? 1 : items.size();
		for (int i = 0; i < count; i++) {
			createInner(mi, body, i, items.get(i), context);
		}
	}

	@Override
	public void onComplete(ExecutableElement element, ElementInstance body, BpmnContext context) {
		ExecutableMultiInstanceBody mi = (ExecutableMultiInstanceBody) element;
		if (mi.outputCollection() != null) {
			Object collected = context.variableState().localVariables(body.key).get(mi.outputCollection());
			context.variables().merge(body.flowScopeKey, Collections.singletonMap(mi.outputCollection(), collected));
		}
	}

	@Override
	public void onTerminate(ExecutableElement element, ElementInstance body, BpmnContext context) {
		context.flow().terminateChildren(body.key);
	}

	@Override
	public void onChildFinished(ExecutableElement element, ElementInstance body, BpmnContext context) {
		ExecutableMultiInstanceBody mi = (ExecutableMultiInstanceBody) element;
		Map<String, Object> local = context.variableState().localVariables(body.key);
		long completed = ((Number) local.get(COMPLETED)).longValue() + 1;
		long instances = ((Number) local.get(INSTANCES)).longValue();
		context.writer().setVariable(body.key, COMPLETED, completed);
		if (mi.completionCondition() != null) {
			boolean done;
			try {
				done = context.feel()
					.evaluateBoolean(mi.completionCondition(), context.variableState().visibleVariables(body.key));
			}
			catch (EvaluationException ex) {
				throw new IncidentFailure(IncidentFailure.EXTRACT_VALUE_ERROR, ex.getMessage());
			}
			if (done) {
				context.flow().terminateChildren(body.key);
				context.flow().complete(body);
				return;
			}
		}
		if (mi.sequential() && completed < instances) {
			List<Object> items = collection(mi, body, context);
			int index = (int) completed;
			createInner(mi, body, index, (index < items.size()) ? items.get(index) : null, context);
			return;
		}
		if (context.elements().children(body.key).isEmpty()) {
			context.flow().complete(body);
		}
	}

	/**
	 * Evaluates the output element in a completing inner instance and stores it at the
	 * instance's position in the output collection.
	 * @param inner the inner activity
	 * @param instance the completing inner instance
	 * @param context the command's context
	 */
	static void collectOutput(ExecutableElement inner, ElementInstance instance, BpmnContext context) {
		ExecutableMultiInstanceBody mi = inner.multiInstanceBody();
		if (mi.outputCollection() == null) {
			return;
		}
		Object value;
		try {
			value = FeelExpressions.plain(context.feel()
				.evaluate(mi.outputElement(), context.variableState().visibleVariables(instance.key)));
		}
		catch (EvaluationException ex) {
			throw new IncidentFailure(IncidentFailure.EXTRACT_VALUE_ERROR, ex.getMessage());
		}
		Object counter = context.variableState().localVariables(instance.key).get(LOOP_COUNTER);
		int index = ((Number) counter).intValue() - 1;
		Object current = context.variableState().localVariables(instance.flowScopeKey).get(mi.outputCollection());
		List<Object> collected = (current instanceof List<?> list) ? new ArrayList<>(list) : new ArrayList<>();
		while (collected.size() <= index) {
			collected.add(null);
		}
		collected.set(index, value);
		context.writer().setVariable(instance.flowScopeKey, mi.outputCollection(), collected);
	}

	private static void createInner(ExecutableMultiInstanceBody mi, ElementInstance body, int index, Object item,
			BpmnContext context) {
		ElementInstance inner = context.flow().activateElement(mi.inner(), body.key);
		if (mi.inputElement() != null) {
			context.writer().setVariable(inner.key, mi.inputElement(), item);
		}
		context.writer().setVariable(inner.key, LOOP_COUNTER, (long) index + 1);
	}

	@SuppressWarnings("unchecked")
	private static List<Object> collection(ExecutableMultiInstanceBody mi, ElementInstance body, BpmnContext context) {
		Object value;
		try {
			value = FeelExpressions.plain(
					context.feel().evaluate(mi.inputCollection(), context.variableState().visibleVariables(body.key)));
		}
		catch (EvaluationException ex) {
			throw new IncidentFailure(IncidentFailure.EXTRACT_VALUE_ERROR, ex.getMessage());
		}
		if (!(value instanceof List<?>)) {
			throw new IncidentFailure(IncidentFailure.EXTRACT_VALUE_ERROR,
					"Expected result of the expression '" + mi.inputCollection().source() + "' to be 'ARRAY', but was '"
							+ ((value == null) ? "NULL" : value.getClass().getSimpleName()) + "'.");
		}
		return (List<Object>) value;
	}

}
