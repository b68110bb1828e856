package io.banshi.engine.internal.processing;

import java.util.Map;

import io.banshi.engine.internal.feel.EvaluationException;
import io.banshi.engine.internal.model.ExecutableElement;
import io.banshi.engine.internal.model.ExecutableExclusiveGateway;
import io.banshi.engine.internal.model.ExecutableSequenceFlow;
import io.banshi.engine.internal.state.Entities.ElementInstance;

/**
 * Exclusive gateways: the first outgoing flow whose condition holds, else the default
 * flow, else an incident.
 */
final class ExclusiveGatewayProcessor implements BpmnElementProcessor<ExecutableElement> {

	@Override
	public void onActivate(ExecutableElement element, ElementInstance instance, BpmnContext context) {
		ExecutableExclusiveGateway gateway = (ExecutableExclusiveGateway) element;
		ExecutableSequenceFlow chosen = choose(gateway, instance, context);
		context.chosenFlows.put(instance.key, chosen);
		context.flow().activated(instance);
		context.flow().complete(instance);
	}

	@Override
	public void onCompleted(ExecutableElement element, ElementInstance instance, BpmnContext context) {
		ExecutableSequenceFlow chosen = context.chosenFlows.remove(instance.key);
		context.flow().takeFlow(chosen, instance.flowScopeKey);
	}

	private ExecutableSequenceFlow choose(ExecutableExclusiveGateway gateway, ElementInstance instance,
			BpmnContext context) {
		if (gateway.outgoing().size() == 1 && gateway.outgoing().get(0).condition() == null) {
			return gateway.outgoing().get(0);
		}
		Map<String, Object> variables = context.variableState().visibleVariables(instance.key);
		for (ExecutableSequenceFlow flow : gateway.outgoing()) {
			if (flow == gateway.defaultFlow() || flow.condition() == null) {
				continue;
			}
			try {
				if (context.feel().evaluateBoolean(flow.condition(), variables)) {
					return flow;
				}
			}
			catch (EvaluationException ex) {
				throw new IncidentFailure(IncidentFailure.EXTRACT_VALUE_ERROR, ex.getMessage());
			}
		}
		if (gateway.defaultFlow() != null) {
			return gateway.defaultFlow();
		}
		throw new IncidentFailure(IncidentFailure.CONDITION_ERROR,
				"Expected at least one condition to evaluate to true, or to have a default flow");
	}

}
