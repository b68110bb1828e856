package io.banshi.workflows.plan;

import java.util.List;
import java.util.Map;

/**
 * One step of a plan.
 *
 * @param id unique within the plan, a BPMN-safe identifier such as {@code s1}
 * @param kind what the step does
 * @param capability the capability it uses ({@code travel.flight}, ...); may be more
 * specific than a catalog name ({@code travel.flight.search}); {@code null} for steps
 * that need none (a plain reminder)
 * @param inputs the step's parameters (values, or FEEL expressions starting with
 * {@code =})
 * @param dependsOn ids of the steps that must finish before this one starts
 */
public record PlanStep(String id, StepKind kind, String capability, Map<String, Object> inputs,
		List<String> dependsOn) {

	public PlanStep {
		inputs = (inputs != null) ? Map.copyOf(inputs) : Map.of();
		dependsOn = (dependsOn != null) ? List.copyOf(dependsOn) : List.of();
	}

}
