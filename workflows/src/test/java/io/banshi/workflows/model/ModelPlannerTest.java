package io.banshi.workflows.model;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.model.chat.memory.repository.jdbc.autoconfigure.JdbcChatMemoryRepositoryAutoConfiguration;
import org.springframework.ai.openai.OpenAiChatModel;
import org.springframework.ai.openai.OpenAiChatOptions;
import org.springframework.ai.openai.api.OpenAiApi;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.banshi.workflows.catalog.CapabilityCatalog;
import io.banshi.workflows.compiler.BpmnPlanCompiler;
import io.banshi.workflows.offline.OfflinePlanner;
import io.banshi.workflows.plan.PlanOutcome;
import io.banshi.workflows.plan.PlanRequest;
import io.banshi.workflows.plan.PlanStep;
import io.banshi.workflows.plan.Planner;
import io.banshi.workflows.plan.StepKind;
import io.banshi.workflows.validation.PlanValidator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The model planner through the real Spring AI OpenAI client, over real HTTP, against a
 * local endpoint that speaks the chat completions protocol.
 */
@SpringBootTest(classes = ModelPlannerTest.Application.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
		properties = { "spring.ai.model.chat=openai", "spring.ai.openai.api-key=test-key",
				"spring.ai.openai.chat.options.model=fake-model", "spring.ai.retry.max-attempts=1",
				"banshi.planner.model.timeout=10s" })
class ModelPlannerTest {

	static final FakeModelServer model = FakeModelServer.start();

	static final OffsetDateTime NOW = OffsetDateTime.parse("2026-11-30T09:00:00+08:00");

	static final String FLIGHT_PLAN = """
			{"outcome": "plan", "plan": {"slots": {"destination": "上海", "date": "2026-12-09"},
			 "steps": [
			  {"id": "s1", "kind": "query", "capability": "travel.flight", "inputs": {"destination": "上海"}, "dependsOn": []},
			  {"id": "s2", "kind": "compare", "capability": "travel.flight", "inputs": {"by": "price"}, "dependsOn": ["s1"]},
			  {"id": "s3", "kind": "confirm", "capability": "travel.flight", "inputs": {}, "dependsOn": ["s2"]},
			  {"id": "s4", "kind": "order", "capability": "travel.flight", "inputs": {"destination": "上海"}, "dependsOn": ["s3"]}]}}
			""";

	@Autowired
	Planner planner;

	@DynamicPropertySource
	static void modelEndpoint(DynamicPropertyRegistry registry) {
		registry.add("spring.ai.openai.base-url", model::baseUrl);
	}

	@AfterAll
	static void stopModel() {
		model.close();
	}

	@Test
	void shouldPlanWithTheModelsAnswer() {
		// given
		model.answer("```json\n" + FLIGHT_PLAN + "\n```");

		// when
		PlanOutcome outcome = this.planner.plan(request("帮我订下周三去上海最便宜的机票"));

		// then
		assertThat(this.planner).isInstanceOf(ModelPlanner.class);
		assertThat(outcome).isInstanceOfSatisfying(PlanOutcome.Planned.class, (planned) -> {
			assertThat(planned.note()).isNull();
			assertThat(planned.plan().slots()).containsEntry("destination", "上海").containsEntry("date", "2026-12-09");
			assertThat(planned.plan().steps()).extracting(PlanStep::kind)
				.containsExactly(StepKind.QUERY, StepKind.COMPARE, StepKind.CONFIRM, StepKind.ORDER);
		});
		JsonNode sent = model.requests().get(0);
		assertThat(sent.path("model").asText()).isEqualTo("fake-model");
		assertThat(model.authorizations()).containsExactly("Bearer test-key");
		String system = sent.path("messages").get(0).path("content").asText();
		assertThat(system).contains("travel.flight", "confirm", "2026-12-09 Wed", "Asia/Shanghai", "remind_at");
		assertThat(sent.path("messages").get(1).path("content").asText()).contains("帮我订下周三去上海最便宜的机票");
	}

