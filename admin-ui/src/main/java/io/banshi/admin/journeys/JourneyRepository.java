package io.banshi.admin.journeys;

import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import io.banshi.engine.query.Page;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Repository;

/**
 * Reads the journey list straight from the engine's runtime tables, read-only: the
 * engine's query service filters instances by one state and one variable, while the
 * console also needs the derived states (waiting, incident), time ranges, error text and
 * element. Every condition is an indexed {@code EXISTS} on the process instance key, so a
 * page stays cheap with many journeys.
 */
@Repository
class JourneyRepository {

	static final String INCIDENT = "EXISTS (SELECT 1 FROM eng_run_incident i "
			+ "WHERE i.process_instance_key = p.process_instance_key)";

	/** Waiting on the user: a confirm job, or a catch event or receive task, is open. */
	static final String WAITING = "(EXISTS (SELECT 1 FROM eng_run_job j WHERE j.process_instance_key = "
			+ "p.process_instance_key AND j.job_type = 'confirm') OR EXISTS (SELECT 1 FROM eng_run_element_instance e "
			+ "WHERE e.process_instance_key = p.process_instance_key AND e.element_type IN "
			+ "('RECEIVE_TASK', 'INTERMEDIATE_CATCH_EVENT', 'USER_TASK', 'EVENT_BASED_GATEWAY')))";

	static final String STATE = "CASE WHEN p.state = 'COMPLETED' THEN 'COMPLETED' WHEN p.state = 'TERMINATED' THEN "
			+ "'CANCELED' WHEN " + INCIDENT + " THEN 'INCIDENT' WHEN " + WAITING + " THEN 'WAITING' ELSE 'RUNNING' END";

	static final String SELECT_PAGE = "SELECT p.process_instance_key, p.bpmn_process_id, p.version, p.start_time, "
			+ "p.end_time, " + STATE + " AS journey_state, (SELECT MIN(i.error_message) FROM eng_run_incident i "
			+ "WHERE i.process_instance_key = p.process_instance_key) AS incident, (SELECT a.owner FROM app_errand a "
			+ "WHERE a.process_instance_key = p.process_instance_key) AS owner FROM eng_run_process_instance p";

	static final String COUNT_BY_STATE = "SELECT journey_state, COUNT(*) FROM (SELECT " + STATE
			+ " AS journey_state FROM eng_run_process_instance p%s) s GROUP BY journey_state";

	static final String PROCESS_IDS = "SELECT DISTINCT bpmn_process_id FROM eng_def_process ORDER BY bpmn_process_id";

	static final String DIAGRAM = "SELECT d.resource FROM eng_def_process d JOIN eng_run_process_instance p "
			+ "ON p.process_definition_key = d.process_definition_key WHERE p.process_instance_key = ?";

	private final JdbcTemplate jdbc;

	private final ObjectMapper json;

	private final ZoneId zone = ZoneId.systemDefault();

