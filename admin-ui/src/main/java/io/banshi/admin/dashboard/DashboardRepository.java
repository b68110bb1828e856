package io.banshi.admin.dashboard;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Repository;

/**
 * Figures for the dashboard from the engine's tables, read-only: starts and ends from the
 * process instances, incidents and step times from the history.
 */
@Repository
class DashboardRepository {

	static final String STARTED = "SELECT FLOOR(start_time / 60000), COUNT(*) FROM eng_run_process_instance "
			+ "WHERE start_time >= ? GROUP BY FLOOR(start_time / 60000)";

	static final String COMPLETED = "SELECT FLOOR(end_time / 60000), COUNT(*) FROM eng_run_process_instance "
			+ "WHERE end_time >= ? AND state = 'COMPLETED' GROUP BY FLOOR(end_time / 60000)";

	static final String FAILED = "SELECT FLOOR(event_time / 60000), COUNT(*) FROM eng_hist_event WHERE "
			+ "event_time >= ? AND entity = 'INCIDENT' AND event = 'CREATED' GROUP BY FLOOR(event_time / 60000)";

	/**
	 * Per element, the mean time from activation to completion of the element instances
	 * that completed since a time (tasks and catch events; not the process scope).
	 */
	static final String STEP_LATENCY = "SELECT element_id, AVG(took), COUNT(*) FROM (SELECT element_id, "
			+ "MAX(event_time) - MIN(event_time) AS took FROM eng_hist_event WHERE entity = 'ELEMENT' AND "
			+ "event_time >= ? AND element_type NOT IN ('PROCESS', 'SUB_PROCESS', 'START_EVENT', 'END_EVENT', "
			+ "'EXCLUSIVE_GATEWAY', 'PARALLEL_GATEWAY', 'SEQUENCE_FLOW') GROUP BY entity_key, element_id "
			+ "HAVING SUM(CASE WHEN state_after = 'COMPLETED' THEN 1 ELSE 0 END) > 0) s GROUP BY element_id "
			+ "ORDER BY AVG(took) DESC LIMIT ?";

	static final String TOP_INCIDENTS = "SELECT error_message, COUNT(*) AS n FROM eng_run_incident "
			+ "GROUP BY error_message ORDER BY n DESC LIMIT ?";

	private final JdbcTemplate jdbc;

	DashboardRepository(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	Map<Long, Long> startedPerMinute(long since) {
		return perMinute(STARTED, since);
	}

	Map<Long, Long> completedPerMinute(long since) {
		return perMinute(COMPLETED, since);
	}

	Map<Long, Long> failedPerMinute(long since) {
		return perMinute(FAILED, since);
	}

	List<DashboardData.Latency> stepLatency(long since, int limit) {
		return this.jdbc.query(STEP_LATENCY,
				(rs, n) -> new DashboardData.Latency(rs.getString(1), Math.round(rs.getDouble(2)), rs.getLong(3)),
				since, limit);
	}

	List<DashboardData.TopIncident> topIncidents(int limit) {
		return this.jdbc.query(TOP_INCIDENTS, (rs, n) -> new DashboardData.TopIncident(rs.getString(1), rs.getLong(2)),
				limit);
	}

	private Map<Long, Long> perMinute(String sql, long since) {
		Map<Long, Long> counts = new HashMap<>();
		this.jdbc.query(sql, (RowCallbackHandler) (rs) -> counts.put(rs.getLong(1), rs.getLong(2)), since);
		return counts;
	}

}
