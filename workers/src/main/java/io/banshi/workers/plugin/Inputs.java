package io.banshi.workers.plugin;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a step's inputs leniently. Inputs come from a planner (a model or the offline
 * planner) through process variables, so a number may arrive as {@code 5000},
 * {@code "5000"}, {@code "5000元"} or {@code {"amount": 5000}}, and a date as
 * {@code 2026-12-09} or {@code 2026-12-09T08:00}; blank values count as missing.
 */
public final class Inputs {

	private static final Pattern NUMBER = Pattern.compile("-?\\d+(?:\\.\\d+)?");

	private static final Pattern TIME = Pattern.compile("(\\d{1,2}):(\\d{2})");

	private Inputs() {
	}

	/**
	 * Returns the first non-blank text among the given keys.
	 * @param inputs the inputs
	 * @param keys the keys to try, in order
	 * @return the trimmed text, or {@code null} when none has one
	 */
	public static String text(Map<String, ?> inputs, String... keys) {
		for (String key : keys) {
			Object value = inputs.get(key);
			if (value instanceof Map<?, ?> map && map.get("name") != null) {
				value = map.get("name");
			}
			if (value != null && !value.toString().isBlank()) {
				return value.toString().trim();
			}
		}
		return null;
	}

	/**
	 * Returns the first number among the given keys.
	 * @param inputs the inputs
	 * @param keys the keys to try, in order
	 * @return the number, or {@code null} when none has one
	 */
	public static BigDecimal decimal(Map<String, ?> inputs, String... keys) {
		for (String key : keys) {
			BigDecimal value = decimal(inputs.get(key));
			if (value != null) {
				return value;
			}
		}
		return null;
	}

	/**
	 * Returns the first whole number among the given keys, or a default.
	 * @param inputs the inputs
	 * @param fallback what to return when none has one
	 * @param keys the keys to try, in order
	 * @return the number
	 */
	public static int integer(Map<String, ?> inputs, int fallback, String... keys) {
		BigDecimal value = decimal(inputs, keys);
		return (value != null) ? value.intValue() : fallback;
	}

	/**
	 * Reads one value as a number: a number, a numeric text ({@code "5000元"}) or an
	 * object with an {@code amount} field.
	 * @param value the value
	 * @return the number, or {@code null} when it is none
	 */
	public static BigDecimal decimal(Object value) {
		if (value == null) {
			return null;
		}
		if (value instanceof BigDecimal decimal) {
			return decimal;
		}
		if (value instanceof Number number) {
			return new BigDecimal(number.toString());
		}
		if (value instanceof Map<?, ?> map) {
			return decimal(map.get("amount"));
		}
		Matcher matcher = NUMBER.matcher(value.toString().replace(",", ""));
		return matcher.find() ? new BigDecimal(matcher.group()) : null;
	}

	/**
	 * Returns the date under the key, or a default.
	 * @param inputs the inputs
	 * @param key the key, usually {@code date}
	 * @param fallback the date to use when the input has none or cannot be read
	 * @return the date
	 */
	public static LocalDate date(Map<String, ?> inputs, String key, LocalDate fallback) {
		String text = text(inputs, key);
		if (text == null || text.length() < 10) {
			return fallback;
		}
		try {
			return LocalDate.parse(text.substring(0, 10));
		}
		catch (DateTimeParseException ex) {
			return fallback;
		}
	}

	/**
	 * Returns the time of day under the key ({@code 19:00}, {@code 晚上7:30},
	 * {@code 7:30 pm}, or the time part of a date-time), or {@code null}.
	 * @param inputs the inputs
	 * @param key the key, usually {@code time}
	 * @return the time, or {@code null} when there is none
	 */
	public static LocalTime time(Map<String, ?> inputs, String key) {
		String text = text(inputs, key);
		if (text == null) {
			return null;
		}
		Matcher matcher = TIME.matcher(text);
		if (!matcher.find()) {
			return null;
		}
		int hour = Integer.parseInt(matcher.group(1));
		int minute = Integer.parseInt(matcher.group(2));
		String lower = text.toLowerCase(Locale.ROOT);
		if (hour < 12 && (lower.contains("下午") || lower.contains("晚") || lower.contains("pm"))) {
			hour += 12;
		}
		return (hour < 24 && minute < 60) ? LocalTime.of(hour, minute) : null;
	}

}
