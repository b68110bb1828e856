package io.banshi.engine.internal.model;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;

/**
 * ISO 8601 timers as BPMN writes them: a duration ({@code PT10M}, {@code P1D},
 * {@code P1M}), a date-time ({@code 2026-12-01T09:00:00Z}; without an offset it is read
 * as UTC), or a repeating interval ({@code R3/PT10S}, {@code R/PT1H},
 * {@code R5/2026-12-01T09:00:00Z/P1D}).
 */
public final class Timers {

	private Timers() {
	}

	/**
	 * When a timer fires, and how often.
	 *
	 * @param dueAt the first due time (epoch ms)
	 * @param repetitions the firings, counting the first; -1 for ever
	 * @param intervalMillis the period between firings of a cycle, 0 otherwise
	 */
	public record Schedule(long dueAt, int repetitions, long intervalMillis) {
	}

	/**
	 * Checks a static timer at deployment.
	 * @param kind duration, date or cycle
	 * @param text the ISO 8601 text
	 * @throws IllegalArgumentException with a readable message when it does not parse
	 */
	public static void check(EventTrigger.TimerKind kind, String text) {
		schedule(kind, text, 0);
	}

	/**
	 * Computes a timer's schedule.
	 * @param kind duration, date or cycle
	 * @param text the ISO 8601 text (a FEEL result as text)
	 * @param now the engine clock's time
	 * @return the schedule
	 * @throws IllegalArgumentException when the text is not a timer of that kind
	 */
	public static Schedule schedule(EventTrigger.TimerKind kind, String text, long now) {
		String value = (text != null) ? text.trim() : "";
		try {
			return switch (kind) {
				case DURATION -> new Schedule(plus(now, value), 1, 0);
				case DATE -> new Schedule(date(value), 1, 0);
				case CYCLE -> cycle(value, now);
			};
		}
		catch (DateTimeParseException | ArithmeticException | NumberFormatException ex) {
			throw new IllegalArgumentException("Expected a timer " + kind.name().toLowerCase() + " in ISO 8601 (e.g. "
					+ example(kind) + "), but found '" + value + "'");
		}
	}

	private static String example(EventTrigger.TimerKind kind) {
		return switch (kind) {
			case DURATION -> "PT10M or P1D";
			case DATE -> "2026-12-01T09:00:00Z";
			case CYCLE -> "R3/PT10S";
		};
	}

	/**
	 * Adds an ISO 8601 duration (or period of years, months, weeks, days) to a time.
	 * @param from epoch ms
	 * @param duration the duration text
	 * @return epoch ms
	 */
	static long plus(long from, String duration) {
		int time = duration.indexOf('T');
		if (duration.startsWith("P") && (time < 0 || time == 1)) {
			if (time == 1) {
				return from + Duration.parse(duration).toMillis();
			}
			// Calendar periods (P1M, P2W, P1Y) are added in UTC.
			return ZonedDateTime.ofInstant(Instant.ofEpochMilli(from), ZoneOffset.UTC)
				.plus(Period.parse(duration))
				.toInstant()
				.toEpochMilli();
		}
		if (duration.startsWith("P")) {
			Period period = Period.parse(duration.substring(0, time));
			long base = ZonedDateTime.ofInstant(Instant.ofEpochMilli(from), ZoneOffset.UTC)
				.plus(period)
				.toInstant()
				.toEpochMilli();
			return base + Duration.parse("P" + duration.substring(time)).toMillis();
		}
		throw new DateTimeParseException("not a duration", duration, 0);
	}

	static long date(String text) {
		String value = text;
		int zone = value.indexOf('[');
		if (zone > 0) {
			return ZonedDateTime.parse(value).toInstant().toEpochMilli();
		}
		try {
			return OffsetDateTime.parse(value).toInstant().toEpochMilli();
		}
		catch (DateTimeParseException ex) {
			return LocalDateTime.parse(value).toInstant(ZoneOffset.UTC).toEpochMilli();
		}
	}

	private static Schedule cycle(String text, long now) {
		String[] parts = text.split("/");
		if (parts.length < 2 || parts.length > 3 || !parts[0].startsWith("R")) {
			throw new DateTimeParseException("not a cycle", text, 0);
		}
		int repetitions = (parts[0].length() == 1) ? -1 : Integer.parseInt(parts[0].substring(1));
		if (repetitions == 0 || repetitions < -1) {
			throw new DateTimeParseException("no repetitions", text, 0);
		}
		String durationText = parts[parts.length - 1];
		long interval = plus(0, durationText);
		if (interval <= 0) {
			throw new DateTimeParseException("empty interval", text, 0);
		}
		long first = (parts.length == 3) ? date(parts[1]) : plus(now, durationText);
		return new Schedule(first, repetitions, interval);
	}

}
