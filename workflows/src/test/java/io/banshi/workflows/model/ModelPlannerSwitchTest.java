package io.banshi.workflows.model;

import org.junit.jupiter.api.Test;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import io.banshi.workflows.offline.OfflinePlanner;
import io.banshi.workflows.plan.Planner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Without a model configured the application starts (no API key needed) and plans
 * offline; with one, the model planner is the primary planner.
 */
class ModelPlannerSwitchTest {

	@Test
	void shouldStartWithoutAModelAndPlanOffline() {
		// given
		SpringApplicationBuilder application = new SpringApplicationBuilder(ModelPlannerTest.Application.class)
			.web(WebApplicationType.NONE)
			.properties("spring.ai.model.chat=none", "spring.ai.model.embedding=none", "spring.ai.model.image=none",
					"spring.ai.model.audio.speech=none", "spring.ai.model.audio.transcription=none",
					"spring.ai.model.moderation=none");

		// when
		try (ConfigurableApplicationContext context = application.run()) {
			// then
			assertThat(context.getBeansOfType(ModelPlanner.class)).isEmpty();
			assertThat(context.getBeansOfType(ChatModel.class)).isEmpty();
			assertThat(context.getBean(Planner.class)).isInstanceOf(OfflinePlanner.class);
		}
	}

	@Test
	void shouldMakeTheModelPlannerPrimaryWhenAModelIsConfigured() {
		// given
		SpringApplicationBuilder application = new SpringApplicationBuilder(ModelPlannerTest.Application.class)
			.web(WebApplicationType.NONE)
			.properties("spring.ai.model.chat=openai", "spring.ai.openai.base-url=http://127.0.0.1:9",
					"spring.ai.openai.api-key=key", "spring.ai.openai.chat.options.model=qwen-plus");

		// when
		try (ConfigurableApplicationContext context = application.run()) {
			// then
			assertThat(context.getBean(Planner.class)).isInstanceOf(ModelPlanner.class);
			assertThat(context.getBeansOfType(Planner.class)).hasSize(2);
		}
	}

}
