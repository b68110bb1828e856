package io.banshi.admin.dashboard;

import java.util.List;

/**
 * What the dashboard's charts draw, as JSON.
 *
 * @param minutes the minutes shown, epoch milliseconds of each minute's start, oldest
 * first
 * @param started journeys started in each minute
 * @param completed journeys completed in each minute
 * @param failed incidents raised in each minute
 * @param latency the slowest steps
 * @param topIncidents the most frequent open incidents
 */
public record DashboardData(List<Long> minutes, List<Long> started, List<Long> completed, List<Long> failed,
		List<Latency> latency, List<TopIncident> topIncidents) {

	/**
	 * A step's mean duration.
	 *
	 * @param elementId the element
	 * @param meanMillis the mean time from activation to completion
	 * @param count how many completed
	 */
	public record Latency(String elementId, long meanMillis, long count) {
	}

	/**
	 * An error message and how many open incidents have it.
	 *
	 * @param message the message
	 * @param count how many
	 */
	public record TopIncident(String message, long count) {
	}

}
