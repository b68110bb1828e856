package io.banshi.engine.internal.state;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

import io.banshi.engine.internal.state.Entities.HistoryEvent;

/**
 * Appends history rows; always inside the transaction of the change they record.
 */
public final class HistoryWriter {

	static final String INSERT_EVENT = "INSERT INTO eng_hist_event (event_time, process_instance_key, "
			+ "bpmn_process_id, entity, entity_key, element_id, element_type, event, state_before, state_after, actor, "
			+ "detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

	private static final int MAX_DETAIL = 4000;

	private HistoryWriter() {
	}

	/**
	 * Appends rows in one batch.
	 * @param connection the transaction
	 * @param events the rows
	 * @throws SQLException on database errors
	 */
	public static void write(Connection connection, List<HistoryEvent> events) throws SQLException {
		if (events.isEmpty()) {
			return;
		}
		try (PreparedStatement statement = connection.prepareStatement(INSERT_EVENT)) {
			for (HistoryEvent event : events) {
				statement.setLong(1, event.time());
				statement.setLong(2, event.processInstanceKey());
				statement.setString(3, event.bpmnProcessId());
				statement.setString(4, event.entity());
				statement.setLong(5, event.entityKey());
				statement.setString(6, event.elementId());
				statement.setString(7, event.elementType());
				statement.setString(8, event.event());
				statement.setString(9, event.stateBefore());
				statement.setString(10, event.stateAfter());
				statement.setString(11, truncate(event.actor(), 255));
				statement.setString(12, truncate(event.detail(), MAX_DETAIL));
				statement.addBatch();
			}
			statement.executeBatch();
		}
	}

	private static String truncate(String text, int max) {
		return (text == null || text.length() <= max) ? text : text.substring(0, max);
	}

}