	JourneyRepository(JdbcTemplate jdbc, ObjectMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/**
	 * One page of journeys, newest first.
	 * @param filter the filter
	 * @param size the page size
	 * @return the page
	 */
	Page<JourneyRow> find(JourneyFilter filter, int size) {
		Where where = where(filter, true);
		long total = this.jdbc.queryForObject("SELECT COUNT(*) FROM eng_run_process_instance p" + where.sql(),
				Long.class, where.parameters());
		int page = filter.pageNumber();
		List<JourneyRow> rows = this.jdbc.query(SELECT_PAGE + where.sql()
				+ " ORDER BY p.process_instance_key DESC LIMIT " + size + " OFFSET " + ((long) page * size),
				(rs, n) -> {
					long end = rs.getLong(5);
					Long endTime = rs.wasNull() ? null : end;
					return new JourneyRow(rs.getLong(1), rs.getString(2), rs.getInt(3),
							JourneyState.valueOf(rs.getString(6)), rs.getLong(4), endTime, rs.getString(7),
							rs.getString(8));
				}, where.parameters());
		return new Page<>(rows, total, page, size);
	}

	/**
	 * How many journeys match the filter in each state (the filter's own state aside).
	 * @param filter the filter
	 * @return the counts, every state present
	 */
	Map<JourneyState, Long> countByState(JourneyFilter filter) {
		Where where = where(filter, false);
		Map<JourneyState, Long> counts = JourneyState.none();
		this.jdbc.query(COUNT_BY_STATE.formatted(where.sql()),
				(RowCallbackHandler) (rs) -> counts.put(JourneyState.valueOf(rs.getString(1)), rs.getLong(2)),
				where.parameters());
		return counts;
	}

	/**
	 * The keys of every journey the filter matches, for a bulk action.
	 * @param filter the filter
	 * @param limit the most to return
	 * @return the keys, newest first
	 */
	List<Long> keys(JourneyFilter filter, int limit) {
		Where where = where(filter, true);
		return this.jdbc.queryForList("SELECT p.process_instance_key FROM eng_run_process_instance p" + where.sql()
				+ " ORDER BY p.process_instance_key DESC LIMIT " + limit, Long.class, where.parameters());
	}

	/**
	 * The errand a journey runs, when the errand API started it.
	 * @param key the process instance key
	 * @return the errand's owner and sentence (blank once its owner cleared their
	 * history), or {@code null}
	 */
	String[] errandOf(long key) {
		List<String[]> errands = this.jdbc.query("SELECT owner, text FROM app_errand WHERE process_instance_key = ?",
				(rs, n) -> new String[] { rs.getString(1), rs.getString(2) }, key);
		return errands.isEmpty() ? null : errands.get(0);
	}

	/**
	 * The process ids deployed, for the filter's choice.
	 * @return the ids, sorted
	 */
	List<String> processIds() {
		return this.jdbc.queryForList(PROCESS_IDS, String.class);
	}

	/**
	 * The BPMN XML a journey runs.
	 * @param key the process instance key
	 * @return the XML, or {@code null} when there is no such journey
	 */
	String diagram(long key) {
		List<byte[]> resources = this.jdbc.query(DIAGRAM, (rs, n) -> rs.getBytes(1), key);
		return resources.isEmpty() ? null : new String(resources.get(0), StandardCharsets.UTF_8);
	}

	private Where where(JourneyFilter filter, boolean withState) {
		Where where = new Where();
		JourneyState state = withState ? filter.journeyState() : null;
		if (state != null) {
			switch (state) {
				case COMPLETED -> where.add("p.state = 'COMPLETED'");
				case CANCELED -> where.add("p.state = 'TERMINATED'");
				case INCIDENT -> where.add("p.state = 'ACTIVE' AND " + INCIDENT);
				case WAITING -> where.add("p.state = 'ACTIVE' AND NOT " + INCIDENT + " AND " + WAITING);
				case RUNNING -> where.add("p.state = 'ACTIVE' AND NOT " + INCIDENT + " AND NOT " + WAITING);
			}
		}
		String process = JourneyFilter.blankToNull(filter.process());
		if (process != null) {
			where.add("p.bpmn_process_id = ?", process);
		}
		String user = JourneyFilter.blankToNull(filter.user());
		if (user != null) {
			// The errand's owner; by the owner index rather than one lookup per journey.
			where.add("p.process_instance_key IN (SELECT a.process_instance_key FROM app_errand a WHERE a.owner = ?)",
					user);
		}
		Long startedFrom = JourneyFilter.epochMillis(filter.startedFrom(), this.zone);
		if (startedFrom != null) {
			where.add("p.start_time >= ?", startedFrom);
		}
		Long startedTo = JourneyFilter.epochMillis(filter.startedTo(), this.zone);
		if (startedTo != null) {
			where.add("p.start_time < ?", startedTo);
		}
		Long endedFrom = JourneyFilter.epochMillis(filter.endedFrom(), this.zone);
		if (endedFrom != null) {
			where.add("p.end_time >= ?", endedFrom);
		}
		Long endedTo = JourneyFilter.epochMillis(filter.endedTo(), this.zone);
		if (endedTo != null) {
			where.add("p.end_time < ?", endedTo);
		}
		String error = JourneyFilter.blankToNull(filter.error());
		if (error != null) {
			String like = "%" + error.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
			where.add(
					"(EXISTS (SELECT 1 FROM eng_run_incident i WHERE i.process_instance_key = p.process_instance_key"
							+ " AND i.error_message LIKE ?) OR EXISTS (SELECT 1 FROM eng_run_job j WHERE "
							+ "j.process_instance_key = p.process_instance_key AND j.error_message LIKE ?))",
					like, like);
		}
		String element = JourneyFilter.blankToNull(filter.element());
		if (element != null) {
			where.add("EXISTS (SELECT 1 FROM eng_run_element_instance e WHERE e.process_instance_key = "
					+ "p.process_instance_key AND e.element_id = ?)", element);
		}
		String variable = JourneyFilter.blankToNull(filter.variable());
		if (variable != null) {
			String value = JourneyFilter.blankToNull(filter.value());
			if (value == null) {
				where.add("EXISTS (SELECT 1 FROM eng_run_variable v WHERE v.process_instance_key = "
						+ "p.process_instance_key AND v.name = ?)", variable);
			}
			else {
				where.add(
						"EXISTS (SELECT 1 FROM eng_run_variable v WHERE v.process_instance_key = "
								+ "p.process_instance_key AND v.name = ? AND v.variable_value = ?)",
						variable, jsonBytes(value));
			}
		}
		return where;
	}

	/** The value as the engine stores it: compact JSON; a bare word is a string. */
	private byte[] jsonBytes(String value) {
		JsonNode node;
		try {
			node = this.json.readTree(value);
		}
		catch (JsonProcessingException ex) {
			node = null;
		}
		if (node == null || node.isMissingNode()) {
			node = TextNode.valueOf(value);
		}
		return node.toString().getBytes(StandardCharsets.UTF_8);
	}

	/** A WHERE clause of conditions joined by AND, with its parameters. */
	private static final class Where {

		private final StringBuilder sql = new StringBuilder();

		private final List<Object> parameters = new ArrayList<>();

		void add(String condition, Object... values) {
			this.sql.append(this.sql.isEmpty() ? " WHERE " : " AND ").append(condition);
			this.parameters.addAll(List.of(values));
		}

		String sql() {
			return this.sql.toString();
		}

		Object[] parameters() {
			return this.parameters.toArray();
		}

	}

}
