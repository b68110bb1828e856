package io.banshi.admin.errands;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

import javax.sql.DataSource;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The errands ({@code app_errand}). What the job workers report is merged into a row
 * under its lock ({@code SELECT ... FOR UPDATE}), because parallel branches of one errand
 * report at the same time.
 */
@Repository
class ErrandRepository {

	static final String COLUMNS = "id, owner, text, status, process_id, process_instance_key, template_key,"
			+ " current_step, plan_json, results_json, options_json, error_code, error_message, created_at, updated_at";

	static final String INSERT = "INSERT INTO app_errand (id, owner, text, status, plan_json, created_at, updated_at)"
			+ " VALUES (?, ?, ?, ?, ?, ?, ?)";

	static final String SELECT_BY_ID = "SELECT " + COLUMNS + " FROM app_errand WHERE id = ?";

	static final String SELECT_BY_ID_FOR_UPDATE = SELECT_BY_ID + " FOR UPDATE";

	// Only a planned errand becomes running: a worker may already have reported that it
	// waits for a confirmation.
	static final String STARTED = "UPDATE app_errand SET process_id = ?, process_instance_key = ?, template_key = ?,"
			+ " status = CASE WHEN status = 'planned' THEN 'running' ELSE status END, updated_at = ? WHERE id = ?";

	static final String UPDATE = "UPDATE app_errand SET status = ?, current_step = ?, results_json = ?,"
			+ " options_json = ?, error_code = ?, error_message = ?, updated_at = ? WHERE id = ?";

	private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
	};

	private static final TypeReference<List<Map<String, Object>>> LIST = new TypeReference<>() {
	};

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	private final ObjectMapper json;

	private final Clock clock = Clock.systemUTC();

	ErrandRepository(DataSource dataSource, ObjectMapper json) {
		this.jdbc = new JdbcTemplate(dataSource);
		this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
		this.json = json;
	}

	Errand create(String id, String owner, String text, Object plan) {
		Timestamp now = Timestamp.from(this.clock.instant());
		this.jdbc.update(INSERT, id, owner, text, ErrandStatus.PLANNED.value(), write(plan), now, now);
		return find(id).orElseThrow();
	}

	void started(String id, String processId, long processInstanceKey, String templateKey) {
		this.jdbc.update(STARTED, processId, processInstanceKey, templateKey, Timestamp.from(this.clock.instant()), id);
	}

	Optional<Errand> find(String id) {
		return this.jdbc.query(SELECT_BY_ID, this::map, id).stream().findFirst();
	}

	/**
	 * Changes an errand under its row lock.
	 * @param id the errand
	 * @param change the change: given the errand as it is, the errand as it should be
	 * @return the errand afterwards, or empty when there is none
	 */
	Optional<Errand> update(String id, UnaryOperator<Errand> change) {
		return this.transactions.execute((status) -> {
			Optional<Errand> current = this.jdbc.query(SELECT_BY_ID_FOR_UPDATE, this::map, id).stream().findFirst();
			if (current.isEmpty()) {
				return Optional.<Errand>empty();
			}
			Errand changed = change.apply(current.get());
			if (changed.equals(current.get())) {
				return current;
			}
			this.jdbc.update(UPDATE, changed.status().value(), changed.currentStep(), write(changed.results()),
					changed.options().isEmpty() ? null : write(changed.options()), changed.errorCode(),
					cut(changed.errorMessage()), Timestamp.from(this.clock.instant()), id);
			return this.jdbc.query(SELECT_BY_ID, this::map, id).stream().findFirst();
		});
	}

	private Errand map(ResultSet rs, int row) throws SQLException {
		long key = rs.getLong("process_instance_key");
		Long processInstanceKey = rs.wasNull() ? null : key;
		String results = rs.getString("results_json");
		String options = rs.getString("options_json");
		return new Errand(rs.getString("id"), rs.getString("owner"), rs.getString("text"),
				ErrandStatus.of(rs.getString("status")), rs.getString("process_id"), processInstanceKey,
				rs.getString("template_key"), rs.getString("current_step"), read(rs.getString("plan_json"), MAP),
				(results != null) ? read(results, MAP) : new LinkedHashMap<>(),
				(options != null) ? read(options, LIST) : List.of(), rs.getString("error_code"),
				rs.getString("error_message"), rs.getTimestamp("created_at").toInstant(),
				rs.getTimestamp("updated_at").toInstant());
	}

	private String write(Object value) {
		try {
			return this.json.writeValueAsString(value);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalArgumentException("Cannot write " + value + " as JSON", ex);
		}
	}

	private <T> T read(String value, TypeReference<T> type) {
		try {
			return this.json.readValue(value, type);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("Stored errand data is not JSON: " + value, ex);
		}
	}

	private static String cut(String text) {
		return (text == null || text.length() <= 2000) ? text : text.substring(0, 2000);
	}

}
