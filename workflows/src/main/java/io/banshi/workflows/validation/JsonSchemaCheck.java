package io.banshi.workflows.validation;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Checks a JSON value against the part of JSON Schema (draft 2020-12) that the plan
 * schema and the capability catalog use: {@code type}, {@code enum}, {@code const},
 * {@code properties}, {@code required}, {@code additionalProperties}, {@code items},
 * {@code pattern}, {@code format: date}, {@code minimum}, {@code maximum},
 * {@code minLength}, {@code maxLength}, {@code minItems}, {@code maxItems},
 * {@code uniqueItems}, {@code anyOf}, {@code oneOf}, {@code allOf} and local
 * {@code $ref}s ({@code #/$defs/name}). Other keywords are ignored, as JSON Schema
 * ignores unknown ones.
 */
final class JsonSchemaCheck {

	private static final Map<String, Pattern> PATTERNS = new ConcurrentHashMap<>();

	private final JsonNode root;

	private final boolean expressionsAllowed;

	/**
	 * Creates a checker.
	 * @param root the schema document that local {@code $ref}s point into
	 * @param expressionsAllowed whether a string starting with {@code =} (a FEEL
	 * expression, known only when the process runs) is accepted wherever a value is
	 * expected
	 */
	JsonSchemaCheck(JsonNode root, boolean expressionsAllowed) {
		this.root = root;
		this.expressionsAllowed = expressionsAllowed;
	}

	/**
	 * Checks a value.
	 * @param schema the schema (or a part of the root document)
	 * @param value the value
	 * @param path where the value is, for messages
	 * @param out where violations are added
	 */
	void check(JsonNode schema, JsonNode value, String path, List<PlanViolation> out) {
		if (schema == null || schema.isMissingNode() || schema.isBoolean() && schema.asBoolean()) {
			return;
		}
		if (schema.isBoolean()) {
			out.add(new PlanViolation(path, "is not allowed here"));
			return;
		}
		if (schema.has("$ref")) {
			check(resolve(schema.get("$ref").asText()), value, path, out);
		}
		if (this.expressionsAllowed && value.isTextual() && value.asText().startsWith("=")) {
			return;
		}
		if (schema.has("type") && !typeMatches(schema.get("type"), value)) {
			out.add(new PlanViolation(path, "must be " + typeNames(schema.get("type")) + ", not " + describe(value)));
			return;
		}
		if (schema.has("enum")) {
			boolean found = false;
			for (JsonNode option : schema.get("enum")) {
				found |= option.equals(value);
			}
			if (!found) {
				out.add(new PlanViolation(path, "must be one of " + schema.get("enum") + ", not " + value));
			}
		}
		if (schema.has("const") && !schema.get("const").equals(value)) {
			out.add(new PlanViolation(path, "must be " + schema.get("const")));
		}
		if (value.isTextual()) {
			checkString(schema, value.asText(), path, out);
		}
		if (value.isNumber()) {
			checkNumber(schema, value.asDouble(), path, out);
		}
		if (value.isArray()) {
			checkArray(schema, value, path, out);
		}
		if (value.isObject()) {
			checkObject(schema, value, path, out);
		}
		checkCombinations(schema, value, path, out);
	}

	private void checkString(JsonNode schema, String text, String path, List<PlanViolation> out) {
		if (schema.has("minLength") && text.codePointCount(0, text.length()) < schema.get("minLength").asInt()) {
			out.add(new PlanViolation(path, "must have at least " + schema.get("minLength").asInt() + " characters"));
		}
		if (schema.has("maxLength") && text.codePointCount(0, text.length()) > schema.get("maxLength").asInt()) {
			out.add(new PlanViolation(path, "must have at most " + schema.get("maxLength").asInt() + " characters"));
		}
		if (schema.has("pattern")) {
			Pattern pattern = PATTERNS.computeIfAbsent(schema.get("pattern").asText(), Pattern::compile);
			if (!pattern.matcher(text).find()) {
				out.add(new PlanViolation(path, "'" + text + "' does not match " + pattern.pattern()));
			}
		}
		if (schema.has("format") && "date".equals(schema.get("format").asText())) {
			try {
				LocalDate.parse(text);
			}
			catch (DateTimeParseException ex) {
				out.add(new PlanViolation(path, "'" + text + "' is not an ISO date (YYYY-MM-DD)"));
			}
		}
	}

	private void checkNumber(JsonNode schema, double number, String path, List<PlanViolation> out) {
		if (schema.has("minimum") && number < schema.get("minimum").asDouble()) {
			out.add(new PlanViolation(path, "must be at least " + schema.get("minimum")));
		}
		if (schema.has("maximum") && number > schema.get("maximum").asDouble()) {
			out.add(new PlanViolation(path, "must be at most " + schema.get("maximum")));
		}
	}

	private void checkArray(JsonNode schema, JsonNode array, String path, List<PlanViolation> out) {
		if (schema.has("minItems") && array.size() < schema.get("minItems").asInt()) {
			out.add(new PlanViolation(path, "must have at least " + schema.get("minItems").asInt() + " items"));
		}
		if (schema.has("maxItems") && array.size() > schema.get("maxItems").asInt()) {
			out.add(new PlanViolation(path, "must have at most " + schema.get("maxItems").asInt() + " items"));
		}
		if (schema.path("uniqueItems").asBoolean(false)) {
			Set<JsonNode> seen = new HashSet<>();
			for (JsonNode item : array) {
				if (!seen.add(item)) {
					out.add(new PlanViolation(path, "has " + item + " more than once"));
				}
			}
		}
		if (schema.has("items")) {
			for (int i = 0; i < array.size(); i++) {
				check(schema.get("items"), array.get(i), path + "[" + i + "]", out);
			}
		}
	}

	private void checkObject(JsonNode schema, JsonNode object, String path, List<PlanViolation> out) {
		JsonNode properties = schema.path("properties");
		Set<String> missing = new HashSet<>();
		for (JsonNode required : schema.path("required")) {
			if (!object.has(required.asText()) || object.get(required.asText()).isNull()) {
				missing.add(required.asText());
				out.add(new PlanViolation(join(path, required.asText()), "is required"));
			}
		}
		Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
		while (fields.hasNext()) {
			Map.Entry<String, JsonNode> field = fields.next();
			if (missing.contains(field.getKey())) {
				continue;
			}
			if (properties.has(field.getKey())) {
				check(properties.get(field.getKey()), field.getValue(), join(path, field.getKey()), out);
			}
			else if (schema.has("additionalProperties")) {
				JsonNode additional = schema.get("additionalProperties");
				if (additional.isBoolean() && !additional.asBoolean()) {
					out.add(new PlanViolation(join(path, field.getKey()), "is not a known property"));
				}
				else if (additional.isObject()) {
					check(additional, field.getValue(), join(path, field.getKey()), out);
				}
			}
		}
	}

	private void checkCombinations(JsonNode schema, JsonNode value, String path, List<PlanViolation> out) {
		for (JsonNode part : schema.path("allOf")) {
			check(part, value, path, out);
		}
		for (String keyword : List.of("anyOf", "oneOf")) {
			if (!schema.has(keyword)) {
				continue;
			}
			int passing = 0;
			for (JsonNode part : schema.get(keyword)) {
				List<PlanViolation> trial = new java.util.ArrayList<>();
				check(part, value, path, trial);
				passing += trial.isEmpty() ? 1 : 0;
			}
			if (passing == 0 || keyword.equals("oneOf") && passing > 1) {
				out.add(new PlanViolation(path, describe(value) + " matches " + passing + " of the allowed forms in "
						+ keyword + ", expected " + (keyword.equals("oneOf") ? "exactly one" : "at least one")));
			}
		}
	}

	private JsonNode resolve(String ref) {
		if (!ref.startsWith("#/")) {
			throw new IllegalArgumentException("Only local $refs are supported, not " + ref);
		}
		JsonNode node = this.root.at(ref.substring(1));
		if (node.isMissingNode()) {
			throw new IllegalArgumentException("The schema has nothing at " + ref);
		}
		return node;
	}

	private static boolean typeMatches(JsonNode type, JsonNode value) {
		if (type.isArray()) {
			for (JsonNode option : type) {
				if (typeMatches(option, value)) {
					return true;
				}
			}
			return false;
		}
		return switch (type.asText()) {
			case "string" -> value.isTextual();
			case "integer" ->
				value.isIntegralNumber() || value.isNumber() && value.asDouble() == Math.rint(value.asDouble());
			case "number" -> value.isNumber();
			case "boolean" -> value.isBoolean();
			case "object" -> value.isObject();
			case "array" -> value.isArray();
			case "null" -> value.isNull();
			default -> true;
		};
	}

	private static String typeNames(JsonNode type) {
		if (!type.isArray()) {
			return "a " + type.asText();
		}
		StringBuilder names = new StringBuilder();
		type.forEach((t) -> names.append(names.isEmpty() ? "a " : " or a ").append(t.asText()));
		return names.toString();
	}

	private static String describe(JsonNode value) {
		if (value.isNull()) {
			return "null";
		}
		if (value.isTextual()) {
			return "the string '" + value.asText() + "'";
		}
		if (value.isNumber()) {
			return "the number " + value;
		}
		return "a" + (value.isObject() ? "n object" : value.isArray() ? "n array" : " boolean");
	}

	private static String join(String path, String key) {
		return path.isEmpty() ? key : path + "." + key;
	}

}
