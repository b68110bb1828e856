package io.banshi.workflows.model;

import java.time.Duration;
import java.util.Map;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

import io.banshi.workflows.catalog.CapabilityCatalog;
import io.banshi.workflows.compiler.BpmnPlanCompiler;
import io.banshi.workflows.plan.Planner;
import io.banshi.workflows.validation.PlanValidator;

/**
 * Turns the model planner on when a chat model is configured: Spring AI's own switch
 * {@code spring.ai.model.chat=openai} (the application sets it to {@code none} by
 * default, so that it starts without a model or an API key). Then the model planner is
 * the primary {@link Planner}, and the other planner (the offline one) is its fallback.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "spring.ai.model.chat", havingValue = "openai")
public class ModelPlannerConfiguration {

	@Bean
	@Primary
	ModelPlanner modelPlanner(ChatModel chatModel, ListableBeanFactory beans,
			ObjectProvider<CapabilityCatalog> catalogs, ObjectProvider<PlanValidator> validators,
			ObjectProvider<BpmnPlanCompiler> compilers, @Value("${banshi.planner.model.timeout:10s}") Duration timeout,
			@Value("${banshi.planner.model.max-repairs:2}") int maxRepairs,
			@Value("${banshi.planner.model.concurrency:16}") int concurrency) {
		CapabilityCatalog catalog = catalogs.getIfAvailable(CapabilityCatalog::builtIn);
		PlanValidator validator = validators.getIfAvailable(() -> new PlanValidator(catalog));
		PlanCheck check = new ValidatorPlanCheck(validator, compilers.getIfAvailable(BpmnPlanCompiler::new));
		return new ModelPlanner(ChatClient.builder(chatModel).build(), () -> fallback(beans), check, catalog,
				validator.schema(), new ModelPlanner.Settings(timeout, maxRepairs, concurrency));
	}

	private static Planner fallback(ListableBeanFactory beans) {
		Map<String, Planner> planners = beans.getBeansOfType(Planner.class);
		return planners.values()
			.stream()
			.filter((planner) -> !(planner instanceof ModelPlanner))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException(
					"The model planner needs another Planner (the offline planner) to fall back on; found "
							+ planners.keySet()));
	}

}
