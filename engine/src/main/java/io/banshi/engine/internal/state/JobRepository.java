package io.banshi.engine.internal.state;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.banshi.engine.internal.state.Entities.HistoryEvent;
import io.banshi.engine.internal.state.Entities.Job;
import io.banshi.engine.internal.state.JobStatus.JobEvent;

/**
 * The SQL of job activation and of the job timers (activation deadlines, retry
 * back-offs). These touch jobs without locking their process instance: they take the job
 * rows with {@code FOR UPDATE SKIP LOCKED} (MariaDB/MySQL 8 and H2 2.2+ both support it),
 * so two nodes never activate one job twice and never wait on each other, and a command
 * that holds an instance's jobs simply makes them invisible for a moment.
 */
public final class JobRepository {

	static final String LOCK_ACTIVATABLE = "SELECT " + JobRows.COLUMNS + " FROM eng_run_job "
			+ "WHERE job_type = ? AND state = 'ACTIVATABLE' ORDER BY job_key LIMIT ? FOR UPDATE SKIP LOCKED";

	static final String ACTIVATE = "UPDATE eng_run_job SET state = 'ACTIVATED', worker = ?, deadline = ? "
			+ "WHERE job_key = ?";

	static final String LOCK_TIMED_OUT = "SELECT " + JobRows.COLUMNS + " FROM eng_run_job "
			+ "WHERE state = 'ACTIVATED' AND deadline <= ? ORDER BY deadline LIMIT ? FOR UPDATE SKIP LOCKED";

	static final String LOCK_BACKED_OFF = "SELECT " + JobRows.COLUMNS + " FROM eng_run_job "
			+ "WHERE state = 'FAILED' AND retry_at <= ? AND retries > 0 ORDER BY retry_at LIMIT ? "
			+ "FOR UPDATE SKIP LOCKED";

	static final String MAKE_ACTIVATABLE = "UPDATE eng_run_job SET state = 'ACTIVATABLE', worker = NULL, "
			+ "deadline = NULL, retry_at = NULL WHERE job_key = ?";

	static final String SELECT_SCOPES = "SELECT element_instance_key, flow_scope_key FROM eng_run_element_instance "
			+ "WHERE process_instance_key = ?";

	static final String SELECT_VARIABLES = InstanceRepository.SELECT_VARIABLES;

	/**
	 * Activates up to {@code max} activatable jobs of a type.
	 * @param connection the transaction
	 * @param type the job type
	 * @param max the most jobs to activate
	 * @param worker the worker name
	 * @param deadline when the activation times out (epoch ms)
	 * @param now the current time, for history
	 * @param history where the history rows go (written by the caller)
	 * @return the activated jobs
	 * @throws SQLException on database errors
	 */
	public List<Job> activate(Connection connection, String type, int max, String worker, long deadline, long now,
			List<HistoryEvent> history) throws SQLException {
		List<Job> jobs = new ArrayList<>();
		try (PreparedStatement statement = connection.prepareStatement(LOCK_ACTIVATABLE)) {
			statement.setString(1, type);
			statement.setInt(2, max);
			try (ResultSet rs = statement.executeQuery()) {
				while (rs.next()) {
					jobs.add(JobRows.read(rs));
				}
			}
		}
		if (jobs.isEmpty()) {
			return jobs;
		}
		try (PreparedStatement statement = connection.prepareStatement(ACTIVATE)) {
			for (Job job : jobs) {
				JobStatus before = job.state;
				job.state = JobStatus.LIFECYCLE.next(before, JobEvent.ACTIVATE);
				job.worker = worker;
				job.deadline = deadline;
				statement.setString(1, worker);
				statement.setLong(2, deadline);
				statement.setLong(3, job.key);
				statement.addBatch();
				history.add(jobEvent(job, JobEvent.ACTIVATE, before, now, worker, null));
			}
			statement.executeBatch();
		}
		return jobs;
	}

	/**
	 * Returns the activatable state to jobs whose activation timed out or whose back-off
	 * ended.
	 * @param connection the transaction
	 * @param now the current time
	 * @param max the most jobs per kind
	 * @param history where the history rows go
	 * @return the types of the jobs that became activatable
	 * @throws SQLException on database errors
	 */
	public Set<String> releaseDueJobs(Connection connection, long now, int max, List<HistoryEvent> history)
			throws SQLException {
		Set<String> types = new java.util.HashSet<>();
		release(connection, LOCK_TIMED_OUT, now, max, JobEvent.TIME_OUT, history, types);
		release(connection, LOCK_BACKED_OFF, now, max, JobEvent.RECUR, history, types);
		return types;
	}

