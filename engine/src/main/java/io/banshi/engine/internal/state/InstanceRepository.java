package io.banshi.engine.internal.state;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

import io.banshi.engine.internal.state.Entities.ElementInstance;
import io.banshi.engine.internal.state.Entities.Incident;
import io.banshi.engine.internal.state.Entities.Job;
import io.banshi.engine.internal.state.Entities.ProcessInstance;
import io.banshi.engine.internal.state.InstanceState.Variable;
import io.banshi.engine.internal.state.InstanceState.VariableKey;

/**
 * The SQL of the process instance aggregate: lock and load one instance's runtime rows,
 * write back what a command changed. The process instance row is locked with
 * {@code SELECT ... FOR UPDATE} before anything else is read, so commands on one instance
 * run one after another on every node; its jobs are locked too, because job activation
 * (which does not lock the instance) changes them.
 */
public final class InstanceRepository {

	private final EventRepository events = new EventRepository();

	static final String LOCK_INSTANCE = "SELECT process_definition_key, bpmn_process_id, version, state, start_time, "
			+ "end_time FROM eng_run_process_instance WHERE process_instance_key = ? FOR UPDATE";

	static final String SELECT_ELEMENTS = "SELECT element_instance_key, flow_scope_key, element_id, element_type, "
			+ "state, taken_flows, start_time FROM eng_run_element_instance WHERE process_instance_key = ?";

	static final String SELECT_VARIABLES = "SELECT scope_key, name, variable_value FROM eng_run_variable "
			+ "WHERE process_instance_key = ?";

	static final String LOCK_JOBS = "SELECT " + JobRows.COLUMNS + " FROM eng_run_job WHERE process_instance_key = ? "
			+ "FOR UPDATE";

	static final String SELECT_INCIDENTS = "SELECT incident_key, element_instance_key, element_id, bpmn_process_id, "
			+ "job_key, error_type, error_message, created_at FROM eng_run_incident WHERE process_instance_key = ?";

	static final String FIND_INSTANCE_OF_JOB = "SELECT process_instance_key FROM eng_run_job WHERE job_key = ?";

	static final String FIND_INSTANCE_OF_INCIDENT = "SELECT process_instance_key FROM eng_run_incident "
			+ "WHERE incident_key = ?";

	static final String FIND_INSTANCE_OF_ELEMENT = "SELECT process_instance_key FROM eng_run_element_instance "
			+ "WHERE element_instance_key = ?";

	static final String INSERT_INSTANCE = "INSERT INTO eng_run_process_instance (process_instance_key, "
			+ "process_definition_key, bpmn_process_id, version, state, start_time, end_time) "
			+ "VALUES (?, ?, ?, ?, ?, ?, ?)";

	static final String UPDATE_INSTANCE = "UPDATE eng_run_process_instance SET state = ?, end_time = ? "
			+ "WHERE process_instance_key = ?";

	static final String INSERT_ELEMENT = "INSERT INTO eng_run_element_instance (element_instance_key, "
			+ "process_instance_key, flow_scope_key, element_id, element_type, state, taken_flows, start_time) "
			+ "VALUES (?, ?, ?, ?, ?, ?, ?, ?)";

	static final String UPDATE_ELEMENT = "UPDATE eng_run_element_instance SET state = ?, taken_flows = ? "
			+ "WHERE element_instance_key = ?";

	static final String DELETE_ELEMENT = "DELETE FROM eng_run_element_instance WHERE element_instance_key = ?";

	static final String INSERT_VARIABLE = "INSERT INTO eng_run_variable (scope_key, name, process_instance_key, "
			+ "variable_value) VALUES (?, ?, ?, ?)";

	static final String UPDATE_VARIABLE = "UPDATE eng_run_variable SET variable_value = ? WHERE scope_key = ? "
			+ "AND name = ?";

	static final String DELETE_SCOPE_VARIABLES = "DELETE FROM eng_run_variable WHERE scope_key = ?";

