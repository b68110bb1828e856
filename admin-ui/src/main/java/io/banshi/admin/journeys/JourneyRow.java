package io.banshi.admin.journeys;

/**
 * One line of the journey list.
 *
 * @param key the process instance key
 * @param process the BPMN process id
 * @param version the definition version
 * @param state the console's state
 * @param startTime when it started, epoch milliseconds
 * @param endTime when it ended, or {@code null}
 * @param incident the first open incident's message, or {@code null}
 * @param owner the person whose errand it runs, or {@code null} when no errand started it
 */
public record JourneyRow(long key, String process, int version, JourneyState state, long startTime, Long endTime,
		String incident, String owner) {
}
