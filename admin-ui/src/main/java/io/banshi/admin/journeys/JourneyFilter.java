package io.banshi.admin.journeys;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the journey list is filtered by, as the filter form sends it; blank fields mean
 * any. Times are the browser's {@code datetime-local} values, read in the server's zone.
 *
 * @param state a {@link JourneyState} name
 * @param process the BPMN process id (the template)
 * @param user the person whose errand the journey runs (the errand's owner)
 * @param startedFrom started at or after
 * @param startedTo started before
 * @param endedFrom ended at or after
 * @param endedTo ended before
 * @param error text an open incident's or a job's error message contains
 * @param element the id of an element the journey is at (active or with an incident)
 * @param variable a variable's name
 * @param value the variable's value (JSON; a bare word is read as a string)
 * @param page the page, from 0
 */
public record JourneyFilter(String state, String process, String user, String startedFrom, String startedTo,
		String endedFrom, String endedTo, String error, String element, String variable, String value, Integer page) {

	static final int PAGE_SIZE = 25;

	/**
	 * The empty filter.
	 * @return a filter that matches every journey
	 */
	public static JourneyFilter any() {
		return new JourneyFilter(null, null, null, null, null, null, null, null, null, null, null, 0);
	}

	JourneyFilter withState(String state) {
		return new JourneyFilter(state, this.process, this.user, this.startedFrom, this.startedTo, this.endedFrom,
				this.endedTo, this.error, this.element, this.variable, this.value, 0);
	}

	JourneyFilter withPage(int page) {
		return new JourneyFilter(this.state, this.process, this.user, this.startedFrom, this.startedTo, this.endedFrom,
				this.endedTo, this.error, this.element, this.variable, this.value, page);
	}

	JourneyState journeyState() {
		return JourneyState.parse(this.state);
	}

	int pageNumber() {
		return (this.page != null && this.page > 0) ? this.page : 0;
	}

	static String blankToNull(String text) {
		return (text == null || text.isBlank()) ? null : text.trim();
	}

	/**
	 * What is wrong with the filter, field by field. A filter with problems matches
	 * nothing and is never acted on in bulk: ignoring a field the person typed would
	 * widen the selection behind their back.
	 * @return the problems, empty when the filter can be used
	 */
	public List<Problem> problems() {
		List<Problem> problems = new ArrayList<>();
		checkDateTime(problems, "startedFrom", this.startedFrom);
		checkDateTime(problems, "startedTo", this.startedTo);
		checkDateTime(problems, "endedFrom", this.endedFrom);
		checkDateTime(problems, "endedTo", this.endedTo);
		if (blankToNull(this.value) != null && blankToNull(this.variable) == null) {
			problems.add(new Problem("value", this.value.strip(), "journeys.problem.value",
					"a value without the variable's name"));
		}
		if (blankToNull(this.state) != null && journeyState() == null) {
			problems.add(new Problem("state", this.state.strip(), "journeys.problem.state",
					"not one of " + List.of(JourneyState.values())));
		}
		return problems;
	}

	private static void checkDateTime(List<Problem> problems, String field, String value) {
		String text = blankToNull(value);
		if (text != null && parse(text) == null) {
			problems.add(
					new Problem(field, text, "journeys.problem.datetime", "not a date and time like 2026-11-28T09:30"));
		}
	}

	static Long epochMillis(String localDateTime, ZoneId zone) {
		String text = blankToNull(localDateTime);
		LocalDateTime parsed = (text != null) ? parse(text) : null;
		return (parsed != null) ? parsed.atZone(zone).toInstant().toEpochMilli() : null;
	}

	private static LocalDateTime parse(String text) {
		try {
			return LocalDateTime.parse(text);
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	/**
	 * A link to the list with this filter, another state and page (for the counts and the
	 * pager).
	 * @param state the state, or {@code null} for any
	 * @param page the page, from 0
	 * @return the path and query, encoded
	 */
	public String href(String state, int page) {
		Map<String, String> parameters = withState(state).withPage(page).parameters();
		if (page > 0) {
			parameters.put("page", Integer.toString(page));
		}
		StringBuilder href = new StringBuilder("/journeys");
		parameters.forEach((name, value) -> href.append(href.indexOf("?") < 0 ? '?' : '&')
			.append(name)
			.append('=')
			.append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
		return href.toString();
	}

	/**
	 * The filter as query parameters (for paging links and the bulk form), blank fields
	 * left out.
	 * @return the parameters in form order
	 */
	public Map<String, String> parameters() {
		Map<String, String> parameters = new LinkedHashMap<>();
		put(parameters, "state", this.state);
		put(parameters, "process", this.process);
		put(parameters, "user", this.user);
		put(parameters, "startedFrom", this.startedFrom);
		put(parameters, "startedTo", this.startedTo);
		put(parameters, "endedFrom", this.endedFrom);
		put(parameters, "endedTo", this.endedTo);
		put(parameters, "error", this.error);
		put(parameters, "element", this.element);
		put(parameters, "variable", this.variable);
		put(parameters, "value", this.value);
		return parameters;
	}

	private static void put(Map<String, String> parameters, String name, String value) {
		if (blankToNull(value) != null) {
			parameters.put(name, value.trim());
		}
	}

	/**
	 * One thing wrong with a filter.
	 *
	 * @param field the request parameter
	 * @param value what it was
	 * @param messageKey the message that explains it to a person, with the field and
	 * value as arguments
	 * @param why the same in English, for logs and API answers
	 */
	public record Problem(String field, String value, String messageKey, String why) {

		@Override
		public String toString() {
			return this.field + ": '" + this.value + "' is " + this.why;
		}

	}

}
