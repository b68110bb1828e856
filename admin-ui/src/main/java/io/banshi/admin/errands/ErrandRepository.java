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

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The errands ({@code app_errand}). What the job workers report is merged into a row
 * under its lock ({@code SELECT ... FOR UPDATE}), because parallel branches of one errand
 * report at the same time. Every change is announced as an {@link ErrandChanged} after it
 * is committed, so that the errand page can push it to the person watching.
 */
@Repository
class ErrandRepository {

	static final String COLUMNS = "id, owner, text, status, process_id, process_instance_key, template_key,"
			+ " current_step, plan_json, results_json, options_json, error_code, error_message, created_at, updated_at,"
			+ " bpmn_xml, variables_json";

	static final String INSERT = "INSERT INTO app_errand (id, owner, text, status, process_id, template_key,"
			+ " plan_json, bpmn_xml, variables_json, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

	static final String SELECT_BY_OWNER = "SELECT " + COLUMNS + " FROM app_errand WHERE owner = ?"
			+ " ORDER BY created_at DESC, id DESC LIMIT ?";

	// Only a draft may be run, and only once: the row is the lock, so two clicks on "run
	// it" start one process.
	static final String CLAIM_DRAFT = "UPDATE app_errand SET status = 'running', updated_at = ?"
			+ " WHERE id = ? AND status = 'planned' AND process_instance_key IS NULL";

	static final String DELETE_DRAFT = "DELETE FROM app_errand"
			+ " WHERE id = ? AND status = 'planned' AND process_instance_key IS NULL";

	static final String SELECT_DRAFT_IDS_BY_OWNER = "SELECT id FROM app_errand"
			+ " WHERE owner = ? AND status = 'planned' AND process_instance_key IS NULL";

	static final String DELETE_DRAFTS_BY_OWNER = "DELETE FROM app_errand"
			+ " WHERE owner = ? AND status = 'planned' AND process_instance_key IS NULL";

	static final String SELECT_IDS_WITH_TEXT_BY_OWNER = "SELECT id FROM app_errand WHERE owner = ? AND text <> ''";

	// What a person said is forgotten; the errand itself (its status, results and orders)
	// is kept, and a running one keeps running.
	static final String CLEAR_TEXTS_BY_OWNER = "UPDATE app_errand SET text = '', updated_at = ?"
			+ " WHERE owner = ? AND text <> ''";

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

	private final ApplicationEventPublisher events;

	ErrandRepository(DataSource dataSource, ObjectMapper json, ApplicationEventPublisher events) {
		this.jdbc = new JdbcTemplate(dataSource);
		this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
		this.json = json;
		this.events = events;
	}

	/**
	 * Records a planned errand, not started yet, with what will run when it is.
	 * @param processId the BPMN process id its BPMN defines
	 * @param templateKey the template it runs ({@code key vN}), or {@code null}
	 * @param bpmn the BPMN to deploy
	 * @param variables the variables to start it with
	 * @return the errand as stored
	 */
	Errand create(String id, String owner, String text, Object plan, String processId, String templateKey, String bpmn,
			Map<String, Object> variables) {
		Timestamp now = Timestamp.from(this.clock.instant());
		this.jdbc.update(INSERT, id, owner, text, ErrandStatus.PLANNED.value(), processId, templateKey, write(plan),
				bpmn, write(variables), now, now);
		changed(id);
		return find(id).orElseThrow();
	}

	/**
	 * Marks a draft as running, once.
	 * @return whether it was a draft (and is now running); {@code false} when it was run
	 * already, dropped, or never was a draft
	 */
	boolean claimDraft(String id) {
		boolean claimed = this.jdbc.update(CLAIM_DRAFT, Timestamp.from(this.clock.instant()), id) == 1;
		if (claimed) {
			changed(id);
		}
		return claimed;
	}

	/**
	 * Deletes a draft.
	 * @return whether it was a draft (and is gone now)
	 */
	boolean deleteDraft(String id) {
		boolean deleted = this.jdbc.update(DELETE_DRAFT, id) == 1;
		if (deleted) {
			changed(id);
		}
		return deleted;
	}

	void started(String id, String processId, long processInstanceKey, String templateKey) {
		this.jdbc.update(STARTED, processId, processInstanceKey, templateKey, Timestamp.from(this.clock.instant()), id);
		changed(id);
	}

