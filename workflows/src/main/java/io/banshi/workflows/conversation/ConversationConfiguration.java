package io.banshi.workflows.conversation;

import javax.sql.DataSource;

import org.springframework.ai.chat.memory.ChatMemory;
import org.springframework.ai.chat.memory.MessageWindowChatMemory;
import org.springframework.ai.chat.memory.repository.jdbc.JdbcChatMemoryRepository;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Conversation memory in the application's database: Spring AI's
 * {@link MessageWindowChatMemory} over its {@link JdbcChatMemoryRepository}, on the table
 * the Flyway migration creates (Spring AI's schema initialisation stays off:
 * {@code spring.ai.chat.memory.repository.jdbc.initialize-schema=never}).
 */
@Configuration(proxyBeanMethods = false)
public class ConversationConfiguration {

	@Bean
	JdbcChatMemoryRepository chatMemoryRepository(DataSource dataSource) {
		return JdbcChatMemoryRepository.builder().dataSource(dataSource).dialect(new ChatMemoryTableDialect()).build();
	}

	@Bean
	ChatMemory chatMemory(JdbcChatMemoryRepository repository,
			@Value("${banshi.conversation.max-messages:20}") int maxMessages) {
		return MessageWindowChatMemory.builder().chatMemoryRepository(repository).maxMessages(maxMessages).build();
	}

}
