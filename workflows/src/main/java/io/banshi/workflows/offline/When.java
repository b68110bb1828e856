package io.banshi.workflows.offline;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;

/**
 * When a clause says something happens, as read by {@link TimeReader}.
 *
 * @param date the day, or {@code null} when none was said
 * @param endDate the last day of a range ("12月12日到15日"), or {@code null}
 * @param time the time of day, explicit or from a part of the day ("中午", "evening"), or
 * {@code null}
 * @param exact a moment said relative to now ("半小时后", "in 2 hours"), or {@code null}
 * @param before how long before the said moment something should happen ("提前半小时", "30
 * minutes before"), or {@code null}
 * @param repeat {@code daily}, {@code weekly} or {@code monthly}, an ISO-8601 duration
 * for an interval ({@code PT2H}), or {@code null}
 * @param weekdaysOnly whether a daily repeat skips the weekend ("every weekday")
 * @param repeatDay the day of the week a weekly repeat falls on, or {@code null}
 * @param repeatDayOfMonth the day of the month a monthly repeat falls on, or {@code null}
 * @param spans where in the clause these were said
 */
record When(LocalDate date, LocalDate endDate, LocalTime time, LocalDateTime exact, Duration before, String repeat,
		boolean weekdaysOnly, DayOfWeek repeatDay, Integer repeatDayOfMonth, List<Found<String>> spans) {

	boolean isEmpty() {
		return this.date == null && this.time == null && this.exact == null && this.repeat == null;
	}

	/**
	 * The first moment strictly after {@code now} that this says, for reminders.
	 * @param now the moment the sentence was said
	 * @param defaultDate the day to use when none was said (the errand's day), or
	 * {@code null}
	 * @param defaultTime the time to use when none was said
	 * @return the moment, or {@code null} when nothing about time was said and there is
	 * no default day
	 */
	LocalDateTime firstMoment(LocalDateTime now, LocalDate defaultDate, LocalTime defaultTime) {
		if (this.exact != null) {
			return minusBefore(this.exact);
		}
		LocalTime at = (this.time != null) ? this.time : defaultTime;
		if (this.repeat != null && this.date == null) {
			LocalDateTime candidate = now.toLocalDate().atTime(at);
			for (int i = 0; i < 400; i++) {
				if (candidate.isAfter(now) && matchesRepeat(candidate.toLocalDate())) {
					return minusBefore(candidate);
				}
				candidate = candidate.plusDays(1);
			}
			return minusBefore(now.toLocalDate().plusDays(1).atTime(at));
		}
		LocalDate day = (this.date != null) ? this.date : defaultDate;
		if (day == null) {
			if (this.time == null) {
				return null;
			}
			LocalDateTime today = now.toLocalDate().atTime(at);
			return minusBefore(today.isAfter(now) ? today : today.plusDays(1));
		}
		return minusBefore(day.atTime(at));
	}

	private boolean matchesRepeat(LocalDate day) {
		return switch (this.repeat) {
			case "weekly" -> this.repeatDay == null || day.getDayOfWeek() == this.repeatDay;
			case "monthly" -> this.repeatDayOfMonth == null || day.getDayOfMonth() == this.repeatDayOfMonth;
			default -> !this.weekdaysOnly || day.getDayOfWeek().getValue() <= 5;
		};
	}

	private LocalDateTime minusBefore(LocalDateTime moment) {
		return (this.before != null) ? moment.minus(this.before) : moment;
	}

}
