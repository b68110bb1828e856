package io.banshi.engine.internal.state;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

/**
 * Runs work in one database transaction. A deadlock or serialization failure (the
 * database chose this transaction as the victim) is retried a few times, because the work
 * is written to be repeatable: it re-reads everything it decides on.
 */
public final class Transactions {

	private static final int ATTEMPTS = 5;

	private final DataSource dataSource;

	public Transactions(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	/**
	 * Runs the work and commits, or rolls back when it throws.
	 * @param <T> the result type
	 * @param work the work
	 * @return what the work returned
	 */
	public <T> T inTransaction(Work<T> work) {
		for (int attempt = 1;; attempt++) {
			try (Connection connection = this.dataSource.getConnection()) {
				boolean autoCommit = connection.getAutoCommit();
				connection.setAutoCommit(false);
				try {
					T result = work.run(connection);
					connection.commit();
					return result;
				}
				catch (SQLException ex) {
					rollback(connection);
					if (attempt < ATTEMPTS && isTransient(ex)) {
						continue;
					}
					throw new IllegalStateException("Database error: " + ex.getMessage(), ex);
				}
				catch (RuntimeException | Error ex) {
					rollback(connection);
					throw ex;
				}
				finally {
					connection.setAutoCommit(autoCommit);
				}
			}
			catch (SQLException ex) {
				throw new IllegalStateException("Database unavailable: " + ex.getMessage(), ex);
			}
		}
	}

	private static void rollback(Connection connection) {
		try {
			connection.rollback();
		}
		catch (SQLException ex) {
			// The connection is broken; the pool discards it and the transaction is gone.
		}
	}

	private static boolean isTransient(SQLException ex) {
		String state = ex.getSQLState();
		return state != null && (state.startsWith("40") || ex.getErrorCode() == 1213 || ex.getErrorCode() == 1205
				|| ex.getErrorCode() == 50200);
	}

	/**
	 * Work inside a transaction.
	 *
	 * @param <T> the result type
	 */
	@FunctionalInterface
	public interface Work<T> {

		T run(Connection connection) throws SQLException;

	}

}
