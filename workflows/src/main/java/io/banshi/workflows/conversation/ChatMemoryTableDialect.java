package io.banshi.workflows.conversation;

import org.springframework.ai.chat.memory.repository.jdbc.JdbcChatMemoryRepositoryDialect;

/**
 * Spring AI's chat memory statements for Banshi's table {@code spring_ai_chat_memory},
 * the same on H2 (MySQL mode) and MySQL/MariaDB.
 *
 * <p>
 * Spring AI's own dialects name the table {@code SPRING_AI_CHAT_MEMORY}. MySQL and
 * MariaDB on Linux compare table names case-sensitively, and the table is created in
 * lower case by the migration like every other table, so their statements would not find
 * it there. The columns are Spring AI's: {@code conversation_id}, {@code content},
 * {@code type}, {@code timestamp}.
 */
public final class ChatMemoryTableDialect implements JdbcChatMemoryRepositoryDialect {

	/**
	 * The table, as the migration {@code V3__plan_templates_and_memory.sql} creates it.
	 */
	public static final String TABLE = "spring_ai_chat_memory";

	@Override
	public String getSelectMessagesSql() {
		return "SELECT content, type FROM " + TABLE + " WHERE conversation_id = ? ORDER BY timestamp";
	}

	@Override
	public String getInsertMessageSql() {
		return "INSERT INTO " + TABLE + " (conversation_id, content, type, timestamp) VALUES (?, ?, ?, ?)";
	}

	@Override
	public String getSelectConversationIdsSql() {
		return "SELECT DISTINCT conversation_id FROM " + TABLE;
	}

	@Override
	public String getDeleteMessagesSql() {
		return "DELETE FROM " + TABLE + " WHERE conversation_id = ?";
	}

}
