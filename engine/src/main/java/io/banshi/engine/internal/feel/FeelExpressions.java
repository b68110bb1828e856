package io.banshi.engine.internal.feel;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Period;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.feel.FeelEngine;
import org.camunda.feel.api.EvaluationFailure;
import org.camunda.feel.api.EvaluationResult;
import org.camunda.feel.api.FailedEvaluationResult;
import org.camunda.feel.api.FailedParseResult;
import org.camunda.feel.api.FeelEngineApi;
import org.camunda.feel.api.FeelEngineBuilder;
import org.camunda.feel.api.ParseResult;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Parses and evaluates FEEL with {@code org.camunda.feel:feel-engine}. Values go in and
 * out as plain Java values (maps, lists, strings, numbers, booleans, null) that map
 * one-to-one onto JSON.
 */
public final class FeelExpressions {

	private final FeelEngineApi feel = FeelEngineBuilder.forJava().build();

	/**
	 * Parses an attribute: text starting with {@code =} is FEEL, anything else static.
	 * @param text the attribute value
	 * @return the expression
	 * @throws IllegalArgumentException when the FEEL does not parse, with the reason
	 */
	public Expression parse(String text) {
		if (text == null || !text.startsWith("=")) {
			return new Expression(text, null);
		}
		return new Expression(text, parseFeel(text.substring(1)));
	}

	/**
	 * Parses a FEEL expression without the {@code =} prefix (a script, a condition body).
	 * @param source the FEEL source
	 * @return the parsed expression
	 * @throws IllegalArgumentException when it does not parse
	 */
	public org.camunda.feel.syntaxtree.ParsedExpression parseFeel(String source) {
		ParseResult result = this.feel.parseExpression(source);
		if (result.isFailure()) {
			FeelEngine.Failure failure = ((FailedParseResult) result).failure();
			throw new IllegalArgumentException(failure.message());
		}
		return result.parsedExpression();
	}

	/**
	 * Evaluates an expression against variables.
	 * @param expression the expression (a static value is returned as is)
	 * @param variables the visible variables as plain Java values
	 * @return the result as a plain Java value
	 * @throws EvaluationException when evaluation fails
	 */
	public Object evaluate(Expression expression, Map<String, Object> variables) {
		if (!expression.isFeel()) {
			return expression.text();
		}
		EvaluationResult result = this.feel.evaluate(expression.feel(), variables);
		if (result.isFailure()) {
			FeelEngine.Failure failure = ((FailedEvaluationResult) result).failure();
			throw new EvaluationException(
					"Expected to evaluate expression '" + expression.source() + "', but failed: " + failure.message());
		}
		Object value = toPlain(result.result());
		if (value == null && result.hasSuppressedFailures()) {
			// FEEL turns a missing variable into null; say why, as Zeebe's incident
			// messages do.
			List<String> warnings = new ArrayList<>();
			for (EvaluationFailure warning : CollectionConverters.asJava(result.suppressedFailures())) {
				warnings.add("[" + warning.failureType() + "] " + warning.failureMessage());
			}
			return new NullWithWarnings(warnings);
		}
		return value;
	}

	/**
	 * Evaluates an expression that must give a string (a job type).
	 * @param expression the expression
	 * @param variables the visible variables
	 * @return the string
	 */
	public String evaluateString(Expression expression, Map<String, Object> variables) {
		Object value = evaluate(expression, variables);
		if (value instanceof String text) {
			return text;
		}
		throw wrongType(expression, "STRING", value);
	}

	/**
	 * Evaluates an expression that must give a number (retries).
	 * @param expression the expression
	 * @param variables the visible variables
	 * @return the number as an int
	 */
	public int evaluateInt(Expression expression, Map<String, Object> variables) {
		Object value = evaluate(expression, variables);
		if (value instanceof Number number) {
			return number.intValue();
		}
		if (!expression.isFeel() && value instanceof String text) {
			try {
				return Integer.parseInt(text.trim());
			}
			catch (NumberFormatException ex) {
				// fall through to the type error
			}
		}
		throw wrongType(expression, "NUMBER", value);
	}

