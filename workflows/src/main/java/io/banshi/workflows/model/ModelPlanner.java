package io.banshi.workflows.model;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.messages.Message;
import org.springframework.ai.chat.messages.SystemMessage;
import org.springframework.ai.chat.messages.UserMessage;

import io.banshi.workflows.catalog.CapabilityCatalog;
import io.banshi.workflows.plan.PlanOutcome;
import io.banshi.workflows.plan.PlanRequest;
import io.banshi.workflows.plan.Planner;

/**
 * Plans with a language model behind any OpenAI-compatible endpoint (DashScope in
 * compatible mode for Qwen, Ollama, vLLM, OpenAI), through Spring AI's
 * {@link ChatClient}.
 *
 * <p>
 * The model answers in the plan schema (JSON). The answer is read and checked (a
 * {@link PlanCheck}); what is wrong goes back to the model, up to {@code maxRepairs}
 * times. When the model does not answer within the timeout (all attempts together),
 * cannot be reached, or still answers wrongly, the fallback planner (the offline planner)
 * plans instead and the plan's note says why.
 */
public class ModelPlanner implements Planner, AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(ModelPlanner.class);

	private final ChatClient client;

	private final Supplier<Planner> fallback;

	private final PlanCheck check;

	private final PlanPrompt prompt;

	private final ObjectMapper json;

	private final Duration timeout;

	private final int maxRepairs;

	private final ThreadPoolExecutor executor;

	/**
	 * Creates a model planner.
	 * @param client the chat client, configured for the model
	 * @param fallback gives the planner to use when the model fails (looked up on first
	 * use, so that it may be another bean of the same type)
	 * @param check the checks a plan must pass
	 * @param catalog the capabilities the prompt lists
	 * @param planSchema the JSON Schema of a plan, shown to the model, or null
	 * @param settings timeout, repairs and concurrency
	 */
	public ModelPlanner(ChatClient client, Supplier<Planner> fallback, PlanCheck check, CapabilityCatalog catalog,
			JsonNode planSchema, Settings settings) {
		this.client = client;
		this.fallback = fallback;
		this.check = check;
		this.json = new ObjectMapper().findAndRegisterModules();
		this.prompt = new PlanPrompt(catalog, planSchema, this.json);
		this.timeout = settings.timeout();
		this.maxRepairs = settings.maxRepairs();
		int concurrency = settings.concurrency();
		AtomicInteger threads = new AtomicInteger();
		this.executor = new ThreadPoolExecutor(0, concurrency, 60, TimeUnit.SECONDS, new SynchronousQueue<>(),
				(task) -> {
					Thread thread = new Thread(task, "model-planner-" + threads.incrementAndGet());
					thread.setDaemon(true);
					return thread;
				});
	}

	/**
	 * How the model planner waits and retries.
	 *
	 * @param timeout how long the model may take for one request, repairs included
	 * (default 10 s)
	 * @param maxRepairs how many times a wrong answer is sent back (default 2)
	 * @param concurrency how many requests may wait on the model at once; more fall back
	 * to the offline planner at once (default 16)
	 */
	public record Settings(Duration timeout, int maxRepairs, int concurrency) {

		/**
		 * Returns the defaults: 10 s, 2 repairs, 16 at once.
		 * @return the default settings
		 */
		public static Settings defaults() {
			return new Settings(Duration.ofSeconds(10), 2, 16);
		}

	}

	@Override
	public PlanOutcome plan(PlanRequest request) {
		if (request.text() == null || request.text().isBlank()) {
			// Nothing for a model to read: the offline planner asks back at once.
			return this.fallback.get().plan(request);
		}
		Future<Attempts> future;
		try {
			future = this.executor.submit(() -> converse(request));
		}
		catch (RejectedExecutionException ex) {
			return fallBack(request, "the model is busy");
		}
		try {
			Attempts attempts = future.get(this.timeout.toMillis(), TimeUnit.MILLISECONDS);
			if (attempts.outcome() != null) {
				return attempts.outcome();
			}
			return fallBack(request, "the model's answer still had problems after " + this.maxRepairs + " repairs ("
					+ String.join(" ", attempts.problems()) + ")");
		}
		catch (TimeoutException ex) {
			future.cancel(true);
			return fallBack(request, "the model did not answer within " + this.timeout.toMillis() / 1000.0 + " s");
		}
		catch (ExecutionException ex) {
			logger.warn("The model could not plan '{}'", request.text(), ex.getCause());
			return fallBack(request, "the model could not be reached (" + ex.getCause().getMessage() + ")");
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			future.cancel(true);
			return fallBack(request, "planning was interrupted");
		}
	}

	private record Attempts(PlanOutcome outcome, List<String> problems) {

	}

	private Attempts converse(PlanRequest request) {
		List<Message> messages = new ArrayList<>();
		messages.add(new SystemMessage(this.prompt.system(request)));
		messages.add(new UserMessage(this.prompt.user(request)));
		List<String> problems = List.of();
		for (int attempt = 0; attempt <= this.maxRepairs; attempt++) {
			String content = this.client.prompt().messages(messages).call().content();
			ModelAnswer answer = ModelAnswer.read(content, this.json);
			problems = answer.problems();
			if (answer.outcome() instanceof PlanOutcome.Planned planned) {
				problems = this.check.problems(planned.plan());
			}
			if (problems.isEmpty()) {
				return new Attempts(answer.outcome(), List.of());
			}
			logger.debug("Model answer {} has problems: {}", attempt + 1, problems);
			messages.add(new AssistantMessage((content != null) ? content : ""));
			messages.add(new UserMessage(this.prompt.repair(problems)));
		}
		return new Attempts(null, problems);
	}

	private PlanOutcome fallBack(PlanRequest request, String why) {
		PlanOutcome outcome = this.fallback.get().plan(request);
		String note = "Planned offline: " + why + ".";
		if (outcome instanceof PlanOutcome.Planned planned) {
			return new PlanOutcome.Planned(planned.plan(),
					(planned.note() != null) ? note + " " + planned.note() : note);
		}
		return outcome;
	}

	@Override
	public void close() {
		this.executor.shutdownNow();
	}

}
