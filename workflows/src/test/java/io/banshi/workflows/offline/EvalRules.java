package io.banshi.workflows.offline;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.banshi.workflows.plan.PlanOutcome;
import io.banshi.workflows.plan.PlanStep;

/**
 * The scoring rules of {@code shared/eval/README.md} ({@code score.py}) in Java, so that
 * the planner is judged in a unit test exactly as the evaluation judges the API.
 */
final class EvalRules {

	private static final ObjectMapper JSON = new ObjectMapper();

	private EvalRules() {
	}

	/**
	 * Checks an answer against what an errand expects.
	 * @param expect the {@code expect} object of a line of the evaluation set
	 * @param outcome what the planner answered
	 * @return why it fails; empty when it passes
	 */
	static List<String> check(JsonNode expect, PlanOutcome outcome) {
		List<String> why = new ArrayList<>();
		String kind = outcomeName(outcome);
		List<String> outcomes = strings(expect.path("outcome"));
		if (!outcomes.contains(kind)) {
			why.add("outcome " + kind + ", expected " + outcomes);
			return why;
		}
		if (!(outcome instanceof PlanOutcome.Planned planned)) {
			return why;
		}
		List<PlanStep> steps = planned.plan().steps();
		Map<String, Object> slots = planned.plan().slots();
		List<String> kinds = strings(expect.path("kinds"));
		Set<String> present = new HashSet<>();
		steps.forEach((s) -> present.add(s.kind().jobType()));
		List<String> missing = kinds.stream().filter((k) -> !present.contains(k)).toList();
		if (!missing.isEmpty()) {
			why.add("missing step kinds " + missing + " (plan has " + present + ")");
		}
		else if (!kinds.isEmpty() && !kindsInOrder(steps, kinds)) {
			why.add("kinds " + kinds + " are not chained in that order by dependsOn");
		}
		for (String capability : strings(expect.path("capabilities"))) {
			boolean used = steps.stream()
				.map((s) -> (s.capability() != null) ? s.capability() : "")
				.anyMatch((c) -> c.equals(capability) || c.startsWith(capability + "."));
			if (!used) {
				why.add("no step uses capability " + capability);
			}
		}
		for (String forbidden : strings(expect.path("forbid"))) {
			if (present.contains(forbidden)) {
				why.add("plan has a forbidden " + forbidden + " step");
			}
		}
		expect.path("slots").fields().forEachRemaining((entry) -> {
			if (!slotMatches(entry.getKey(), entry.getValue(), slots.get(entry.getKey()))) {
				why.add("slot " + entry.getKey() + "=" + slots.get(entry.getKey()) + ", expected " + entry.getValue());
			}
		});
		return why;
	}

	static String outcomeName(PlanOutcome outcome) {
		if (outcome instanceof PlanOutcome.Planned) {
			return "plan";
		}
		return (outcome instanceof PlanOutcome.Clarify) ? "clarify" : "refuse";
	}

	static boolean slotMatches(String key, JsonNode expected, Object actualValue) {
		if (actualValue == null) {
			return false;
		}
		Object actual = actualValue;
		if (actual instanceof Map<?, ?> map) {
			actual = map.containsKey("amount") ? map.get("amount") : map.containsKey("value") ? map.get("value") : map;
		}
		List<JsonNode> options = new ArrayList<>();
		if (expected.isArray()) {
			expected.forEach(options::add);
		}
		else {
			options.add(expected);
		}
		for (JsonNode exp : options) {
			if (exp.isNumber()) {
				try {
					if (Math.abs(Double.parseDouble(actual.toString()) - exp.asDouble()) < 1e-6) {
						return true;
					}
				}
				catch (NumberFormatException ex) {
					// Not a number: no match.
				}
				continue;
			}
			String a = actual.toString();
			String e = exp.asText();
			if (key.equals("date") || key.equals("remind_at")) {
				if (e.length() == 10 && a.length() >= 10 && a.substring(0, 10).equals(e)) {
					return true;
				}
				if (e.length() > 10 && a.length() >= 16 && a.substring(0, 16).equals(e.substring(0, 16))) {
					return true;
				}
				continue;
			}
			if (key.equals("time")) {
				if ((a.length() >= 5 && a.substring(0, 5).equals(e.substring(0, 5)))
						|| (a.length() > 10 && a.length() >= 16 && a.substring(11, 16).equals(e.substring(0, 5)))) {
					return true;
				}
				continue;
			}
			if (a.toLowerCase(Locale.ROOT).contains(e.toLowerCase(Locale.ROOT))) {
				return true;
			}
		}
		return false;
	}

	static boolean kindsInOrder(List<PlanStep> steps, List<String> kinds) {
		Map<String, Set<String>> ancestors = ancestors(steps);
		Map<String, List<String>> byKind = new HashMap<>();
		steps.forEach((s) -> byKind.computeIfAbsent(s.kind().jobType(), (k) -> new ArrayList<>()).add(s.id()));
		Set<String> frontier = new LinkedHashSet<>(byKind.getOrDefault(kinds.get(0), List.of()));
		for (String kind : kinds.subList(1, kinds.size())) {
			Set<String> next = new LinkedHashSet<>();
			for (String id : byKind.getOrDefault(kind, List.of())) {
				if (ancestors.getOrDefault(id, Set.of()).stream().anyMatch(frontier::contains)) {
					next.add(id);
				}
			}
			if (next.isEmpty()) {
				return false;
			}
			frontier = next;
		}
		return !frontier.isEmpty();
	}

	private static Map<String, Set<String>> ancestors(List<PlanStep> steps) {
		Map<String, List<String>> deps = new HashMap<>();
		steps.forEach((s) -> deps.put(s.id(), s.dependsOn()));
		Map<String, Set<String>> result = new HashMap<>();
		for (PlanStep step : steps) {
			Set<String> seen = new HashSet<>();
			List<String> todo = new ArrayList<>(deps.getOrDefault(step.id(), List.of()));
			while (!todo.isEmpty()) {
				String id = todo.remove(todo.size() - 1);
				if (seen.add(id)) {
					todo.addAll(deps.getOrDefault(id, List.of()));
				}
			}
			result.put(step.id(), seen);
		}
		return result;
	}

	static JsonNode parse(String line) {
		try {
			return JSON.readTree(line);
		}
		catch (Exception ex) {
			throw new IllegalArgumentException("Not JSON: " + line, ex);
		}
	}

	private static List<String> strings(JsonNode node) {
		List<String> values = new ArrayList<>();
		if (node.isArray()) {
			node.forEach((n) -> values.add(n.asText()));
		}
		else if (!node.isMissingNode() && !node.isNull()) {
			values.add(node.asText());
		}
		return values;
	}

}
