package io.banshi.admin.console;

import java.time.Clock;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/**
 * The console's audit log ({@code app_audit_log}): append-only, read newest first.
 */
@Repository
public class AuditLog {

	static final String INSERT = "INSERT INTO app_audit_log (created_at, actor, action, target_type, target_key, "
			+ "detail, outcome, message) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";

	static final String SELECT = "SELECT audit_id, created_at, actor, action, target_type, target_key, detail, "
			+ "outcome, message FROM app_audit_log";

	private static final int MAX_TEXT = 4000;

	private static final RowMapper<AuditEntry> ROW = (rs, row) -> new AuditEntry(rs.getLong(1), rs.getLong(2),
			rs.getString(3), rs.getString(4), rs.getString(5), rs.getLong(6), rs.getString(7), rs.getString(8),
			rs.getString(9));

	private final JdbcTemplate jdbc;

	private final Clock clock;

	public AuditLog(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
		this.clock = Clock.systemUTC();
	}

	/**
	 * Records one action.
	 * @param actor who
	 * @param action what
	 * @param targetType the kind of target
	 * @param targetKey the target's key
	 * @param detail the request
	 * @param outcome {@link AuditEntry#OK} or {@link AuditEntry#FAILED}
	 * @param message why it failed, or {@code null}
	 */
	public void record(String actor, String action, String targetType, long targetKey, String detail, String outcome,
			String message) {
		this.jdbc.update(INSERT, this.clock.millis(), actor, action, targetType, targetKey, cut(detail), outcome,
				cut(message));
	}

	/**
	 * The actions taken on one target, newest first.
	 * @param targetKey the target's key
	 * @return the entries, at most 200
	 */
	public List<AuditEntry> forTarget(long targetKey) {
		return this.jdbc.query(SELECT + " WHERE target_key = ? ORDER BY audit_id DESC LIMIT 200", ROW, targetKey);
	}

	/**
	 * The latest actions.
	 * @param limit how many
	 * @return the entries, newest first
	 */
	public List<AuditEntry> latest(int limit) {
		return this.jdbc.query(SELECT + " ORDER BY audit_id DESC LIMIT " + Math.max(1, Math.min(limit, 500)), ROW);
	}

	private static String cut(String text) {
		return (text == null || text.length() <= MAX_TEXT) ? text : text.substring(0, MAX_TEXT - 3) + "...";
	}

}