	@Test
	void shouldSendTheProblemsBackAndUseTheRepairedAnswer() {
		// given: the first answer orders with an unknown capability and without a confirm
		String wrong = """
				{"outcome": "plan", "plan": {"slots": {"destination": "上海"},
				 "steps": [{"id": "s1", "kind": "query", "capability": "travel.rocket", "dependsOn": []},
				           {"id": "s2", "kind": "order", "capability": "travel.flight", "dependsOn": ["s1"]}]}}
				""";
		model.answer(wrong, FLIGHT_PLAN);

		// when
		PlanOutcome outcome = this.planner.plan(request("帮我订去上海的机票"));

		// then
		assertThat(outcome).isInstanceOfSatisfying(PlanOutcome.Planned.class, (planned) -> {
			assertThat(planned.note()).isNull();
			assertThat(planned.plan().steps()).hasSize(4);
		});
		assertThat(model.requests()).hasSize(2);
		JsonNode messages = model.requests().get(1).path("messages");
		assertThat(messages).hasSize(4);
		assertThat(messages.get(2).path("role").asText()).isEqualTo("assistant");
		assertThat(messages.get(2).path("content").asText()).contains("travel.rocket");
		assertThat(messages.get(3).path("role").asText()).isEqualTo("user");
		assertThat(messages.get(3).path("content").asText())
			.contains("'travel.rocket' is not in the capability catalog")
			.contains("order step 's2' must depend (directly or not) on a confirm step");
	}

	@Test
	void shouldFallBackOfflineAfterTwoRepairsFail() {
		// given
		model.answer("I would book a flight for you.", "{\"outcome\": \"maybe\"}", "{\"outcome\": \"plan\"}");

		// when
		PlanOutcome outcome = this.planner.plan(request("帮我订下周三去上海的机票"));

		// then
		assertThat(model.requests()).hasSize(3);
		assertThat(model.requests().get(1).path("messages").get(3).path("content").asText()).contains("not valid JSON");
		assertThat(outcome).isInstanceOfSatisfying(PlanOutcome.Planned.class, (planned) -> {
			assertThat(planned.plan().slots()).containsEntry("destination", "上海").containsEntry("date", "2026-12-09");
			assertThat(planned.note()).startsWith("Planned offline: the model's answer still had problems after 2");
		});
	}

	@Test
	void shouldFallBackOfflineWhenTheModelDoesNotAnswerInTime() {
		// given: the same model and fallback, with a short deadline
		model.answer(FLIGHT_PLAN);
		model.delay(Duration.ofSeconds(6));
		OpenAiChatModel chatModel = OpenAiChatModel.builder()
			.openAiApi(OpenAiApi.builder().baseUrl(model.baseUrl()).apiKey("test-key").build())
			.defaultOptions(OpenAiChatOptions.builder().model("fake-model").build())
			.build();
		CapabilityCatalog catalog = CapabilityCatalog.builtIn();
		PlanValidator validator = new PlanValidator(catalog);
		try (ModelPlanner impatient = new ModelPlanner(ChatClient.builder(chatModel).build(),
				() -> new OfflinePlanner(catalog), new ValidatorPlanCheck(validator, new BpmnPlanCompiler()), catalog,
				validator.schema(), new ModelPlanner.Settings(Duration.ofMillis(1500), 2, 4))) {

			// when
			long start = System.nanoTime();
			PlanOutcome outcome = impatient.plan(request("帮我订下周三去上海的机票"));
			long millis = (System.nanoTime() - start) / 1_000_000;

			// then
			assertThat(millis).isBetween(1500L, 4500L);
			assertThat(model.requests()).hasSize(1);
			assertThat(outcome).isInstanceOfSatisfying(PlanOutcome.Planned.class, (planned) -> {
				assertThat(planned.plan().slots()).containsEntry("destination", "上海")
					.containsEntry("date", "2026-12-09");
				assertThat(planned.note()).isEqualTo("Planned offline: the model did not answer within 1.5 s.");
			});
		}
	}

	@Test
	void shouldPassAClarifyingQuestionThrough() {
		// given
		model.answer("{\"outcome\": \"clarify\", \"question\": \"您想去哪里?\"}");

		// when
		PlanOutcome outcome = this.planner.plan(request("帮我订票"));

		// then
		assertThat(outcome).isEqualTo(new PlanOutcome.Clarify("您想去哪里?"));
	}

	static PlanRequest request(String text) {
		return PlanRequest.of(text, NOW, ZoneId.of("Asia/Shanghai"));
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration(
			exclude = { DataSourceAutoConfiguration.class, JdbcChatMemoryRepositoryAutoConfiguration.class })
	@Import(ModelPlannerConfiguration.class)
	static class Application {

		@Bean
		OfflinePlanner offlinePlanner() {
			return new OfflinePlanner(CapabilityCatalog.builtIn());
		}

		@Bean
		PlanValidator planValidator() {
			return new PlanValidator(CapabilityCatalog.builtIn());
		}

	}

}