	/**
	 * Evaluates a condition, which must give a boolean.
	 * @param expression the expression
	 * @param variables the visible variables
	 * @return the boolean
	 */
	public boolean evaluateBoolean(Expression expression, Map<String, Object> variables) {
		Object value = evaluate(expression, variables);
		if (value instanceof Boolean bool) {
			return bool;
		}
		throw wrongType(expression, "BOOLEAN", value);
	}

	/**
	 * Removes the warning marker from an evaluation result.
	 * @param value a result of {@link #evaluate}
	 * @return the plain value
	 */
	public static Object plain(Object value) {
		return (value instanceof NullWithWarnings) ? null : value;
	}

	private static EvaluationException wrongType(Expression expression, String expected, Object value) {
		String actual = typeName(value);
		String message = "Expected result of the expression '" + expression.source() + "' to be '" + expected
				+ "', but was '" + actual + "'.";
		if (value instanceof NullWithWarnings warnings) {
			message += " The evaluation reported the following warnings:\n" + String.join("\n", warnings.warnings());
		}
		return new EvaluationException(message);
	}

	private static String typeName(Object value) {
		if (value == null || value instanceof NullWithWarnings) {
			return "NULL";
		}
		if (value instanceof String) {
			return "STRING";
		}
		if (value instanceof Number) {
			return "NUMBER";
		}
		if (value instanceof Boolean) {
			return "BOOLEAN";
		}
		if (value instanceof List) {
			return "ARRAY";
		}
		if (value instanceof Map) {
			return "OBJECT";
		}
		return value.getClass().getSimpleName().toUpperCase();
	}

	/**
	 * Turns a FEEL result into JSON-shaped Java values: Scala and Java collections become
	 * maps and lists, whole decimals become longs, temporal values their ISO text.
	 * @param value a FEEL result
	 * @return the plain value
	 */
	@SuppressWarnings("unchecked")
	static Object toPlain(Object value) {
		if (value == null || value instanceof String || value instanceof Boolean) {
			return value;
		}
		if (value instanceof BigDecimal decimal) {
			return plainNumber(decimal);
		}
		if (value instanceof scala.math.BigDecimal decimal) {
			return plainNumber(decimal.bigDecimal());
		}
		if (value instanceof BigInteger integer) {
			return integer.longValue();
		}
		if (value instanceof Number) {
			return value;
		}
		if (value instanceof Map<?, ?> map) {
			Map<String, Object> result = new LinkedHashMap<>();
			map.forEach((k, v) -> result.put(String.valueOf(k), toPlain(v)));
			return result;
		}
		if (value instanceof scala.collection.Map<?, ?> map) {
			return toPlain(CollectionConverters.asJava((scala.collection.Map<Object, Object>) map));
		}
		if (value instanceof Iterable<?> iterable) {
			List<Object> result = new ArrayList<>();
			iterable.forEach((v) -> result.add(toPlain(v)));
			return result;
		}
		if (value instanceof scala.collection.Iterable<?> iterable) {
			return toPlain(CollectionConverters.asJava((scala.collection.Iterable<Object>) iterable));
		}
		if (value instanceof TemporalAccessor || value instanceof Duration || value instanceof Period) {
			return value.toString();
		}
		return value.toString();
	}

	private static Object plainNumber(BigDecimal decimal) {
		BigDecimal stripped = decimal.stripTrailingZeros();
		if (stripped.scale() <= 0 && stripped.precision() - stripped.scale() <= 18) {
			return stripped.longValueExact();
		}
		return decimal.doubleValue();
	}

	/**
	 * A null result that FEEL reported warnings for (usually a missing variable).
	 *
	 * @param warnings the warnings
	 */
	public record NullWithWarnings(List<String> warnings) {
	}

}
