package io.banshi.admin.incidents;

import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Reads open incidents and stuck work from the engine's runtime and history tables,
 * read-only.
 */
@Repository
class StuckWorkRepository {

	static final String INCIDENT_GROUPS = "SELECT error_type, error_message, COUNT(*) AS n, MAX(created_at) "
			+ "FROM eng_run_incident GROUP BY error_type, error_message ORDER BY n DESC, error_message LIMIT ?";

	/** Elements (not the process or a subprocess scope) active since before a time. */
	static final String WAITING = "SELECT e.process_instance_key, p.bpmn_process_id, e.element_id, e.element_type, "
			+ "e.start_time FROM eng_run_element_instance e JOIN eng_run_process_instance p ON "
			+ "p.process_instance_key = e.process_instance_key WHERE e.start_time < ? AND e.element_type NOT IN "
			+ "('PROCESS', 'SUB_PROCESS') ORDER BY e.start_time LIMIT ?";

	/**
	 * Open jobs with how often their activation timed out, counted in the job's own
	 * history through the history table's one index (process instance, event).
	 */
	static final String TIMED_OUT_JOBS = "SELECT * FROM (SELECT j.job_key, j.job_type, j.process_instance_key, "
			+ "j.element_id, j.state, j.retries, j.worker, (SELECT COUNT(*) FROM eng_hist_event h WHERE "
			+ "h.process_instance_key = j.process_instance_key AND h.entity = 'JOB' AND h.entity_key = j.job_key "
			+ "AND h.event = 'TIME_OUT') AS timeouts FROM eng_run_job j) x WHERE x.timeouts >= ? "
			+ "ORDER BY x.timeouts DESC, x.job_key LIMIT ?";

	private final JdbcTemplate jdbc;

	StuckWorkRepository(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	List<IncidentGroup> incidentGroups(int limit) {
		return this.jdbc.query(INCIDENT_GROUPS,
				(rs, n) -> new IncidentGroup(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4)), limit);
	}

	List<Waiting> waitingSince(long before, int limit) {
		return this.jdbc.query(WAITING,
				(rs, n) -> new Waiting(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5)),
				before, limit);
	}

	List<TimedOutJob> timedOutJobs(int minTimeouts, int limit) {
		return this.jdbc.query(
				TIMED_OUT_JOBS, (rs, n) -> new TimedOutJob(rs.getLong(1), rs.getString(2), rs.getLong(3),
						rs.getString(4), rs.getString(5), rs.getInt(6), rs.getString(7), rs.getInt(8)),
				minTimeouts, limit);
	}

	/**
	 * Open incidents with one error message.
	 *
	 * @param errorType Zeebe's error type
	 * @param message the message
	 * @param count how many are open
	 * @param latest when the latest was raised
	 */
	public record IncidentGroup(String errorType, String message, long count, long latest) {

		/**
		 * The start of the message, as the journey list's error filter takes it.
		 * @return at most 100 characters
		 */
		public String filterText() {
			return (this.message.length() <= 100) ? this.message : this.message.substring(0, 100);
		}

	}

	/**
	 * An element a journey has been waiting on.
	 *
	 * @param processInstanceKey the journey
	 * @param process the process id
	 * @param elementId the element
	 * @param elementType its type
	 * @param since when it became active
	 */
	public record Waiting(long processInstanceKey, String process, String elementId, String elementType, long since) {
	}

	/**
	 * A job whose activation timed out again and again.
	 *
	 * @param key the job key
	 * @param type the job type
	 * @param processInstanceKey the journey
	 * @param elementId the task
	 * @param state the job's state
	 * @param retries retries left
	 * @param worker the worker holding it, or {@code null}
	 * @param timeouts how often its activation timed out
	 */
	public record TimedOutJob(long key, String type, long processInstanceKey, String elementId, String state,
			int retries, String worker, int timeouts) {
	}

}
