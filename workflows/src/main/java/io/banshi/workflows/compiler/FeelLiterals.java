package io.banshi.workflows.compiler;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Iterator;
import java.util.Map;

/**
 * Writes plan values as FEEL: a string starting with {@code =} is an expression already
 * and is kept; anything else becomes a FEEL literal, so a value never runs as code.
 */
final class FeelLiterals {

	private FeelLiterals() {
	}

	/**
	 * Returns the FEEL mapping source for a value.
	 * @param value a plan value: string, number, boolean, list, map or null
	 * @return an expression with its leading {@code =}
	 */
	static String expression(Object value) {
		if (value instanceof String text && text.startsWith("=")) {
			return text;
		}
		StringBuilder out = new StringBuilder("=");
		literal(value, out);
		return out.toString();
	}

	private static void literal(Object value, StringBuilder out) {
		if (value == null) {
			out.append("null");
		}
		else if (value instanceof Boolean) {
			out.append(value);
		}
		else if (value instanceof BigDecimal decimal) {
			out.append(decimal.toPlainString());
		}
		else if (value instanceof Double || value instanceof Float) {
			double number = ((Number) value).doubleValue();
			if (Double.isNaN(number) || Double.isInfinite(number)) {
				out.append("null");
			}
			else {
				out.append(BigDecimal.valueOf(number).stripTrailingZeros().toPlainString());
			}
		}
		else if (value instanceof Number) {
			out.append(value);
		}
		else if (value instanceof Map<?, ?> map) {
			out.append('{');
			Iterator<? extends Map.Entry<?, ?>> entries = map.entrySet().iterator();
			while (entries.hasNext()) {
				Map.Entry<?, ?> entry = entries.next();
				string(String.valueOf(entry.getKey()), out);
				out.append(": ");
				literal(entry.getValue(), out);
				if (entries.hasNext()) {
					out.append(", ");
				}
			}
			out.append('}');
		}
		else if (value instanceof Collection<?> list) {
			out.append('[');
			Iterator<?> items = list.iterator();
			while (items.hasNext()) {
				literal(items.next(), out);
				if (items.hasNext()) {
					out.append(", ");
				}
			}
			out.append(']');
		}
		else {
			string(String.valueOf(value), out);
		}
	}

	/**
	 * Appends a FEEL string literal.
	 * @param text the text
	 * @param out where to append
	 */
	static void string(String text, StringBuilder out) {
		out.append('"');
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '"' -> out.append("\\\"");
				case '\\' -> out.append("\\\\");
				case '\n' -> out.append("\\n");
				case '\r' -> out.append("\\r");
				case '\t' -> out.append("\\t");
				default -> out.append(c);
			}
		}
		out.append('"');
	}

	/**
	 * Returns a FEEL string literal.
	 * @param text the text
	 * @return the quoted, escaped text
	 */
	static String string(String text) {
		StringBuilder out = new StringBuilder();
		string(text, out);
		return out.toString();
	}

}
