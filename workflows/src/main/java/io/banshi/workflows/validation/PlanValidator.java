package io.banshi.workflows.validation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.banshi.workflows.catalog.Capability;
import io.banshi.workflows.catalog.CapabilityCatalog;
import io.banshi.workflows.plan.Plan;
import io.banshi.workflows.plan.PlanStep;
import io.banshi.workflows.plan.StepKind;

/**
 * Checks a plan before it is shown, compiled or run, whichever planner made it.
 *
 * <p>
 * The rules, each reported with where it was broken:
 * <ul>
 * <li>the plan has the shape of {@value #SCHEMA} (kinds, ids, slot types);</li>
 * <li>step ids are unique, and every {@code dependsOn} names another step of the
 * plan;</li>
 * <li>the {@code dependsOn} edges have no cycle;</li>
 * <li>every capability a step uses is in the catalog, {@code query} and {@code order}
 * steps use one, and an {@code order} uses one that is consequential (a read-only
 * capability can be queried, never ordered);</li>
 * <li>every {@code order} has a {@code confirm} before it (among the steps it depends on,
 * directly or not);</li>
 * <li>the inputs of {@code query} and {@code order} steps fit the capability's input
 * schema; required inputs must be there on every {@code order} and on queries of
 * read-only capabilities (a search in a consequential capability may be broad, "what did
 * I spend this month"). FEEL expressions ({@code "=..."}) are taken as they are.</li>
 * </ul>
 */
public final class PlanValidator {

	/** The classpath resource holding the JSON Schema of a plan. */
	public static final String SCHEMA = "banshi/plan.schema.json";

	private final CapabilityCatalog catalog;

	private final ObjectMapper json = new ObjectMapper();

	private final JsonNode schema;