	Optional<Errand> find(String id) {
		return this.jdbc.query(SELECT_BY_ID, this::map, id).stream().findFirst();
	}

	/**
	 * Returns a person's errands, newest first.
	 * @param owner the user name
	 * @param limit at most this many
	 */
	List<Errand> ofOwner(String owner, int limit) {
		return this.jdbc.query(SELECT_BY_OWNER, this::map, owner, limit);
	}

	/**
	 * Forgets what a person said: the texts of their errands are emptied and their drafts
	 * (plans they never ran, which hold what they said) deleted.
	 * @param owner the user name
	 * @return how many texts were emptied and how many drafts deleted
	 */
	Forgotten forgetTexts(String owner) {
		Forgotten forgotten = this.transactions.execute((status) -> {
			List<String> drafts = this.jdbc.queryForList(SELECT_DRAFT_IDS_BY_OWNER, String.class, owner);
			this.jdbc.update(DELETE_DRAFTS_BY_OWNER, owner);
			List<String> texts = this.jdbc.queryForList(SELECT_IDS_WITH_TEXT_BY_OWNER, String.class, owner);
			this.jdbc.update(CLEAR_TEXTS_BY_OWNER, Timestamp.from(this.clock.instant()), owner);
			return new Forgotten(texts, drafts);
		});
		forgotten.texts().forEach(this::changed);
		forgotten.drafts().forEach(this::changed);
		return forgotten;
	}

	/**
	 * Changes an errand under its row lock.
	 * @param id the errand
	 * @param change the change: given the errand as it is, the errand as it should be
	 * @return the errand afterwards, or empty when there is none
	 */
	Optional<Errand> update(String id, UnaryOperator<Errand> change) {
		Updated updated = this.transactions.execute((status) -> {
			Optional<Errand> current = this.jdbc.query(SELECT_BY_ID_FOR_UPDATE, this::map, id).stream().findFirst();
			if (current.isEmpty()) {
				return new Updated(Optional.empty(), false);
			}
			Errand changed = change.apply(current.get());
			if (changed.equals(current.get())) {
				return new Updated(current, false);
			}
			this.jdbc.update(UPDATE, changed.status().value(), changed.currentStep(), write(changed.results()),
					changed.options().isEmpty() ? null : write(changed.options()), changed.errorCode(),
					cut(changed.errorMessage()), Timestamp.from(this.clock.instant()), id);
			return new Updated(this.jdbc.query(SELECT_BY_ID, this::map, id).stream().findFirst(), true);
		});
		// Announced only once committed, so that a listener reading the row sees the
		// change.
		if (updated.changed()) {
			changed(id);
		}
		return updated.errand();
	}

	private void changed(String id) {
		this.events.publishEvent(new ErrandChanged(id));
	}

	private Errand map(ResultSet rs, int row) throws SQLException {
		long key = rs.getLong("process_instance_key");
		Long processInstanceKey = rs.wasNull() ? null : key;
		String results = rs.getString("results_json");
		String options = rs.getString("options_json");
		String variables = rs.getString("variables_json");
		return new Errand(rs.getString("id"), rs.getString("owner"), rs.getString("text"),
				ErrandStatus.of(rs.getString("status")), rs.getString("process_id"), processInstanceKey,
				rs.getString("template_key"), rs.getString("current_step"), read(rs.getString("plan_json"), MAP),
				(results != null) ? read(results, MAP) : new LinkedHashMap<>(),
				(options != null) ? read(options, LIST) : List.of(), rs.getString("error_code"),
				rs.getString("error_message"), rs.getTimestamp("created_at").toInstant(),
				rs.getTimestamp("updated_at").toInstant(), rs.getString("bpmn_xml"),
				(variables != null) ? read(variables, MAP) : Map.of());
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

	/**
	 * The errand after an update, and whether the update changed it.
	 */
	private record Updated(Optional<Errand> errand, boolean changed) {

	}

	/**
	 * What {@link #forgetTexts(String)} did.
	 *
	 * @param texts the errands whose text was emptied
	 * @param drafts the drafts deleted
	 */
	record Forgotten(List<String> texts, List<String> drafts) {

	}

	private static String cut(String text) {
		return (text == null || text.length() <= 2000) ? text : text.substring(0, 2000);
	}

}
