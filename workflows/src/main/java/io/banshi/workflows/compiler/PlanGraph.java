package io.banshi.workflows.compiler;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import io.banshi.workflows.plan.Plan;
import io.banshi.workflows.plan.PlanStep;
import io.banshi.workflows.plan.StepKind;

/**
 * A plan's steps checked and put in order: unique, BPMN-safe ids, known dependencies, no
 * cycle, and a {@code confirm} before every {@code order} that has none among the steps
 * it depends on (directly or not).
 */
final class PlanGraph {

	/** An XML NCName without the characters that would trouble FEEL or ids we derive. */
	private static final Pattern STEP_ID = Pattern.compile("[\\p{L}_][\\p{L}\\p{N}_-]*");

	private final List<PlanStep> steps;

	private final Map<String, List<String>> successors;

	private PlanGraph(List<PlanStep> steps) {
		this.steps = List.copyOf(steps);
		Map<String, List<String>> next = new LinkedHashMap<>();
		steps.forEach((step) -> next.put(step.id(), new ArrayList<>()));
		steps.forEach((step) -> step.dependsOn().forEach((dependency) -> next.get(dependency).add(step.id())));
		this.successors = next;
	}

	/**
	 * Checks a plan and orders its steps.
	 * @param plan the plan
	 * @return its steps in an order where every step comes after those it depends on,
	 * with the missing confirms inserted
	 * @throws IllegalArgumentException naming the step at fault
	 */
	static PlanGraph of(Plan plan) {
		Map<String, PlanStep> byId = new LinkedHashMap<>();
		for (PlanStep step : plan.steps()) {
			if (step == null || step.id() == null || !STEP_ID.matcher(step.id()).matches()) {
				throw new IllegalArgumentException("Step id '" + ((step != null) ? step.id() : null)
						+ "' is not a valid identifier (a letter or '_', then letters, digits, '_' or '-')");
			}
			if (step.kind() == null) {
				throw new IllegalArgumentException("Step '" + step.id() + "' has no kind");
			}
			if (step.dependsOn().size() != step.dependsOn().stream().distinct().count()) {
				// A dependency named twice is one dependency, not two tokens to join.
				step = new PlanStep(step.id(), step.kind(), step.capability(), step.inputs(),
						step.dependsOn().stream().distinct().toList());
			}
			if (byId.putIfAbsent(step.id(), step) != null) {
				throw new IllegalArgumentException("Two steps have the id '" + step.id() + "'");
			}
		}
		for (PlanStep step : byId.values()) {
			for (String dependency : step.dependsOn()) {
				if (!byId.containsKey(dependency)) {
					throw new IllegalArgumentException("Step '" + step.id() + "' depends on '" + dependency
							+ "', which is not a step of the plan");
				}
			}
		}
		List<PlanStep> ordered = topologicalOrder(byId);
		return new PlanGraph(withConfirms(ordered, byId.keySet()));
	}

	List<PlanStep> steps() {
		return this.steps;
	}

	/**
	 * The confirm whose answer a step acts on: the nearest {@code confirm} among the
	 * steps it depends on, directly or not; of two equally near, the one for the step's
	 * own capability.
	 * @param step a step of this graph
	 * @return the confirm's id, or {@code null} when the step stands behind none
	 */
	String confirmBefore(PlanStep step) {
		Map<String, PlanStep> byId = new HashMap<>();
		this.steps.forEach((candidate) -> byId.put(candidate.id(), candidate));
		Set<String> seen = new HashSet<>();
		List<String> level = byId.get(step.id()).dependsOn();
		while (!level.isEmpty()) {
			String found = null;
			List<String> next = new ArrayList<>();
			for (String id : level) {
				PlanStep candidate = byId.get(id);
				if (!seen.add(id) || candidate == null) {
					continue;
				}
				if (candidate.kind() == StepKind.CONFIRM && (found == null
						|| (step.capability() != null && step.capability().equals(candidate.capability())))) {
					found = id;
				}
				next.addAll(candidate.dependsOn());
			}
			if (found != null) {
				return found;
			}
			level = next;
		}
		return null;
	}

