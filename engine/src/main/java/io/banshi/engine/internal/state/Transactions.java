package io.banshi.engine.internal.state;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
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

	/**
	 * Prepared statements by physical connection. Not a WeakHashMap: the statements refer
	 * to their connection, so its entries would never go; connections the pool retired
	 * are dropped by {@link #forgetClosedConnections()} instead.
	 */
	private final java.util.Map<Connection, java.util.Map<String, PreparedStatement>> statementCache = new java.util.IdentityHashMap<>();

	private int checkouts;

	private volatile Boolean h2;

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
				readCommitted(connection);
				connection.setAutoCommit(false);
				try {
					T result = work.run(cached(connection));
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

	/**
	 * On H2, hands the work a connection whose prepared statements are kept per physical
	 * connection and reused: H2 parses a statement on every prepare unless it is in its
	 * small per-session query cache (8 statements, a database-level setting), and one
	 * command uses about 20 distinct statements, so parsing took a third of the engine's
	 * time. Closing such a statement only clears it.
	 */
	private Connection cached(Connection connection) throws SQLException {
		if (this.h2 == null) {
			this.h2 = connection.getMetaData()
				.getDatabaseProductName()
				.toLowerCase(java.util.Locale.ROOT)
				.contains("h2");
		}
		if (!this.h2) {
			return connection;
		}
		Connection physical = connection.unwrap(Connection.class);
		java.util.Map<String, PreparedStatement> statements;
		synchronized (this.statementCache) {
			if (++this.checkouts % 10_000 == 0) {
				forgetClosedConnections();
			}
			statements = this.statementCache.computeIfAbsent(physical, (k) -> new java.util.HashMap<>());
		}
		return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
				new Class<?>[] { Connection.class }, (proxy, method, args) -> {
					if (method.getName().equals("prepareStatement") && args != null && args.length == 1) {
						String sql = (String) args[0];
						PreparedStatement statement = statements.get(sql);
						if (statement == null || statement.isClosed()) {
							statement = physical.prepareStatement(sql);
							statements.put(sql, statement);
						}
						return reusable(statement);
					}
					try {
						return method.invoke(connection, args);
					}
					catch (InvocationTargetException ex) {
						throw ex.getCause();
					}
				});
	}

	/**
	 * Engine transactions run in READ COMMITTED, as Camunda 7 requires too: a command
	 * reads an instance's rows after it has waited for the instance lock, and must see
	 * what the command before it committed. Under MySQL's default REPEATABLE READ the
	 * first plain read fixes a snapshot before the lock wait, so two jobs of parallel
	 * branches completed at the same moment would each miss the other's completion. H2
	 * runs READ COMMITTED already. The pool restores the connection's level afterwards.
	 */
	private void readCommitted(Connection connection) throws SQLException {
		if (this.h2 == null) {
			this.h2 = connection.getMetaData()
				.getDatabaseProductName()
				.toLowerCase(java.util.Locale.ROOT)
				.contains("h2");
		}
		// With the pool configured for READ COMMITTED and the driver keeping session
		// state
		// locally (README), this costs no round trip.
		if (!this.h2 && connection.getTransactionIsolation() != Connection.TRANSACTION_READ_COMMITTED) {
			connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
		}
	}

	private void forgetClosedConnections() {
		this.statementCache.keySet().removeIf((connection) -> {
			try {
				return connection.isClosed();
			}
			catch (SQLException ex) {
				return true;
			}
		});
	}

	private static PreparedStatement reusable(PreparedStatement statement) {
		return (PreparedStatement) Proxy.newProxyInstance(PreparedStatement.class.getClassLoader(),
				new Class<?>[] { PreparedStatement.class }, (proxy, method, args) -> {
					if (method.getName().equals("close")) {
						statement.clearBatch();
						statement.clearParameters();
						return null;
					}
					try {
						return method.invoke(statement, args);
					}
					catch (InvocationTargetException ex) {
						throw ex.getCause();
					}
				});
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
