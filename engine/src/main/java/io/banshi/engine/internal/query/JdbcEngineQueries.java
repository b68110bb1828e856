package io.banshi.engine.internal.query;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import io.banshi.engine.query.EngineQueries;
import io.banshi.engine.query.Page;
import io.banshi.engine.query.QueryFilter;
import io.banshi.engine.query.Views;

/**
 * The query service on plain JDBC: one statement per page plus one count, no locks.
 */
public final class JdbcEngineQueries implements EngineQueries {

	private static final int MAX_PAGE = 1000;

	private final DataSource dataSource;

	public JdbcEngineQueries(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	@Override
	public Page<Views.ProcessDefinition> processDefinitions(QueryFilter filter, int page, int size) {
		Where where = new Where().eq("bpmn_process_id", filter.bpmnProcessId());
		return page(
				"SELECT process_definition_key, bpmn_process_id, version, resource_name, deployment_key, "
						+ "created_at FROM eng_def_process",
				where, "process_definition_key DESC", page, size, (rs) -> new Views.ProcessDefinition(rs.getLong(1),
						rs.getString(2), rs.getInt(3), rs.getString(4), rs.getLong(5), rs.getLong(6)));
	}

	@Override
	public Page<Views.ProcessInstance> processInstances(QueryFilter filter, int page, int size) {
		Where where = new Where().eq("p.state", filter.state())
			.eq("p.bpmn_process_id", filter.bpmnProcessId())
			.eq("p.process_instance_key", filter.processInstanceKey());
		if (filter.variableName() != null) {
			where.raw("EXISTS (SELECT 1 FROM eng_run_variable v WHERE v.process_instance_key = p.process_instance_key "
					+ "AND v.name = ?" + ((filter.variableValue() != null) ? " AND v.variable_value = ?)" : ")"),
					filter.variableName(), (filter.variableValue() != null)
							? io.banshi.engine.internal.state.Json.toBytes(filter.variableValue()) : null);
		}
		return page(
				"SELECT p.process_instance_key, p.process_definition_key, p.bpmn_process_id, p.version, p.state, "
						+ "p.start_time, p.end_time FROM eng_run_process_instance p",
				where, "p.process_instance_key DESC", page, size, (rs) -> {
					// wasNull() speaks of the column read last, so the end time is read
					// and checked first.
					long end = rs.getLong(7);
					Long endOrNull = rs.wasNull() ? null : end;
					return new Views.ProcessInstance(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getInt(4),
							rs.getString(5), rs.getLong(6), endOrNull);
				});
	}

	@Override
	public Page<Views.ElementInstance> elementInstances(QueryFilter filter, int page, int size) {
		Where where = new Where().eq("process_instance_key", filter.processInstanceKey())
			.eq("element_id", filter.elementId())
			.eq("state", filter.state());
		return page(
				"SELECT element_instance_key, process_instance_key, flow_scope_key, element_id, element_type, "
						+ "state, start_time FROM eng_run_element_instance",
				where, "element_instance_key", page, size,
				(rs) -> new Views.ElementInstance(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4),
						rs.getString(5), rs.getString(6), rs.getLong(7)));
	}

	@Override
	public Page<Views.Job> jobs(QueryFilter filter, int page, int size) {
		Where where = new Where().eq("state", filter.state())
			.eq("job_type", filter.jobType())
			.eq("bpmn_process_id", filter.bpmnProcessId())
			.eq("process_instance_key", filter.processInstanceKey())
			.eq("element_id", filter.elementId())
			.like("error_message", filter.errorText());
		return page(
				"SELECT job_key, job_type, state, process_instance_key, element_instance_key, element_id, retries, "
						+ "worker, deadline, error_message FROM eng_run_job",
				where, "job_key DESC", page, size, (rs) -> {
					long deadline = rs.getLong(9);
					Long deadlineOrNull = rs.wasNull() ? null : deadline;
					return new Views.Job(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getLong(5),
							rs.getString(6), rs.getInt(7), rs.getString(8), deadlineOrNull, rs.getString(10));
				});
	}