	List<String> successors(String stepId) {
		return this.successors.get(stepId);
	}

	private static List<PlanStep> topologicalOrder(Map<String, PlanStep> byId) {
		Map<String, Integer> waiting = new HashMap<>();
		byId.values().forEach((step) -> waiting.put(step.id(), (int) step.dependsOn().stream().distinct().count()));
		List<PlanStep> ordered = new ArrayList<>(byId.size());
		Set<String> done = new HashSet<>();
		// Repeated passes in plan order keep the output stable and close to how the plan
		// was written; plans are small, so the quadratic worst case does not matter.
		boolean progress = true;
		while (progress && ordered.size() < byId.size()) {
			progress = false;
			for (PlanStep step : byId.values()) {
				if (!done.contains(step.id()) && done.containsAll(step.dependsOn())) {
					ordered.add(step);
					done.add(step.id());
					progress = true;
				}
			}
		}
		if (ordered.size() < byId.size()) {
			List<String> cycle = findCycle(byId, done);
			throw new IllegalArgumentException(
					"Step '" + cycle.get(0) + "' is part of a dependency cycle (" + String.join(" -> ", cycle) + ")");
		}
		return ordered;
	}

	private static List<String> findCycle(Map<String, PlanStep> byId, Set<String> done) {
		// Every step left over waits on another left-over step, so walking dependencies
		// from any of them must come back to a step already seen.
		String start = byId.keySet().stream().filter((id) -> !done.contains(id)).findFirst().orElseThrow();
		List<String> path = new ArrayList<>();
		Map<String, Integer> seenAt = new HashMap<>();
		String current = start;
		while (!seenAt.containsKey(current)) {
			seenAt.put(current, path.size());
			path.add(current);
			current = byId.get(current)
				.dependsOn()
				.stream()
				.filter((id) -> !done.contains(id))
				.findFirst()
				.orElseThrow();
		}
		List<String> cycle = new ArrayList<>(path.subList(seenAt.get(current), path.size()));
		cycle.add(current);
		// The walk follows "depends on" edges; reversed it reads in execution order.
		Collections.reverse(cycle);
		return cycle;
	}

	private static List<PlanStep> withConfirms(List<PlanStep> ordered, Set<String> ids) {
		Set<String> usedIds = new HashSet<>(ids);
		Set<String> confirmed = new HashSet<>();
		List<PlanStep> result = new ArrayList<>(ordered.size() + 2);
		for (PlanStep step : ordered) {
			boolean behindConfirm = step.dependsOn().stream().anyMatch(confirmed::contains);
			if (step.kind() == StepKind.ORDER && !behindConfirm) {
				String confirmId = freshId(step.id() + "_confirm", usedIds);
				PlanStep confirm = new PlanStep(confirmId, StepKind.CONFIRM, step.capability(),
						Map.of("for_step", step.id()), step.dependsOn());
				result.add(confirm);
				confirmed.add(confirmId);
				step = new PlanStep(step.id(), step.kind(), step.capability(), step.inputs(), List.of(confirmId));
				behindConfirm = true;
			}
			if (step.kind() == StepKind.CONFIRM || behindConfirm) {
				confirmed.add(step.id());
			}
			result.add(step);
		}
		return result;
	}

	private static String freshId(String wanted, Set<String> used) {
		String id = wanted;
		for (int i = 2; used.contains(id); i++) {
			id = wanted + i;
		}
		used.add(id);
		return id;
	}

	/**
	 * Returns the steps nothing depends on.
	 * @return their ids in order
	 */
	List<String> sinks() {
		return this.steps.stream().map(PlanStep::id).filter((id) -> this.successors.get(id).isEmpty()).toList();
	}

}
