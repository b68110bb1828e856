package io.banshi.engine.internal.processing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.banshi.engine.internal.feel.EvaluationException;
import io.banshi.engine.internal.model.ExecutableElement;
import io.banshi.engine.internal.model.ExecutableExclusiveGateway;
import io.banshi.engine.internal.model.ExecutableSequenceFlow;
import io.banshi.engine.internal.state.Entities.ElementInstance;

/**
 * Inclusive gateways: every outgoing flow whose condition holds, else the default flow,
 * else an incident. Conditions are evaluated before the gateway completes, so a failing
 * one changes nothing. A joining gateway is only activated once its tokens have joined
 * ({@link BpmnFlow#takeFlow} and the scope's re-evaluation decide when).
 */
final class InclusiveGatewayProcessor implements BpmnElementProcessor<ExecutableElement> {

	@Override
	public void onActivate(ExecutableElement element, ElementInstance instance, BpmnContext context) {
		ExecutableExclusiveGateway gateway = (ExecutableExclusiveGateway) element;
		List<ExecutableSequenceFlow> chosen = choose(gateway, instance, context);
		context.chosenFlowLists.put(instance.key, chosen);
		context.flow().activated(instance);
		context.flow().complete(instance);
	}

	@Override
	public void onCompleted(ExecutableElement element, ElementInstance instance, BpmnContext context) {
		for (ExecutableSequenceFlow flow : context.chosenFlowLists.remove(instance.key)) {
			context.flow().takeFlow(flow, instance.flowScopeKey);
		}
	}

	private List<ExecutableSequenceFlow> choose(ExecutableExclusiveGateway gateway, ElementInstance instance,
			BpmnContext context) {
		Map<String, Object> variables = context.variableState().visibleVariables(instance.key);
		List<ExecutableSequenceFlow> chosen = new ArrayList<>();
		for (ExecutableSequenceFlow flow : gateway.outgoing()) {
			if (flow == gateway.defaultFlow()) {
				continue;
			}
			try {
				if (flow.condition() == null || context.feel().evaluateBoolean(flow.condition(), variables)) {
					chosen.add(flow);
				}
			}
			catch (EvaluationException ex) {
				throw new IncidentFailure(IncidentFailure.EXTRACT_VALUE_ERROR, ex.getMessage());
			}
		}
		if (chosen.isEmpty() && gateway.defaultFlow() != null) {
			chosen.add(gateway.defaultFlow());
		}
		if (chosen.isEmpty()) {
			throw new IncidentFailure(IncidentFailure.CONDITION_ERROR,
					"Expected at least one condition to evaluate to true, or to have a default flow");
		}
		return chosen;
	}

}
