package io.banshi.workflows.conversation;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.memory.MessageWindowChatMemory;
import org.springframework.ai.chat.memory.repository.jdbc.JdbcChatMemoryRepository;
import org.springframework.ai.openai.OpenAiChatModel;
import org.springframework.ai.openai.OpenAiChatOptions;
import org.springframework.ai.openai.api.OpenAiApi;
import org.springframework.jdbc.core.JdbcTemplate;

import io.banshi.db.TestDatabase;
import io.banshi.workflows.catalog.CapabilityCatalog;
import io.banshi.workflows.compiler.BpmnPlanCompiler;
import io.banshi.workflows.model.FakeModelServer;
import io.banshi.workflows.model.ModelPlanner;
import io.banshi.workflows.model.ValidatorPlanCheck;
import io.banshi.workflows.offline.OfflinePlanner;
import io.banshi.workflows.plan.PlanOutcome;
import io.banshi.workflows.plan.PlanRequest;
import io.banshi.workflows.validation.PlanValidator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Conversation memory on the test database (H2, or MariaDB with {@code -Pmariadb}),
 * through Spring AI's JDBC chat memory on the table the migration creates, with the model
 * planner against a local endpoint speaking OpenAI's protocol.
 */
class ConversationPlannerTest {

	private static final OffsetDateTime NOW = OffsetDateTime.parse("2026-11-30T09:00:00+08:00");

	private static final String WEATHER = """
			{"outcome": "plan", "plan": {"slots": {"destination": "杭州", "date": "2026-11-30"},
			 "steps": [{"id": "s1", "kind": "query", "capability": "weather.forecast",
			            "inputs": {"destination": "杭州"}, "dependsOn": []}]}}
			""";

	private static final String CLOTHES = """
			{"outcome": "plan", "plan": {"slots": {"destination": "杭州", "date": "2026-11-30", "item": "衣服"},
			 "steps": [{"id": "s1", "kind": "query", "capability": "weather.forecast",
			            "inputs": {"destination": "杭州"}, "dependsOn": []}]}}
			""";

	private FakeModelServer model;

	private HikariDataSource dataSource;

	private ConversationPlanner conversations;

	private ModelPlanner planner;

	@BeforeEach
	void setUp() {
		this.model = FakeModelServer.start();
		this.dataSource = TestDatabase.create("conversation").migrated().dataSource();
		OpenAiChatModel chatModel = OpenAiChatModel.builder()
			.openAiApi(OpenAiApi.builder().baseUrl(this.model.baseUrl()).apiKey("test-key").build())
			.defaultOptions(OpenAiChatOptions.builder().model("fake-model").build())
			.build();
		CapabilityCatalog catalog = CapabilityCatalog.builtIn();
		PlanValidator validator = new PlanValidator(catalog);
		this.planner = new ModelPlanner(ChatClient.builder(chatModel).build(), () -> new OfflinePlanner(catalog),
				new ValidatorPlanCheck(validator, new BpmnPlanCompiler()), catalog, validator.schema(),
				ModelPlanner.Settings.defaults());
		JdbcChatMemoryRepository repository = JdbcChatMemoryRepository.builder()
			.dataSource(this.dataSource)
			.dialect(new ChatMemoryTableDialect())
			.build();
		this.conversations = new ConversationPlanner(this.planner,
				MessageWindowChatMemory.builder().chatMemoryRepository(repository).maxMessages(20).build());
	}

	@AfterEach
	void tearDown() {
		this.planner.close();
		this.dataSource.close();
		this.model.close();
	}

	@Test
	void shouldKeepThePlaceOfThePreviousQuestion() {
		// given
		this.model.answer(WEATHER, CLOTHES);
		this.conversations.plan(request("alice", "杭州天气如何?"));

		// when
		PlanOutcome outcome = this.conversations.plan(request("alice", "适合穿什么?"));

		// then
		JsonNode second = this.model.requests().get(1);
		String said = second.path("messages").get(1).path("content").asText();
		assertThat(said).contains("适合穿什么?").contains("\"destination\":\"杭州\"");
		assertThat(outcome).isInstanceOfSatisfying(PlanOutcome.Planned.class, (planned) -> {
			assertThat(planned.note()).as("planned by the model, not offline").isNull();
			assertThat(planned.plan().slots()).containsEntry("destination", "杭州");
		});
		assertThat(this.conversations.previousSlots("alice")).containsEntry("destination", "杭州")
			.containsEntry("item", "衣服");
		assertThat(this.conversations.history("alice")).containsExactly("杭州天气如何?", "适合穿什么?");
	}

	@Test
	void shouldKeepEachUsersConversationApart() {
		// given
		this.model.answer(WEATHER, WEATHER);
		this.conversations.plan(request("alice", "杭州天气如何?"));

		// when
		this.conversations.plan(request("bob", "杭州天气如何?"));

		// then
		String said = this.model.requests().get(1).path("messages").get(1).path("content").asText();
		assertThat(said).doesNotContain("previous errand");
		assertThat(this.conversations.history("bob")).containsExactly("杭州天气如何?");
	}

	@Test
	void shouldForgetAUsersConversationWhenCleared() {
		// given
		this.model.answer(WEATHER, CLOTHES);
		this.conversations.plan(request("alice", "杭州天气如何?"));
		this.conversations.plan(request("bob", "杭州天气如何?"));

		// when
		this.conversations.clear("alice");

		// then
		assertThat(this.conversations.previousSlots("alice")).isEmpty();
		assertThat(this.conversations.history("alice")).isEmpty();
		assertThat(this.conversations.history("bob")).hasSize(1);
		Integer rows = new JdbcTemplate(this.dataSource).queryForObject(
				"SELECT COUNT(*) FROM spring_ai_chat_memory WHERE conversation_id = 'alice'", Integer.class);
		assertThat(rows).isZero();
	}

	@Test
	void shouldRememberNothingWithoutAUser() {
		// given
		this.model.answer(WEATHER);

		// when
		this.conversations.plan(PlanRequest.of("杭州天气如何?", NOW, ZoneId.of("Asia/Shanghai")));

		// then
		Integer rows = new JdbcTemplate(this.dataSource).queryForObject("SELECT COUNT(*) FROM spring_ai_chat_memory",
				Integer.class);
		assertThat(rows).isZero();
	}

	private static PlanRequest request(String user, String text) {
		return new PlanRequest(text, NOW, ZoneId.of("Asia/Shanghai"), user, Map.of());
	}

}
