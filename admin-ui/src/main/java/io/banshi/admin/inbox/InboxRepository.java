package io.banshi.admin.inbox;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The inbox ({@code app_inbox}): one message per key, whoever delivers it how often.
 */
@Repository
class InboxRepository {

	static final String INSERT = "INSERT INTO app_inbox (message_key, owner, errand_id, process_instance_key, kind,"
			+ " text, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)";

	static final String SELECT_BY_OWNER = "SELECT id, kind, text, created_at, errand_id FROM app_inbox"
			+ " WHERE owner = ? ORDER BY created_at DESC, id DESC";

	static final String SELECT_OWNER = "SELECT id, owner FROM app_errand WHERE id = ?";

	static final String SELECT_OWNER_BY_PROCESS_INSTANCE = "SELECT id, owner FROM app_errand"
			+ " WHERE process_instance_key = ?";

	private final JdbcTemplate jdbc;

	InboxRepository(DataSource dataSource) {
		this.jdbc = new JdbcTemplate(dataSource);
	}

	/**
	 * Adds a message unless one with its key is there already.
	 * @return whether it was added
	 */
	boolean add(String key, String owner, String errandId, long processInstanceKey, String kind, String text,
			Instant at) {
		try {
			this.jdbc.update(INSERT, key, owner, errandId, processInstanceKey, kind,
					(text.length() <= 2000) ? text : text.substring(0, 2000), Timestamp.from(at));
			return true;
		}
		catch (DuplicateKeyException ex) {
			return false;
		}
	}

	List<InboxMessage> of(String owner) {
		return this.jdbc.query(
				SELECT_BY_OWNER, (rs, row) -> new InboxMessage(rs.getLong("id"), rs.getString("kind"),
						rs.getString("text"), rs.getTimestamp("created_at").toInstant(), rs.getString("errand_id")),
				owner);
	}

	/**
	 * Finds whose errand a message belongs to.
	 * @return the errand id and its owner
	 */
	Optional<String[]> errandOwner(String errandId, long processInstanceKey) {
		List<String[]> found = (errandId != null)
				? this.jdbc.query(SELECT_OWNER, (rs, row) -> new String[] { rs.getString(1), rs.getString(2) },
						errandId)
				: this.jdbc.query(SELECT_OWNER_BY_PROCESS_INSTANCE,
						(rs, row) -> new String[] { rs.getString(1), rs.getString(2) }, processInstanceKey);
		return found.stream().findFirst();
	}

}
