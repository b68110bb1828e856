package io.banshi.workflows.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.banshi.workflows.plan.Plan;
import io.banshi.workflows.plan.PlanOutcome;
import io.banshi.workflows.plan.PlanStep;
import io.banshi.workflows.plan.StepKind;

/**
 * Reads what a model answered into a plan outcome, or says why it cannot.
 *
 * @param outcome the outcome, or null when the answer could not be read
 * @param problems why it could not be read (empty when it could)
 */
record ModelAnswer(PlanOutcome outcome, List<String> problems) {

	static ModelAnswer read(String content, ObjectMapper json) {
		if (content == null || content.isBlank()) {
			return failed("The answer was empty; answer with one JSON object.");
		}
		JsonNode root;
		try {
			root = json.readTree(stripFences(content));
		}
		catch (JsonProcessingException ex) {
			return failed("The answer is not valid JSON (" + ex.getOriginalMessage() + "); answer with one JSON "
					+ "object only.");
		}
		if (root == null || !root.isObject()) {
			return failed("The answer must be one JSON object.");
		}
		String outcome = root.path("outcome").asText("");
		switch (outcome) {
			case "clarify" -> {
				String question = root.path("question").asText("").trim();
				return question.isEmpty() ? failed("A clarify answer needs a non-empty \"question\".")
						: new ModelAnswer(new PlanOutcome.Clarify(question), List.of());
			}
			case "refuse" -> {
				String reason = root.path("reason").asText("").trim();
				return reason.isEmpty() ? failed("A refuse answer needs a non-empty \"reason\".")
						: new ModelAnswer(new PlanOutcome.Refuse(reason), List.of());
			}
			case "plan" -> {
				return readPlan(root.path("plan"), json);
			}
			default -> {
				return failed("\"outcome\" must be plan, clarify or refuse, not '" + outcome + "'.");
			}
		}
	}

	private static ModelAnswer readPlan(JsonNode node, ObjectMapper json) {
		if (!node.isObject()) {
			return failed("A plan answer needs a \"plan\" object with \"slots\" and \"steps\".");
		}
		List<String> problems = new ArrayList<>();
		Map<String, Object> slots = new LinkedHashMap<>();
		JsonNode slotsNode = node.path("slots");
		if (slotsNode.isObject()) {
			slotsNode.fields().forEachRemaining((field) -> {
				if (!field.getValue().isNull()) {
					slots.put(field.getKey(), json.convertValue(field.getValue(), Object.class));
				}
			});
		}
		else if (!slotsNode.isMissingNode() && !slotsNode.isNull()) {
			problems.add("\"slots\" must be an object.");
		}
		List<PlanStep> steps = new ArrayList<>();
		JsonNode stepsNode = node.path("steps");
		if (!stepsNode.isArray()) {
			problems.add("\"steps\" must be an array.");
		}
		else {
			int index = 0;
			for (JsonNode step : stepsNode) {
				index++;
				PlanStep read = readStep(step, index, json, problems);
				if (read != null) {
					steps.add(read);
				}
			}
		}
		if (!problems.isEmpty()) {
			return new ModelAnswer(null, problems);
		}
		return new ModelAnswer(new PlanOutcome.Planned(new Plan(slots, steps), null), List.of());
	}

	@SuppressWarnings("unchecked")
	private static PlanStep readStep(JsonNode step, int index, ObjectMapper json, List<String> problems) {
		String id = step.path("id").asText("").trim();
		String name = id.isEmpty() ? "step " + index : "step '" + id + "'";
		if (id.isEmpty()) {
			problems.add("The " + name + " has no \"id\".");
			return null;
		}
		StepKind kind;
		try {
			kind = StepKind.of(step.path("kind").asText(""));
		}
		catch (IllegalArgumentException ex) {
			problems.add("The " + name + ": " + ex.getMessage() + ".");
			return null;
		}
		JsonNode capabilityNode = step.path("capability");
		String capability = (capabilityNode.isTextual() && !capabilityNode.asText().isBlank())
				? capabilityNode.asText().trim() : null;
		Map<String, Object> inputs = new LinkedHashMap<>();
		if (step.path("inputs").isObject()) {
			inputs.putAll(json.convertValue(step.path("inputs"), Map.class));
			inputs.values().removeIf(java.util.Objects::isNull);
		}
		List<String> dependsOn = new ArrayList<>();
		JsonNode depends = step.path("dependsOn");
		if (depends.isArray()) {
			depends.forEach((dependency) -> dependsOn.add(dependency.asText()));
		}
		else if (depends.isTextual()) {
			dependsOn.add(depends.asText());
		}
		return new PlanStep(id, kind, capability, inputs, dependsOn);
	}

	private static ModelAnswer failed(String problem) {
		return new ModelAnswer(null, List.of(problem));
	}

	/** Models often wrap JSON in a Markdown fence or add a sentence around it. */
	private static String stripFences(String content) {
		String text = content.trim();
		int start = text.indexOf('{');
		int end = text.lastIndexOf('}');
		return (start >= 0 && end > start) ? text.substring(start, end + 1) : text;
	}

}
