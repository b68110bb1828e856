package io.banshi.engine.internal.state;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import io.banshi.engine.internal.state.Entities.Message;
import io.banshi.engine.internal.state.Entities.MessageSubscription;
import io.banshi.engine.internal.state.Entities.Timer;

/**
 * The SQL of timers, buffered messages and message subscriptions. Rows that belong to a
 * process instance are only written while that instance is locked; the scheduler finds
 * due timers without locking and fires each in a command that locks the instance first
 * and the timer row second (the same order as every other command), so two nodes never
 * fire one timer twice. Timer start events have no instance: their rows are claimed with
 * {@code FOR UPDATE SKIP LOCKED}.
 */
public final class EventRepository {

	static final String TIMER_COLUMNS = "timer_key, process_instance_key, element_instance_key, "
			+ "process_definition_key, target_element_id, due_at, repetitions, interval_ms";

	static final String INSERT_TIMER = "INSERT INTO eng_run_timer (" + TIMER_COLUMNS
			+ ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)";

	static final String UPDATE_TIMER = "UPDATE eng_run_timer SET due_at = ?, repetitions = ? WHERE timer_key = ?";

	static final String DELETE_TIMER = "DELETE FROM eng_run_timer WHERE timer_key = ?";

	static final String DELETE_SCOPE_TIMERS = "DELETE FROM eng_run_timer WHERE element_instance_key = ?";

	static final String LOCK_TIMER = "SELECT " + TIMER_COLUMNS + " FROM eng_run_timer WHERE timer_key = ? FOR UPDATE";

	static final String DUE_INSTANCE_TIMERS = "SELECT timer_key, process_instance_key FROM eng_run_timer "
			+ "WHERE due_at <= ? AND process_instance_key IS NOT NULL ORDER BY due_at LIMIT ?";

	static final String LOCK_DUE_START_TIMERS = "SELECT " + TIMER_COLUMNS + " FROM eng_run_timer "
			+ "WHERE due_at <= ? AND process_instance_key IS NULL ORDER BY due_at LIMIT ? FOR UPDATE SKIP LOCKED";

	static final String DELETE_START_TIMERS = "DELETE FROM eng_run_timer WHERE process_definition_key = ? "
			+ "AND process_instance_key IS NULL";

	static final String INSERT_SUBSCRIPTION = "INSERT INTO eng_run_message_subscription (subscription_key, "
			+ "process_instance_key, element_instance_key, target_element_id, message_name, correlation_key, "
			+ "process_definition_key) VALUES (?, ?, ?, ?, ?, ?, ?)";

	static final String DELETE_SCOPE_SUBSCRIPTIONS = "DELETE FROM eng_run_message_subscription "
			+ "WHERE element_instance_key = ?";

	static final String SELECT_SUBSCRIPTIONS = "SELECT subscription_key, process_instance_key, element_instance_key, "
			+ "target_element_id, message_name, correlation_key FROM eng_run_message_subscription "
			+ "WHERE message_name = ? AND correlation_key = ? AND process_instance_key IS NOT NULL "
			+ "ORDER BY process_instance_key, subscription_key";

	static final String SELECT_INSTANCE_SUBSCRIPTIONS = "SELECT subscription_key, process_instance_key, "
			+ "element_instance_key, target_element_id, message_name, correlation_key "
			+ "FROM eng_run_message_subscription WHERE process_instance_key = ? AND message_name = ? "
			+ "AND correlation_key = ? ORDER BY subscription_key";

	static final String MESSAGE_COLUMNS = "message_key, message_name, correlation_key, message_id, variables, "
			+ "published_at, expires_at";

	static final String INSERT_MESSAGE = "INSERT INTO eng_run_message (" + MESSAGE_COLUMNS
			+ ") VALUES (?, ?, ?, ?, ?, ?, ?)";

	static final String SELECT_MESSAGE_BY_ID = "SELECT message_key, expires_at FROM eng_run_message "
			+ "WHERE message_name = ? AND correlation_key = ? AND message_id = ?";

	static final String DELETE_MESSAGE = "DELETE FROM eng_run_message WHERE message_key = ?";

	static final String DELETE_MESSAGE_CORRELATIONS = "DELETE FROM eng_run_message_correlation WHERE message_key = ?";

	static final String SELECT_BUFFERED_MESSAGE = "SELECT " + MESSAGE_COLUMNS + " FROM eng_run_message m "
			+ "WHERE m.message_name = ? AND m.correlation_key = ? AND m.expires_at > ? AND NOT EXISTS (SELECT 1 FROM "
			+ "eng_run_message_correlation c WHERE c.message_key = m.message_key AND c.process_instance_key = ?) "
			+ "ORDER BY m.message_key LIMIT 1";

	static final String LOCK_EXPIRED_MESSAGES = "SELECT message_key FROM eng_run_message WHERE expires_at <= ? "
			+ "ORDER BY expires_at LIMIT ? FOR UPDATE SKIP LOCKED";

	static final String INSERT_CORRELATION = "INSERT INTO eng_run_message_correlation (message_key, "
			+ "process_instance_key) VALUES (?, ?)";

	static final String DELETE_INSTANCE_CORRELATIONS = "DELETE FROM eng_run_message_correlation "
			+ "WHERE process_instance_key = ?";

	static final String SELECT_START_SUBSCRIPTIONS = "SELECT subscription_key, process_definition_key, "
			+ "target_element_id FROM eng_run_message_subscription WHERE message_name = ? "
			+ "AND process_instance_key IS NULL ORDER BY subscription_key";

	static final String DELETE_START_SUBSCRIPTIONS = "DELETE FROM eng_run_message_subscription "
			+ "WHERE process_definition_key = ? AND process_instance_key IS NULL";

	static final String SELECT_MESSAGE_START = "SELECT process_instance_key FROM eng_run_message_start "
			+ "WHERE bpmn_process_id = ? AND correlation_key = ?";

	static final String INSERT_MESSAGE_START = "INSERT INTO eng_run_message_start (bpmn_process_id, correlation_key, "
			+ "process_instance_key) VALUES (?, ?, ?)";

	static final String DELETE_INSTANCE_MESSAGE_START = "DELETE FROM eng_run_message_start "
			+ "WHERE process_instance_key = ?";

	/** A due timer of a process instance, found without locking. */
	public record DueTimer(long timerKey, long processInstanceKey) {
	}

	/**
	 * Writes the timers and subscriptions a command added, changed or closed.
	 * @param connection the transaction
	 * @param state the instance's state
	 * @throws SQLException on database errors
	 */
	void write(Connection connection, InstanceState state) throws SQLException {
		deleteAll(connection, DELETE_SCOPE_TIMERS, state.closedEventScopes);
		deleteAll(connection, DELETE_SCOPE_SUBSCRIPTIONS, state.closedEventScopes);
		deleteAll(connection, DELETE_TIMER, state.deletedTimers);
		if (!state.updatedTimers.isEmpty()) {
			try (PreparedStatement statement = connection.prepareStatement(UPDATE_TIMER)) {
				for (Timer timer : state.updatedTimers.values()) {
					statement.setLong(1, timer.dueAt);
					statement.setInt(2, timer.repetitions);
					statement.setLong(3, timer.key);
					statement.addBatch();
				}
				statement.executeBatch();
			}
		}
		if (!state.newTimers.isEmpty()) {
			insertTimers(connection, state.newTimers);
		}
		if (!state.newSubscriptions.isEmpty()) {
			try (PreparedStatement statement = connection.prepareStatement(INSERT_SUBSCRIPTION)) {
				for (MessageSubscription subscription : state.newSubscriptions) {
					statement.setLong(1, subscription.key);
					statement.setLong(2, subscription.processInstanceKey);
					statement.setLong(3, subscription.elementInstanceKey);
					statement.setString(4, subscription.targetElementId);
					statement.setString(5, subscription.messageName);
					statement.setString(6, subscription.correlationKey);
					statement.setLong(7, state.processInstance.processDefinitionKey);
					statement.addBatch();
				}
				statement.executeBatch();
			}
		}
		if (!state.correlatedMessages.isEmpty()) {
			try (PreparedStatement statement = connection.prepareStatement(INSERT_CORRELATION)) {
				for (Long messageKey : state.correlatedMessages) {
					statement.setLong(1, messageKey);
					statement.setLong(2, state.processInstance.key);
					statement.addBatch();
				}
				statement.executeBatch();
			}
		}
		if (!"ACTIVE".equals(state.processInstance.state) && !state.newInstance) {
			deleteAll(connection, DELETE_INSTANCE_CORRELATIONS, List.of(state.processInstance.key));
			deleteAll(connection, DELETE_INSTANCE_MESSAGE_START, List.of(state.processInstance.key));
		}
	}

	/**
	 * Inserts timers.
	 * @param connection the transaction
	 * @param timers the timers
	 * @throws SQLException on database errors
	 */
	public void insertTimers(Connection connection, Collection<Timer> timers) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(INSERT_TIMER)) {
			for (Timer timer : timers) {
				statement.setLong(1, timer.key);
				InstanceRepository.setNullableLong(statement, 2, timer.processInstanceKey);
				InstanceRepository.setNullableLong(statement, 3, timer.elementInstanceKey);
				statement.setLong(4, timer.processDefinitionKey);
				statement.setString(5, timer.targetElementId);
				statement.setLong(6, timer.dueAt);
				statement.setInt(7, timer.repetitions);
				statement.setLong(8, timer.intervalMillis);
				statement.addBatch();
			}
			statement.executeBatch();
		}
	}

	/**
	 * Due timers of process instances, oldest first, without locking.
	 * @param connection the transaction
	 * @param now the engine clock
	 * @param limit how many
	 * @return the timers
	 * @throws SQLException on database errors
	 */
	public List<DueTimer> dueInstanceTimers(Connection connection, long now, int limit) throws SQLException {
		List<DueTimer> due = new ArrayList<>();
		try (PreparedStatement statement = connection.prepareStatement(DUE_INSTANCE_TIMERS)) {
			statement.setLong(1, now);
			statement.setInt(2, limit);
			try (ResultSet rs = statement.executeQuery()) {
				while (rs.next()) {
					due.add(new DueTimer(rs.getLong(1), rs.getLong(2)));
				}
			}
		}
		return due;
	}

	/**
	 * Locks one timer (the instance must be locked already).
	 * @param connection the transaction
	 * @param timerKey the timer
	 * @return the timer, or {@code null} when it is gone
	 * @throws SQLException on database errors
	 */
	public Timer lockTimer(Connection connection, long timerKey) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(LOCK_TIMER)) {
			statement.setLong(1, timerKey);
			try (ResultSet rs = statement.executeQuery()) {
				return rs.next() ? readTimer(rs) : null;
			}
		}
	}

	/**
	 * Claims due timer start events; rows another node holds are skipped.
	 * @param connection the transaction
	 * @param now the engine clock
	 * @param limit how many
	 * @return the claimed timers
	 * @throws SQLException on database errors
	 */
	public List<Timer> lockDueStartTimers(Connection connection, long now, int limit) throws SQLException {
		List<Timer> due = new ArrayList<>();
		try (PreparedStatement statement = connection.prepareStatement(LOCK_DUE_START_TIMERS)) {
			statement.setLong(1, now);
			statement.setInt(2, limit);
			try (ResultSet rs = statement.executeQuery()) {
				while (rs.next()) {
					due.add(readTimer(rs));
				}
			}
		}
		return due;
	}

	/**
	 * Reschedules or deletes a fired start timer.
	 * @param connection the transaction
	 * @param timer the timer after firing (repetitions 0: delete)
	 * @throws SQLException on database errors
	 */
	public void afterStartTimerFired(Connection connection, Timer timer) throws SQLException {
		if (timer.repetitions == 0) {
			deleteAll(connection, DELETE_TIMER, List.of(timer.key));
			return;
		}
		try (PreparedStatement statement = connection.prepareStatement(UPDATE_TIMER)) {
			statement.setLong(1, timer.dueAt);
			statement.setInt(2, timer.repetitions);
			statement.setLong(3, timer.key);
			statement.executeUpdate();
		}
	}

	/**
	 * Deletes the timer start events of a process definition (a newer version replaces
	 * them).
	 * @param connection the transaction
	 * @param processDefinitionKey the old definition
	 * @throws SQLException on database errors
	 */
	public void deleteStartTimers(Connection connection, long processDefinitionKey) throws SQLException {
		deleteAll(connection, DELETE_START_TIMERS, List.of(processDefinitionKey));
	}

	/**
	 * Deletes one timer.
	 * @param connection the transaction
	 * @param timerKey the timer
	 * @throws SQLException on database errors
	 */
	public void deleteTimerRow(Connection connection, long timerKey) throws SQLException {
		deleteAll(connection, DELETE_TIMER, List.of(timerKey));
	}

	/**
	 * The message start events waiting for a message name (latest versions only).
	 * @param connection the transaction
	 * @param name the message name
	 * @return subscriptions with definition key and start event id
	 * @throws SQLException on database errors
	 */
	public List<MessageSubscription> startSubscriptions(Connection connection, String name) throws SQLException {
		List<MessageSubscription> result = new ArrayList<>();
		try (PreparedStatement statement = connection.prepareStatement(SELECT_START_SUBSCRIPTIONS)) {
			statement.setString(1, name);
			try (ResultSet rs = statement.executeQuery()) {
				while (rs.next()) {
					MessageSubscription subscription = new MessageSubscription();
					subscription.key = rs.getLong(1);
					subscription.processDefinitionKey = rs.getLong(2);
					subscription.targetElementId = rs.getString(3);
					subscription.messageName = name;
					subscription.correlationKey = "";
					result.add(subscription);
				}
			}
		}
		return result;
	}

	/**
	 * Opens the message start events of a newly deployed latest version.
	 * @param connection the transaction
	 * @param subscriptions the start subscriptions (process definition key set)
	 * @throws SQLException on database errors
	 */
	public void insertStartSubscriptions(Connection connection, Collection<MessageSubscription> subscriptions)
			throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(INSERT_SUBSCRIPTION)) {
			for (MessageSubscription subscription : subscriptions) {
				statement.setLong(1, subscription.key);
				statement.setNull(2, Types.BIGINT);
				statement.setNull(3, Types.BIGINT);
				statement.setString(4, subscription.targetElementId);
				statement.setString(5, subscription.messageName);
				statement.setString(6, "");
				statement.setLong(7, subscription.processDefinitionKey);
				statement.addBatch();
			}
			statement.executeBatch();
		}
	}

	/**
	 * Closes the message start events of an older version.
	 * @param connection the transaction
	 * @param processDefinitionKey the old definition
	 * @throws SQLException on database errors
	 */
	public void deleteStartSubscriptions(Connection connection, long processDefinitionKey) throws SQLException {
		deleteAll(connection, DELETE_START_SUBSCRIPTIONS, List.of(processDefinitionKey));
	}

	/**
	 * Whether an instance a message started with this correlation key is still active.
	 * @param connection the transaction
	 * @param bpmnProcessId the process
	 * @param correlationKey the key
	 * @return true when one is active
	 * @throws SQLException on database errors
	 */
	public boolean activeMessageStart(Connection connection, String bpmnProcessId, String correlationKey)
			throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(SELECT_MESSAGE_START)) {
			statement.setString(1, bpmnProcessId);
			statement.setString(2, correlationKey);
			try (ResultSet rs = statement.executeQuery()) {
				return rs.next();
			}
		}
	}

	/**
	 * Remembers that a message with a correlation key started an instance.
	 * @param connection the transaction
	 * @param bpmnProcessId the process
	 * @param correlationKey the key
	 * @param processInstanceKey the new instance
	 * @throws SQLException on database errors (a concurrent start with the same key)
	 */
	public void insertMessageStart(Connection connection, String bpmnProcessId, String correlationKey,
			long processInstanceKey) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(INSERT_MESSAGE_START)) {
			statement.setString(1, bpmnProcessId);
			statement.setString(2, correlationKey);
			statement.setLong(3, processInstanceKey);
			statement.executeUpdate();
		}
	}

	private static Timer readTimer(ResultSet rs) throws SQLException {
		Timer timer = new Timer();
		timer.key = rs.getLong(1);
		long pi = rs.getLong(2);
		timer.processInstanceKey = rs.wasNull() ? null : pi;
		long element = rs.getLong(3);
		timer.elementInstanceKey = rs.wasNull() ? null : element;
		timer.processDefinitionKey = rs.getLong(4);
		timer.targetElementId = rs.getString(5);
		timer.dueAt = rs.getLong(6);
		timer.repetitions = rs.getInt(7);
		timer.intervalMillis = rs.getLong(8);
		return timer;
	}

	/**
	 * Open subscriptions for a message, by process instance.
	 * @param connection the transaction
	 * @param name the message name
	 * @param correlationKey the correlation key
	 * @return the subscriptions
	 * @throws SQLException on database errors
	 */
	public List<MessageSubscription> subscriptions(Connection connection, String name, String correlationKey)
			throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(SELECT_SUBSCRIPTIONS)) {
			statement.setString(1, name);
			statement.setString(2, correlationKey);
			return readSubscriptions(statement);
		}
	}

	/**
	 * Open subscriptions of one (locked) process instance for a message.
	 * @param connection the transaction
	 * @param processInstanceKey the instance
	 * @param name the message name
	 * @param correlationKey the correlation key
	 * @return the subscriptions
	 * @throws SQLException on database errors
	 */
	public List<MessageSubscription> subscriptionsOf(Connection connection, long processInstanceKey, String name,
			String correlationKey) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(SELECT_INSTANCE_SUBSCRIPTIONS)) {
			statement.setLong(1, processInstanceKey);
			statement.setString(2, name);
			statement.setString(3, correlationKey);
			return readSubscriptions(statement);
		}
	}

	private static List<MessageSubscription> readSubscriptions(PreparedStatement statement) throws SQLException {
		List<MessageSubscription> result = new ArrayList<>();
		try (ResultSet rs = statement.executeQuery()) {
			while (rs.next()) {
				MessageSubscription subscription = new MessageSubscription();
				subscription.key = rs.getLong(1);
				subscription.processInstanceKey = rs.getLong(2);
				subscription.elementInstanceKey = rs.getLong(3);
				subscription.targetElementId = rs.getString(4);
				subscription.messageName = rs.getString(5);
				subscription.correlationKey = rs.getString(6);
				result.add(subscription);
			}
		}
		return result;
	}

	/**
	 * The oldest buffered message for a subscription that has not correlated to the
	 * instance yet.
	 * @param connection the transaction
	 * @param name the message name
	 * @param correlationKey the correlation key
	 * @param now the engine clock
	 * @param processInstanceKey the subscribing instance
	 * @return the message, or {@code null}
	 * @throws SQLException on database errors
	 */
	public Message bufferedMessage(Connection connection, String name, String correlationKey, long now,
			long processInstanceKey) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(SELECT_BUFFERED_MESSAGE)) {
			statement.setString(1, name);
			statement.setString(2, correlationKey);
			statement.setLong(3, now);
			statement.setLong(4, processInstanceKey);
			try (ResultSet rs = statement.executeQuery()) {
				if (!rs.next()) {
					return null;
				}
				Message message = new Message();
				message.key = rs.getLong(1);
				message.name = rs.getString(2);
				message.correlationKey = rs.getString(3);
				message.messageId = rs.getString(4);
				byte[] variables = rs.getBytes(5);
				message.variables = (variables != null) ? Json.fromBytes(variables) : null;
				message.publishedAt = rs.getLong(6);
				message.expiresAt = rs.getLong(7);
				return message;
			}
		}
	}

	/**
	 * The key and expiry of a buffered message with this id, if any.
	 * @param connection the transaction
	 * @param name the name
	 * @param correlationKey the correlation key
	 * @param messageId the id
	 * @return {@code [key, expiresAt]} or {@code null}
	 * @throws SQLException on database errors
	 */
	public long[] messageById(Connection connection, String name, String correlationKey, String messageId)
			throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(SELECT_MESSAGE_BY_ID)) {
			statement.setString(1, name);
			statement.setString(2, correlationKey);
			statement.setString(3, messageId);
			try (ResultSet rs = statement.executeQuery()) {
				return rs.next() ? new long[] { rs.getLong(1), rs.getLong(2) } : null;
			}
		}
	}

	/**
	 * Buffers a message.
	 * @param connection the transaction
	 * @param message the message
	 * @throws SQLException on database errors (a duplicate message id among them)
	 */
	public void insertMessage(Connection connection, Message message) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(INSERT_MESSAGE)) {
			statement.setLong(1, message.key);
			statement.setString(2, message.name);
			statement.setString(3, message.correlationKey);
			statement.setString(4, message.messageId);
			if (message.variables != null) {
				statement.setBytes(5, Json.toBytes(message.variables));
			}
			else {
				statement.setNull(5, Types.BLOB);
			}
			statement.setLong(6, message.publishedAt);
			statement.setLong(7, message.expiresAt);
			statement.executeUpdate();
		}
	}

	/**
	 * Deletes a message and where it correlated.
	 * @param connection the transaction
	 * @param messageKey the message
	 * @throws SQLException on database errors
	 */
	public void deleteMessage(Connection connection, long messageKey) throws SQLException {
		deleteAll(connection, DELETE_MESSAGE_CORRELATIONS, List.of(messageKey));
		deleteAll(connection, DELETE_MESSAGE, List.of(messageKey));
	}

	/**
	 * Deletes messages whose time to live ran out.
	 * @param connection the transaction
	 * @param now the engine clock
	 * @param limit how many at most
	 * @return how many were deleted
	 * @throws SQLException on database errors
	 */
	public int deleteExpiredMessages(Connection connection, long now, int limit) throws SQLException {
		List<Long> keys = new ArrayList<>();
		try (PreparedStatement statement = connection.prepareStatement(LOCK_EXPIRED_MESSAGES)) {
			statement.setLong(1, now);
			statement.setInt(2, limit);
			try (ResultSet rs = statement.executeQuery()) {
				while (rs.next()) {
					keys.add(rs.getLong(1));
				}
			}
		}
		deleteAll(connection, DELETE_MESSAGE_CORRELATIONS, keys);
		deleteAll(connection, DELETE_MESSAGE, keys);
		return keys.size();
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

}