	/**
	 * Creates a validator.
	 * @param catalog the capabilities steps may use
	 * @throws UncheckedIOException when the plan schema cannot be read
	 */
	public PlanValidator(CapabilityCatalog catalog) {
		this.catalog = catalog;
		try (InputStream in = PlanValidator.class.getClassLoader().getResourceAsStream(SCHEMA)) {
			if (in == null) {
				throw new IOException(SCHEMA + " is not on the classpath");
			}
			this.schema = this.json.readTree(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the plan schema " + SCHEMA, ex);
		}
	}

	/**
	 * Returns the JSON Schema of a plan.
	 * @return a copy of the schema
	 */
	public JsonNode schema() {
		return this.schema.deepCopy();
	}

	/**
	 * Lists everything wrong with a plan.
	 * @param plan the plan
	 * @return the violations; empty when the plan is valid
	 */
	public List<PlanViolation> validate(Plan plan) {
		List<PlanViolation> out = new ArrayList<>();
		if (plan == null) {
			out.add(new PlanViolation("", "there is no plan"));
			return out;
		}
		new JsonSchemaCheck(this.schema, false).check(this.schema, this.json.valueToTree(plan), "", out);
		Map<String, PlanStep> byId = new HashMap<>();
		List<PlanStep> steps = plan.steps();
		for (int i = 0; i < steps.size(); i++) {
			PlanStep step = steps.get(i);
			if (step.id() != null && byId.putIfAbsent(step.id(), step) != null) {
				out.add(new PlanViolation(at(i, "id"), "'" + step.id() + "' is the id of an earlier step too"));
			}
		}
		for (int i = 0; i < steps.size(); i++) {
			checkStep(i, steps.get(i), byId, out);
		}
		List<String> cycle = cycle(steps, byId);
		if (!cycle.isEmpty()) {
			out.add(new PlanViolation("steps", "dependsOn has a cycle: " + String.join(" -> ", cycle)));
		}
		else {
			for (int i = 0; i < steps.size(); i++) {
				PlanStep step = steps.get(i);
				if (step.kind() == StepKind.ORDER && !hasConfirmBefore(step, byId)) {
					out.add(new PlanViolation(at(i, "dependsOn"),
							"order step '" + step.id() + "' must depend (directly or not) on a confirm step"));
				}
			}
		}
		return out;
	}

	/**
	 * Checks a plan and fails when it is not valid.
	 * @param plan the plan
	 * @return the plan
	 * @throws InvalidPlanException listing everything wrong with it
	 */
	public Plan check(Plan plan) {
		List<PlanViolation> violations = validate(plan);
		if (!violations.isEmpty()) {
			throw new InvalidPlanException(violations);
		}
		return plan;
	}

	private void checkStep(int index, PlanStep step, Map<String, PlanStep> byId, List<PlanViolation> out) {
		for (int d = 0; d < step.dependsOn().size(); d++) {
			String dependency = step.dependsOn().get(d);
			if (dependency == null || !byId.containsKey(dependency)) {
				out.add(new PlanViolation(at(index, "dependsOn[" + d + "]"),
						"no step has the id '" + dependency + "'"));
			}
			else if (dependency.equals(step.id())) {
				out.add(new PlanViolation(at(index, "dependsOn[" + d + "]"), "a step cannot depend on itself"));
			}
		}
		if (step.kind() == null) {
			return;
		}
		boolean needsCapability = step.kind() == StepKind.QUERY || step.kind() == StepKind.ORDER;
		if (step.capability() == null || step.capability().isBlank()) {
			if (needsCapability) {
				out.add(new PlanViolation(at(index, "capability"),
						"a " + step.kind().jobType() + " step needs a capability"));
			}
			return;
		}
		Optional<Capability> found = this.catalog.find(step.capability());
		if (found.isEmpty()) {
			out.add(new PlanViolation(at(index, "capability"),
					"'" + step.capability() + "' is not in the capability catalog; known: "
							+ this.catalog.all().stream().map(Capability::name).toList()));
			return;
		}
		Capability capability = found.get();
		if (step.kind() == StepKind.ORDER && !capability.consequential()) {
			out.add(new PlanViolation(at(index, "capability"),
					"'" + capability.name() + "' is read-only: it can be queried but not ordered"));
		}
		if (needsCapability) {
			checkInputs(index, step, capability, out);
		}
	}

	private void checkInputs(int index, PlanStep step, Capability capability, List<PlanViolation> out) {
		JsonNode inputSchema = capability.input();
		if (inputSchema == null || inputSchema.isMissingNode()) {
			return;
		}
		JsonNode inputs = this.json.valueToTree(step.inputs());
		ObjectNode withoutRequired = inputSchema.deepCopy();
		withoutRequired.remove("required");
		new JsonSchemaCheck(inputSchema, true).check(withoutRequired, inputs, at(index, "inputs"), out);
		boolean requiredApplies = step.kind() == StepKind.ORDER || !capability.consequential();
		if (requiredApplies) {
			for (JsonNode required : inputSchema.path("required")) {
				JsonNode value = inputs.get(required.asText());
				if (value == null || value.isNull() || value.isTextual() && value.asText().isBlank()) {
					out.add(new PlanViolation(at(index, "inputs." + required.asText()),
							"is required by " + capability.name()));
				}
			}
		}
	}

	private static boolean hasConfirmBefore(PlanStep order, Map<String, PlanStep> byId) {
		Deque<String> todo = new ArrayDeque<>(order.dependsOn());
		Set<String> seen = new HashSet<>();
		while (!todo.isEmpty()) {
			PlanStep step = byId.get(todo.pop());
			if (step == null || !seen.add(step.id())) {
				continue;
			}
			if (step.kind() == StepKind.CONFIRM) {
				return true;
			}
			todo.addAll(step.dependsOn());
		}
		return false;
	}

	/** Finds one cycle of dependsOn edges, as the ids along it, or nothing. */
	private static List<String> cycle(List<PlanStep> steps, Map<String, PlanStep> byId) {
		Map<String, Integer> state = new HashMap<>();
		for (PlanStep step : steps) {
			List<String> path = new ArrayList<>();
			if (step.id() != null && visit(step.id(), byId, state, path)) {
				return path;
			}
		}
		return List.of();
	}

	private static boolean visit(String id, Map<String, PlanStep> byId, Map<String, Integer> state, List<String> path) {
		Integer seen = state.get(id);
		if (seen != null && seen == 2) {
			return false;
		}
		if (seen != null) {
			path.subList(0, path.indexOf(id)).clear();
			path.add(id);
			return true;
		}
		state.put(id, 1);
		path.add(id);
		PlanStep step = byId.get(id);
		if (step != null) {
			for (String dependency : step.dependsOn()) {
				if (byId.containsKey(dependency) && visit(dependency, byId, state, path)) {
					return true;
				}
			}
		}
		path.remove(path.size() - 1);
		state.put(id, 2);
		return false;
	}

	private static String at(int index, String field) {
		return "steps[" + index + "]." + field;
	}

}
