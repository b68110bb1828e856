package io.banshi.workflows.plan;

import java.util.List;
import java.util.Map;

/**
 * What an errand will do: its errand-level parameters and its steps.
 *
 * @param slots errand-level parameters ({@code origin}, {@code destination},
 * {@code date}, {@code time}, {@code nights}, {@code party_size}, {@code quantity},
 * {@code budget}, {@code amount}, {@code item}, {@code remind_at}, {@code remind_text},
 * {@code repeat}); see {@code ../shared/eval/README.md}
 * @param steps the steps; their {@code dependsOn} edges form a directed acyclic graph
 */
public record Plan(Map<String, Object> slots, List<PlanStep> steps) {

	public Plan {
		slots = (slots != null) ? Map.copyOf(slots) : Map.of();
		steps = (steps != null) ? List.copyOf(steps) : List.of();
	}

}
