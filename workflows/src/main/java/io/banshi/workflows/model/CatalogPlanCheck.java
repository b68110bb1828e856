package io.banshi.workflows.model;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.banshi.workflows.catalog.Capability;
import io.banshi.workflows.catalog.CapabilityCatalog;
import io.banshi.workflows.compiler.BpmnPlanCompiler;
import io.banshi.workflows.plan.Plan;
import io.banshi.workflows.plan.PlanStep;
import io.banshi.workflows.plan.StepKind;

/**
 * The checks a model's plan must pass: capabilities from the catalog, consequential ones
 * only for {@code order}, dependencies that exist and form no cycle, every {@code order}
 * behind a {@code confirm}, and slots in the formats of the plan schema.
 */
public final class CatalogPlanCheck implements PlanCheck {

	private static final Set<String> NUMBER_SLOTS = Set.of("budget", "amount", "nights", "party_size", "quantity");

	private static final Set<String> REPEATS = Set.of("daily", "weekly", "monthly");

	private final CapabilityCatalog catalog;

	private final BpmnPlanCompiler compiler = new BpmnPlanCompiler();

	/**
	 * Creates the check.
	 * @param catalog the capabilities steps may use
	 */
	public CatalogPlanCheck(CapabilityCatalog catalog) {
		this.catalog = catalog;
	}

	@Override
	public List<String> problems(Plan plan) {
		List<String> problems = new ArrayList<>();
		if (plan.steps().isEmpty()) {
			problems.add("The plan has no steps; answer with clarify when there is nothing to do.");
		}
		Set<String> ids = new HashSet<>();
		for (PlanStep step : plan.steps()) {
			if (step.id() == null || step.id().isBlank()) {
				problems.add("A step has no id.");
				continue;
			}
			if (!ids.add(step.id())) {
				problems.add("Two steps have the id '" + step.id() + "'.");
			}
			checkCapability(step, problems);
		}
		for (PlanStep step : plan.steps()) {
			for (String dependency : step.dependsOn()) {
				if (!ids.contains(dependency)) {
					problems.add("Step '" + step.id() + "' depends on '" + dependency + "', which is not a step.");
				}
			}
		}
		checkConfirms(plan, problems);
		checkSlots(plan.slots(), problems);
		if (problems.isEmpty()) {
			try {
				this.compiler.compileModel(plan, "check");
			}
			catch (IllegalArgumentException ex) {
				problems.add(ex.getMessage() + ".");
			}
		}
		return problems;
	}

	private void checkCapability(PlanStep step, List<String> problems) {
		if (step.capability() == null || step.capability().isBlank()) {
			if (step.kind() != StepKind.REMIND && step.kind() != StepKind.NOTIFY) {
				problems.add("Step '" + step.id() + "' (" + step.kind().jobType() + ") needs a capability.");
			}
			return;
		}
		Capability capability = this.catalog.find(step.capability()).orElse(null);
		if (capability == null) {
			problems.add("Step '" + step.id() + "' uses the capability '" + step.capability()
					+ "', which is not in the catalog.");
		}
		else if (step.kind() == StepKind.ORDER && !capability.consequential()) {
			problems.add("Step '" + step.id() + "' orders with '" + capability.name()
					+ "', which is read-only; use query for it.");
		}
	}

	private static void checkConfirms(Plan plan, List<String> problems) {
		Map<String, PlanStep> byId = new java.util.HashMap<>();
		plan.steps().forEach((step) -> byId.putIfAbsent(step.id(), step));
		for (PlanStep step : plan.steps()) {
			if (step.kind() == StepKind.ORDER && !behindConfirm(step, byId, new HashSet<>())) {
				problems.add("Step '" + step.id() + "' orders without a confirm step before it (directly or "
						+ "through its dependencies).");
			}
		}
	}

	private static boolean behindConfirm(PlanStep step, Map<String, PlanStep> byId, Set<String> seen) {
		for (String dependency : step.dependsOn()) {
			PlanStep before = byId.get(dependency);
			if (before == null || !seen.add(dependency)) {
				continue;
			}
			if (before.kind() == StepKind.CONFIRM || behindConfirm(before, byId, seen)) {
				return true;
			}
		}
		return false;
	}

	private static void checkSlots(Map<String, Object> slots, List<String> problems) {
		slots.forEach((name, value) -> {
			if (value == null) {
				return;
			}
			String text = String.valueOf(value);
			if (NUMBER_SLOTS.contains(name) && !(value instanceof Number) && !(value instanceof Map)) {
				problems.add("Slot '" + name + "' must be a number, not '" + text + "'.");
			}
			else if ("date".equals(name) && !parses(() -> LocalDate.parse(text))) {
				problems.add("Slot 'date' must be an ISO date YYYY-MM-DD, not '" + text + "'.");
			}
			else if ("time".equals(name) && !parses(() -> LocalTime.parse(text))) {
				problems.add("Slot 'time' must be HH:MM, not '" + text + "'.");
			}
			else if ("remind_at".equals(name) && !parses(() -> LocalDateTime.parse(text))) {
				problems.add("Slot 'remind_at' must be an ISO local date-time YYYY-MM-DDTHH:MM, not '" + text + "'.");
			}
			else if ("repeat".equals(name) && !REPEATS.contains(text)) {
				problems.add("Slot 'repeat' must be daily, weekly or monthly, not '" + text + "'.");
			}
		});
	}

	private static boolean parses(Runnable parse) {
		try {
			parse.run();
			return true;
		}
		catch (DateTimeParseException ex) {
			return false;
		}
	}

}
