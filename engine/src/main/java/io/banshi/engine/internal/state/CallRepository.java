package io.banshi.engine.internal.state;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The SQL of {@code eng_run_call}: which call activity started which process instance.
 * Rows are written and read while the instances involved are locked.
 */
public final class CallRepository {

	static final String INSERT = "INSERT INTO eng_run_call (child_process_instance_key, parent_process_instance_key, "
			+ "parent_element_instance_key) VALUES (?, ?, ?)";

	static final String SELECT_PARENT = "SELECT parent_process_instance_key, parent_element_instance_key "
			+ "FROM eng_run_call WHERE child_process_instance_key = ?";

	static final String SELECT_CHILD = "SELECT child_process_instance_key FROM eng_run_call "
			+ "WHERE parent_element_instance_key = ?";

	static final String DELETE = "DELETE FROM eng_run_call WHERE child_process_instance_key = ?";

	public void insert(Connection connection, long child, long parentInstance, long parentElement) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(INSERT)) {
			statement.setLong(1, child);
			statement.setLong(2, parentInstance);
			statement.setLong(3, parentElement);
			statement.executeUpdate();
		}
	}

	/**
	 * The caller of a process instance.
	 * @param connection the transaction
	 * @param child the called instance
	 * @return {@code [parent process instance, call activity instance]} or {@code null}
	 * @throws SQLException on database errors
	 */
	public long[] parentOf(Connection connection, long child) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(SELECT_PARENT)) {
			statement.setLong(1, child);
			try (ResultSet rs = statement.executeQuery()) {
				return rs.next() ? new long[] { rs.getLong(1), rs.getLong(2) } : null;
			}
		}
	}

	/**
	 * The instance a call activity instance started.
	 * @param connection the transaction
	 * @param callActivityInstance the call activity's element instance
	 * @return the child process instance key, or {@code null}
	 * @throws SQLException on database errors
	 */
	public Long childOf(Connection connection, long callActivityInstance) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(SELECT_CHILD)) {
			statement.setLong(1, callActivityInstance);
			try (ResultSet rs = statement.executeQuery()) {
				return rs.next() ? rs.getLong(1) : null;
			}
		}
	}

	public void delete(Connection connection, long child) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(DELETE)) {
			statement.setLong(1, child);
			statement.executeUpdate();
		}
	}

}
