package io.banshi.engine.internal.state;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import io.banshi.engine.internal.state.Entities.Job;

/** The columns and row mapping of {@code eng_run_job}, shared by the repositories. */
final class JobRows {

	static final String COLUMNS = "job_key, job_type, state, process_instance_key, element_instance_key, element_id, "
			+ "bpmn_process_id, process_definition_key, version, retries, worker, deadline, retry_at, error_message, "
			+ "custom_headers, created_at, listener_event_type, listener_index";

	static final String INSERT = "INSERT INTO eng_run_job (" + COLUMNS
			+ ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

	static final String UPDATE = "UPDATE eng_run_job SET state = ?, retries = ?, worker = ?, deadline = ?, "
			+ "retry_at = ?, error_message = ? WHERE job_key = ?";

	static final String DELETE = "DELETE FROM eng_run_job WHERE job_key = ?";

	private JobRows() {
	}

	static Job read(ResultSet rs) throws SQLException {
		Job job = new Job();
		job.key = rs.getLong(1);
		job.type = rs.getString(2);
		job.state = JobStatus.valueOf(rs.getString(3));
		job.processInstanceKey = rs.getLong(4);
		job.elementInstanceKey = rs.getLong(5);
		job.elementId = rs.getString(6);
		job.bpmnProcessId = rs.getString(7);
		job.processDefinitionKey = rs.getLong(8);
		job.version = rs.getInt(9);
		job.retries = rs.getInt(10);
		job.worker = rs.getString(11);
		long deadline = rs.getLong(12);
		job.deadline = rs.wasNull() ? null : deadline;
		long retryAt = rs.getLong(13);
		job.retryAt = rs.wasNull() ? null : retryAt;
		job.errorMessage = rs.getString(14);
		job.customHeaders = rs.getString(15);
		job.createdAt = rs.getLong(16);
		job.listenerEventType = rs.getString(17);
		int listenerIndex = rs.getInt(18);
		job.listenerIndex = rs.wasNull() ? null : listenerIndex;
		return job;
	}

	static void bindInsert(PreparedStatement statement, Job job) throws SQLException {
		statement.setLong(1, job.key);
		statement.setString(2, job.type);
		statement.setString(3, job.state.name());
		statement.setLong(4, job.processInstanceKey);
		statement.setLong(5, job.elementInstanceKey);
		statement.setString(6, job.elementId);
		statement.setString(7, job.bpmnProcessId);
		statement.setLong(8, job.processDefinitionKey);
		statement.setInt(9, job.version);
		statement.setInt(10, job.retries);
		statement.setString(11, job.worker);
		InstanceRepository.setNullableLong(statement, 12, job.deadline);
		InstanceRepository.setNullableLong(statement, 13, job.retryAt);
		statement.setString(14, job.errorMessage);
		statement.setString(15, job.customHeaders);
		statement.setLong(16, job.createdAt);
		statement.setString(17, job.listenerEventType);
		if (job.listenerIndex != null) {
			statement.setInt(18, job.listenerIndex);
		}
		else {
			statement.setNull(18, java.sql.Types.INTEGER);
		}
	}

	static void bindUpdate(PreparedStatement statement, Job job) throws SQLException {
		statement.setString(1, job.state.name());
		statement.setInt(2, job.retries);
		statement.setString(3, job.worker);
		InstanceRepository.setNullableLong(statement, 4, job.deadline);
		InstanceRepository.setNullableLong(statement, 5, job.retryAt);
		statement.setString(6, job.errorMessage);
		statement.setLong(7, job.key);
	}

}