	static final String INSERT_INCIDENT = "INSERT INTO eng_run_incident (incident_key, process_instance_key, "
			+ "element_instance_key, element_id, bpmn_process_id, job_key, error_type, error_message, created_at) "
			+ "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";

	static final String DELETE_INCIDENT = "DELETE FROM eng_run_incident WHERE incident_key = ?";

	/**
	 * Finds the process instance a job belongs to (without locking).
	 * @param connection the transaction
	 * @param sql one of the FIND_INSTANCE_OF_* statements
	 * @param key the job, incident or element instance key
	 * @return the process instance key, or {@code null}
	 * @throws SQLException on database errors
	 */
	public Long findInstance(Connection connection, String sql, long key) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			statement.setLong(1, key);
			try (ResultSet rs = statement.executeQuery()) {
				return rs.next() ? rs.getLong(1) : null;
			}
		}
	}

	public Long findInstanceOfJob(Connection connection, long jobKey) throws SQLException {
		return findInstance(connection, FIND_INSTANCE_OF_JOB, jobKey);
	}

	public Long findInstanceOfIncident(Connection connection, long incidentKey) throws SQLException {
		return findInstance(connection, FIND_INSTANCE_OF_INCIDENT, incidentKey);
	}

	public Long findInstanceOfElement(Connection connection, long elementInstanceKey) throws SQLException {
		return findInstance(connection, FIND_INSTANCE_OF_ELEMENT, elementInstanceKey);
	}

	/**
	 * Locks a process instance and loads its runtime state.
	 * @param connection the transaction
	 * @param processInstanceKey the instance
	 * @return the state, or {@code null} when there is no such instance
	 * @throws SQLException on database errors
	 */
	public InstanceState lockAndLoad(Connection connection, long processInstanceKey) throws SQLException {
		ProcessInstance instance;
		try (PreparedStatement statement = connection.prepareStatement(LOCK_INSTANCE)) {
			statement.setLong(1, processInstanceKey);
			try (ResultSet rs = statement.executeQuery()) {
				if (!rs.next()) {
					return null;
				}
				instance = new ProcessInstance();
				instance.key = processInstanceKey;
				instance.processDefinitionKey = rs.getLong(1);
				instance.bpmnProcessId = rs.getString(2);
				instance.version = rs.getInt(3);
				instance.state = rs.getString(4);
				instance.startTime = rs.getLong(5);
				long end = rs.getLong(6);
				instance.endTime = rs.wasNull() ? null : end;
			}
		}
		InstanceState state = new InstanceState(instance, false);
		if (!"ACTIVE".equals(instance.state)) {
			return state;
		}
		try (PreparedStatement statement = connection.prepareStatement(SELECT_ELEMENTS)) {
			statement.setLong(1, processInstanceKey);
			try (ResultSet rs = statement.executeQuery()) {
				while (rs.next()) {
					ElementInstance element = new ElementInstance();
					element.key = rs.getLong(1);
					element.processInstanceKey = processInstanceKey;
					element.flowScopeKey = rs.getLong(2);
					element.elementId = rs.getString(3);
					element.elementType = rs.getString(4);
					element.state = ElementStatus.valueOf(rs.getString(5));
					element.takenFlows = decodeFlows(rs.getString(6));
					element.startTime = rs.getLong(7);
					state.elements.put(element.key, element);
				}
			}
		}
		try (PreparedStatement statement = connection.prepareStatement(SELECT_VARIABLES)) {
			statement.setLong(1, processInstanceKey);
			try (ResultSet rs = statement.executeQuery()) {
				while (rs.next()) {
					String json = Json.fromBytes(rs.getBytes(3));
					state.variables.computeIfAbsent(rs.getLong(1), (k) -> new LinkedHashMap<>())
						.put(rs.getString(2), Variable.stored(json));
				}
			}
		}
		try (PreparedStatement statement = connection.prepareStatement(LOCK_JOBS)) {
			statement.setLong(1, processInstanceKey);
			try (ResultSet rs = statement.executeQuery()) {
				while (rs.next()) {
					Job job = JobRows.read(rs);
					state.jobs.put(job.key, job);
				}
			}
		}
		try (PreparedStatement statement = connection.prepareStatement(SELECT_INCIDENTS)) {
			statement.setLong(1, processInstanceKey);
			try (ResultSet rs = statement.executeQuery()) {
				while (rs.next()) {
					Incident incident = new Incident();
					incident.key = rs.getLong(1);
					incident.processInstanceKey = processInstanceKey;
					incident.elementInstanceKey = rs.getLong(2);
					incident.elementId = rs.getString(3);
					incident.bpmnProcessId = rs.getString(4);
					long jobKey = rs.getLong(5);
					incident.jobKey = rs.wasNull() ? null : jobKey;
					incident.errorType = rs.getString(6);
					incident.errorMessage = rs.getString(7);
					incident.createdAt = rs.getLong(8);
					state.incidents.put(incident.key, incident);
				}
			}
		}
		return state;
	}

	/**
	 * Writes what a command changed, and its history.
	 * @param connection the transaction
	 * @param state the changed state
	 * @throws SQLException on database errors
	 */
	public void write(Connection connection, InstanceState state) throws SQLException {
		ProcessInstance instance = state.processInstance;
		if (state.newInstance) {
			try (PreparedStatement statement = connection.prepareStatement(INSERT_INSTANCE)) {
				statement.setLong(1, instance.key);
				statement.setLong(2, instance.processDefinitionKey);
				statement.setString(3, instance.bpmnProcessId);
				statement.setInt(4, instance.version);
				statement.setString(5, instance.state);
				statement.setLong(6, instance.startTime);
				setNullableLong(statement, 7, instance.endTime);
				statement.executeUpdate();
			}
		}
		else if (state.processInstanceChanged) {
			try (PreparedStatement statement = connection.prepareStatement(UPDATE_INSTANCE)) {
				statement.setString(1, instance.state);
				setNullableLong(statement, 2, instance.endTime);
				statement.setLong(3, instance.key);
				statement.executeUpdate();
			}
		}
		writeElements(connection, state);
		writeVariables(connection, state);
		writeJobs(connection, state);
		writeIncidents(connection, state);
		this.events.write(connection, state);
		HistoryWriter.write(connection, state.history);
	}

	private void writeElements(Connection connection, InstanceState state) throws SQLException {
		InstanceState.Changes<Long> changes = state.elementChanges;
		if (!changes.inserted.isEmpty()) {
			try (PreparedStatement statement = connection.prepareStatement(INSERT_ELEMENT)) {
				for (Long key : changes.inserted) {
					ElementInstance element = state.elements.get(key);
					statement.setLong(1, element.key);
					statement.setLong(2, element.processInstanceKey);
					statement.setLong(3, element.flowScopeKey);
					statement.setString(4, element.elementId);
					statement.setString(5, element.elementType);
					statement.setString(6, element.state.name());
					statement.setString(7, encodeFlows(element.takenFlows));
					statement.setLong(8, element.startTime);
					statement.addBatch();
				}
				statement.executeBatch();
			}
		}
		if (!changes.updated.isEmpty()) {
			try (PreparedStatement statement = connection.prepareStatement(UPDATE_ELEMENT)) {
				for (Long key : changes.updated) {
					ElementInstance element = state.elements.get(key);
					statement.setString(1, element.state.name());
					statement.setString(2, encodeFlows(element.takenFlows));
					statement.setLong(3, element.key);
					statement.addBatch();
				}
				statement.executeBatch();
			}
		}
		deleteAll(connection, DELETE_ELEMENT, changes.deleted);
	}

	private void writeVariables(Connection connection, InstanceState state) throws SQLException {
		if (!state.removedScopes.isEmpty()) {
			deleteAll(connection, DELETE_SCOPE_VARIABLES, state.removedScopes);
		}
		if (state.variableChanges.isEmpty()) {
			return;
		}
		try (PreparedStatement insert = connection.prepareStatement(INSERT_VARIABLE);
				PreparedStatement update = connection.prepareStatement(UPDATE_VARIABLE)) {
			int inserts = 0;
			int updates = 0;
			for (VariableKey key : state.variableChanges) {
				Variable variable = state.variables.get(key.scopeKey()).get(key.name());
				if (state.variableInserts.contains(key)) {
					insert.setLong(1, key.scopeKey());
					insert.setString(2, key.name());
					insert.setLong(3, state.processInstance.key);
					insert.setBytes(4, Json.toBytes(variable.json()));
					insert.addBatch();
					inserts++;
				}
				else {
					update.setBytes(1, Json.toBytes(variable.json()));
					update.setLong(2, key.scopeKey());
					update.setString(3, key.name());
					update.addBatch();
					updates++;
				}
			}
			if (inserts > 0) {
				insert.executeBatch();
			}
			if (updates > 0) {
				update.executeBatch();
			}
		}
	}

	private void writeJobs(Connection connection, InstanceState state) throws SQLException {
		InstanceState.Changes<Long> changes = state.jobChanges;
		if (!changes.inserted.isEmpty()) {
			try (PreparedStatement statement = connection.prepareStatement(JobRows.INSERT)) {
				for (Long key : changes.inserted) {
					JobRows.bindInsert(statement, state.jobs.get(key));
					statement.addBatch();
				}
				statement.executeBatch();
			}
		}
		if (!changes.updated.isEmpty()) {
			try (PreparedStatement statement = connection.prepareStatement(JobRows.UPDATE)) {
				for (Long key : changes.updated) {
					JobRows.bindUpdate(statement, state.jobs.get(key));
					statement.addBatch();
				}
				statement.executeBatch();
			}
		}
		deleteAll(connection, JobRows.DELETE, changes.deleted);
	}

	private void writeIncidents(Connection connection, InstanceState state) throws SQLException {
		InstanceState.Changes<Long> changes = state.incidentChanges;
		if (!changes.inserted.isEmpty()) {
			try (PreparedStatement statement = connection.prepareStatement(INSERT_INCIDENT)) {
				for (Long key : changes.inserted) {
					Incident incident = state.incidents.get(key);
					statement.setLong(1, incident.key);
					statement.setLong(2, incident.processInstanceKey);
					statement.setLong(3, incident.elementInstanceKey);
					statement.setString(4, incident.elementId);
					statement.setString(5, incident.bpmnProcessId);
					setNullableLong(statement, 6, incident.jobKey);
					statement.setString(7, incident.errorType);
					statement.setString(8, incident.errorMessage);
					statement.setLong(9, incident.createdAt);
					statement.addBatch();
				}
				statement.executeBatch();
			}
		}
		deleteAll(connection, DELETE_INCIDENT, changes.deleted);
	}

	private static void deleteAll(Connection connection, String sql, Collection<Long> keys) throws SQLException {
		if (keys.isEmpty()) {
			return;
		}
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			for (Long key : keys) {
				statement.setLong(1, key);
				statement.addBatch();
			}
			statement.executeBatch();
		}
	}

	static void setNullableLong(PreparedStatement statement, int index, Long value) throws SQLException {
		if (value == null) {
			statement.setNull(index, Types.BIGINT);
		}
		else {
			statement.setLong(index, value);
		}
	}

	static String encodeFlows(Map<String, Integer> flows) {
		if (flows == null || flows.isEmpty()) {
			return null;
		}
		StringBuilder text = new StringBuilder();
		flows.forEach((flow, count) -> {
			if (text.length() > 0) {
				text.append(' ');
			}
			text.append(flow).append('=').append(count);
		});
		return text.toString();
	}

	static Map<String, Integer> decodeFlows(String text) {
		Map<String, Integer> flows = new LinkedHashMap<>();
		if (text == null || text.isBlank()) {
			return flows;
		}
		for (String part : text.split(" ")) {
			int eq = part.lastIndexOf('=');
			flows.put(part.substring(0, eq), Integer.parseInt(part.substring(eq + 1)));
		}
		return flows;
	}

}