	private void release(Connection connection, String lockSql, long now, int max, JobEvent event,
			List<HistoryEvent> history, Set<String> types) throws SQLException {
		List<Job> jobs = new ArrayList<>();
		try (PreparedStatement statement = connection.prepareStatement(lockSql)) {
			statement.setLong(1, now);
			statement.setInt(2, max);
			try (ResultSet rs = statement.executeQuery()) {
				while (rs.next()) {
					jobs.add(JobRows.read(rs));
				}
			}
		}
		if (jobs.isEmpty()) {
			return;
		}
		try (PreparedStatement statement = connection.prepareStatement(MAKE_ACTIVATABLE)) {
			for (Job job : jobs) {
				JobStatus before = job.state;
				job.state = JobStatus.LIFECYCLE.next(before, event);
				statement.setLong(1, job.key);
				statement.addBatch();
				types.add(job.type);
				history.add(jobEvent(job, event, before, now, "engine", null));
			}
			statement.executeBatch();
		}
	}

	/**
	 * Reads the variables visible to each job's element instance, for the activation
	 * response.
	 * @param connection the transaction
	 * @param jobs the jobs
	 * @param fetch the variable names to fetch, or empty for all
	 * @return job key to variables
	 * @throws SQLException on database errors
	 */
	public Map<Long, Map<String, Object>> variablesFor(Connection connection, Collection<Job> jobs,
			Collection<String> fetch) throws SQLException {
		Map<Long, List<Job>> byInstance = new LinkedHashMap<>();
		for (Job job : jobs) {
			byInstance.computeIfAbsent(job.processInstanceKey, (k) -> new ArrayList<>()).add(job);
		}
		Map<Long, Map<String, Object>> result = new HashMap<>();
		for (Map.Entry<Long, List<Job>> entry : byInstance.entrySet()) {
			long processInstanceKey = entry.getKey();
			Map<Long, Long> parents = new HashMap<>();
			try (PreparedStatement statement = connection.prepareStatement(SELECT_SCOPES)) {
				statement.setLong(1, processInstanceKey);
				try (ResultSet rs = statement.executeQuery()) {
					while (rs.next()) {
						parents.put(rs.getLong(1), rs.getLong(2));
					}
				}
			}
			Map<Long, Map<String, String>> variables = new HashMap<>();
			try (PreparedStatement statement = connection.prepareStatement(SELECT_VARIABLES)) {
				statement.setLong(1, processInstanceKey);
				try (ResultSet rs = statement.executeQuery()) {
					while (rs.next()) {
						String name = rs.getString(2);
						if (fetch.isEmpty() || fetch.contains(name)) {
							variables.computeIfAbsent(rs.getLong(1), (k) -> new HashMap<>())
								.put(name, Json.fromBytes(rs.getBytes(3)));
						}
					}
				}
			}
			for (Job job : entry.getValue()) {
				List<Long> chain = new ArrayList<>();
				long scope = job.elementInstanceKey;
				while (scope != 0) {
					chain.add(scope);
					Long parent = parents.get(scope);
					scope = (parent != null) ? parent : 0;
				}
				Map<String, Object> visible = new LinkedHashMap<>();
				for (int i = chain.size() - 1; i >= 0; i--) {
					Map<String, String> local = variables.get(chain.get(i));
					if (local != null) {
						local.forEach((name, json) -> visible.put(name, new RawJson(json)));
					}
				}
				result.put(job.key, visible);
			}
		}
		return result;
	}

	/**
	 * Builds a job history row.
	 * @param job the job
	 * @param event the event
	 * @param before the state before
	 * @param now when
	 * @param actor who
	 * @param detail more
	 * @return the row
	 */
	public static HistoryEvent jobEvent(Job job, JobEvent event, JobStatus before, long now, String actor,
			String detail) {
		return new HistoryEvent(now, job.processInstanceKey, job.bpmnProcessId, "JOB", job.key, job.elementId, null,
				event.name(), before.name(), job.state.name(), (actor != null) ? actor : "engine", detail);
	}

	/**
	 * A variable value kept as its stored JSON text, so activation does not parse and
	 * re-write every value.
	 *
	 * @param json the JSON text
	 */
	public record RawJson(String json) {
	}

}