	@Override
	public Page<Views.Incident> incidents(QueryFilter filter, int page, int size) {
		Where where = new Where().eq("error_type", filter.state())
			.eq("bpmn_process_id", filter.bpmnProcessId())
			.eq("process_instance_key", filter.processInstanceKey())
			.eq("element_id", filter.elementId())
			.like("error_message", filter.errorText());
		return page(
				"SELECT incident_key, process_instance_key, element_instance_key, element_id, bpmn_process_id, "
						+ "job_key, error_type, error_message, created_at FROM eng_run_incident",
				where, "incident_key DESC", page, size, (rs) -> {
					long job = rs.getLong(6);
					Long jobKey = rs.wasNull() ? null : job;
					return new Views.Incident(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4),
							rs.getString(5), jobKey, rs.getString(7), rs.getString(8), rs.getLong(9));
				});
	}

	@Override
	public List<Views.Variable> variables(long processInstanceKey) {
		Where where = new Where().eq("process_instance_key", processInstanceKey);
		return page("SELECT scope_key, name, variable_value FROM eng_run_variable", where, "scope_key, name", 0,
				MAX_PAGE, (rs) -> new Views.Variable(rs.getLong(1), rs.getString(2),
						io.banshi.engine.internal.state.Json.fromBytes(rs.getBytes(3))))
			.items();
	}

	@Override
	public Page<Views.HistoryEvent> history(long processInstanceKey, QueryFilter filter, int page, int size) {
		Where where = new Where().eq("process_instance_key", processInstanceKey)
			.eq("entity", filter.state())
			.eq("element_id", filter.elementId());
		return page(
				"SELECT event_id, event_time, process_instance_key, entity, entity_key, element_id, event, "
						+ "state_before, state_after, actor, detail FROM eng_hist_event",
				where, "event_id", page, size,
				(rs) -> new Views.HistoryEvent(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4),
						rs.getLong(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
						rs.getString(10), rs.getString(11)));
	}

	private <T> Page<T> page(String select, Where where, String order, int page, int size, RowMapper<T> mapper) {
		int limit = Math.max(1, Math.min(size, MAX_PAGE));
		int offset = Math.max(0, page) * limit;
		String from = select.substring(select.indexOf(" FROM "));
		try (Connection connection = this.dataSource.getConnection()) {
			long total;
			try (PreparedStatement count = connection.prepareStatement("SELECT COUNT(*)" + from + where.sql())) {
				where.bind(count);
				try (ResultSet rs = count.executeQuery()) {
					rs.next();
					total = rs.getLong(1);
				}
			}
			List<T> items = new ArrayList<>();
			try (PreparedStatement statement = connection.prepareStatement(
					select + where.sql() + " ORDER BY " + order + " LIMIT " + limit + " OFFSET " + offset)) {
				where.bind(statement);
				try (ResultSet rs = statement.executeQuery()) {
					while (rs.next()) {
						items.add(mapper.map(rs));
					}
				}
			}
			return new Page<>(items, total, Math.max(0, page), limit);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Engine query failed: " + ex.getMessage(), ex);
		}
	}

	@FunctionalInterface
	private interface RowMapper<T> {

		T map(ResultSet rs) throws SQLException;

	}

	/** A WHERE clause of optional conditions, with its parameters. */
	private static final class Where {

		private final StringBuilder sql = new StringBuilder();

		private final List<Object> parameters = new ArrayList<>();

		Where eq(String column, Object value) {
			if (value != null) {
				add(column + " = ?");
				this.parameters.add(value);
			}
			return this;
		}

		Where like(String column, String text) {
			if (text != null && !text.isEmpty()) {
				add(column + " LIKE ?");
				this.parameters.add("%" + text.replace("%", "\\%").replace("_", "\\_") + "%");
			}
			return this;
		}

		Where raw(String condition, Object... values) {
			add(condition);
			for (Object value : values) {
				if (value != null) {
					this.parameters.add(value);
				}
			}
			return this;
		}

		private void add(String condition) {
			this.sql.append(this.sql.length() == 0 ? " WHERE " : " AND ").append(condition);
		}

		String sql() {
			return this.sql.toString();
		}

		void bind(PreparedStatement statement) throws SQLException {
			for (int i = 0; i < this.parameters.size(); i++) {
				statement.setObject(i + 1, this.parameters.get(i));
			}
		}

	}

}
