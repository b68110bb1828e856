package io.banshi.admin.journeys;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the journey list is filtered by, as the filter form sends it; blank fields mean
 * any. Times are the browser's {@code datetime-local} values, read in the server's zone.
 *
 * @param state a {@link JourneyState} name
 * @param process the BPMN process id (the template)
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
public record JourneyFilter(String state, String process, String startedFrom, String startedTo, String endedFrom,
		String endedTo, String error, String element, String variable, String value, Integer page) {

	static final int PAGE_SIZE = 25;

	/**
	 * The empty filter.
	 * @return a filter that matches every journey
	 */
	public static JourneyFilter any() {
		return new JourneyFilter(null, null, null, null, null, null, null, null, null, null, 0);
	}

	JourneyFilter withState(String state) {
		return new JourneyFilter(state, this.process, this.startedFrom, this.startedTo, this.endedFrom, this.endedTo,
				this.error, this.element, this.variable, this.value, 0);
	}

	JourneyFilter withPage(int page) {
		return new JourneyFilter(this.state, this.process, this.startedFrom, this.startedTo, this.endedFrom,
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

	static Long epochMillis(String localDateTime, ZoneId zone) {
		String text = blankToNull(localDateTime);
		if (text == null) {
			return null;
		}
		try {
			return LocalDateTime.parse(text).atZone(zone).toInstant().toEpochMilli();
		}
		catch (DateTimeParseException ex) {
			return null;
		}
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

}
