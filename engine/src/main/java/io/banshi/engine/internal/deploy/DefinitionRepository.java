package io.banshi.engine.internal.deploy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The SQL of deployments and process definitions.
 */
public final class DefinitionRepository {

	static final String INSERT_DEPLOYMENT = "INSERT INTO eng_def_deployment (deployment_key, created_at) VALUES (?, ?)";

	static final String INSERT_PROCESS = "INSERT INTO eng_def_process (process_definition_key, bpmn_process_id, "
			+ "version, resource_name, checksum, resource, deployment_key, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";

	static final String SELECT_LATEST = "SELECT process_definition_key, version, checksum FROM eng_def_process "
			+ "WHERE bpmn_process_id = ? ORDER BY version DESC LIMIT 1";

	static final String SELECT_LATEST_FOR_UPDATE = SELECT_LATEST + " FOR UPDATE";

	static final String SELECT_BY_KEY = "SELECT process_definition_key, bpmn_process_id, version, resource "
			+ "FROM eng_def_process WHERE process_definition_key = ?";

	static final String SELECT_BY_VERSION = "SELECT process_definition_key, bpmn_process_id, version, resource "
			+ "FROM eng_def_process WHERE bpmn_process_id = ? AND version = ?";

	static final String SELECT_LATEST_RESOURCE = "SELECT process_definition_key, bpmn_process_id, version, resource "
			+ "FROM eng_def_process WHERE bpmn_process_id = ? ORDER BY version DESC LIMIT 1";

	static final String LOCK_DEPLOYMENTS = "SELECT next_key FROM eng_run_key_block WHERE partition_id = 1 FOR UPDATE";

	/**
	 * Serializes deployments across nodes (versions are per process id and must not be
	 * handed out twice) by locking the key block row for the deployment's transaction.
	 * @param connection the transaction
	 * @throws SQLException on database errors
	 */
	void lockDeployments(Connection connection) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(LOCK_DEPLOYMENTS);
				ResultSet rs = statement.executeQuery()) {
			rs.next();
		}
	}

	Latest latest(Connection connection, String bpmnProcessId) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(SELECT_LATEST)) {
			statement.setString(1, bpmnProcessId);
			try (ResultSet rs = statement.executeQuery()) {
				return rs.next() ? new Latest(rs.getLong(1), rs.getInt(2), rs.getString(3)) : null;
			}
		}
	}

	void insertDeployment(Connection connection, long key, long now) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(INSERT_DEPLOYMENT)) {
			statement.setLong(1, key);
			statement.setLong(2, now);
			statement.executeUpdate();
		}
	}

	void insertProcess(Connection connection, long key, String bpmnProcessId, int version, String resourceName,
			String checksum, byte[] resource, long deploymentKey, long now) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(INSERT_PROCESS)) {
			statement.setLong(1, key);
			statement.setString(2, bpmnProcessId);
			statement.setInt(3, version);
			statement.setString(4, resourceName);
			statement.setString(5, checksum);
			statement.setBytes(6, resource);
			statement.setLong(7, deploymentKey);
			statement.setLong(8, now);
			statement.executeUpdate();
		}
	}

	StoredProcess byKey(Connection connection, long key) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(SELECT_BY_KEY)) {
			statement.setLong(1, key);
			return read(statement);
		}
	}

	StoredProcess byVersion(Connection connection, String bpmnProcessId, int version) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(SELECT_BY_VERSION)) {
			statement.setString(1, bpmnProcessId);
			statement.setInt(2, version);
			return read(statement);
		}
	}

	StoredProcess latestResource(Connection connection, String bpmnProcessId) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(SELECT_LATEST_RESOURCE)) {
			statement.setString(1, bpmnProcessId);
			return read(statement);
		}
	}

	private static StoredProcess read(PreparedStatement statement) throws SQLException {
		try (ResultSet rs = statement.executeQuery()) {
			return rs.next() ? new StoredProcess(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getBytes(4)) : null;
		}
	}

	record Latest(long key, int version, String checksum) {
	}

	record StoredProcess(long key, String bpmnProcessId, int version, byte[] resource) {
	}

}
