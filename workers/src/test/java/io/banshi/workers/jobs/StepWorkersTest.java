package io.banshi.workers.jobs;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import io.banshi.engine.query.QueryFilter;
import io.banshi.engine.query.Views;
import io.banshi.engine.testing.Bpmns;
import io.banshi.engine.testing.TestEngine;
import io.banshi.workers.SandboxFixture;
import io.banshi.workflows.compiler.BpmnPlanCompiler;
import io.camunda.client.CamundaClient;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.builder.ServiceTaskBuilder;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.support.StaticListableBeanFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The job workers on the Camunda client against a running engine: jobs are streamed to
 * the step handlers, results complete them, business failures become BPMN errors the
 * process catches, crashes become failed jobs and then incidents, and an order whose
 * worker dies after writing it is placed exactly once.
 */
class StepWorkersTest {

	private TestEngine engine;

	private CamundaClient client;

	private SandboxFixture sandbox;

	private StepWorkers workers;

	private final List<Notification> inbox = new CopyOnWriteArrayList<>();

	private final List<String> observed = new CopyOnWriteArrayList<>();

	@BeforeEach
	void start() {
		this.engine = TestEngine.start("workers");
		this.client = this.engine.newClient();
		this.sandbox = new SandboxFixture("workers_sandbox");
	}

	@AfterEach
	void stop() {
		if (this.workers != null) {
			this.workers.stop();
		}
		this.client.close();
		this.engine.close();
		this.sandbox.close();
	}

	@Test
	void shouldServeEveryStepKindWithStreamingWorkers() {
		// when
		this.workers = workers(handlers());
		this.workers.start();

		// then
		assertThat(this.workers.jobTypes()).containsExactlyInAnyOrder("query", "compare", "confirm", "order", "remind",
				"notify");
		assertThat(this.workers.isRunning()).isTrue();
	}

	@Test
	void shouldQueryCompareOrderAndTellThePersonThroughTheEngine() {
		// given: the cheapest flight to Shanghai on 2026-12-09 is 9C8812 at 620 CNY
		this.workers = workers(handlers());
		this.workers.start();
		String processId = deploy(trip());

		// when
		long instance = Bpmns
			.start(this.client, processId,
					Map.of("errandId", "e-1", "destination", "上海", "date", "2026-12-09", "budget", 3000))
			.getProcessInstanceKey();

		// then
		awaitState(instance, "COMPLETED");
		assertThat(this.sandbox.jdbc.queryForList(
				"SELECT option_id FROM app_order WHERE process_instance_key = ? AND capability = 'travel.flight'",
				String.class, instance))
			.containsExactly("FL:9C8812:2026-12-09");
		assertThat(this.inbox).singleElement().satisfies((message) -> {
			assertThat(message.kind()).isEqualTo("notification");
			assertThat(message.errandId()).isEqualTo("e-1");
			assertThat(message.processInstanceKey()).isEqualTo(instance);
		});
		assertThat(this.observed).containsExactly("s1", "s2", "s3", "s4");
	}

	@Test
	void shouldTellTheObserversThroughTheEndListenerThatTheErrandsProcessEnded() {
		// given: the trip with the end listener every errand process has
		this.workers = workers(handlers());
		this.workers.start();
		BpmnModelInstance model = trip();
		io.camunda.zeebe.model.bpmn.instance.Process process = model
			.getModelElementsByType(io.camunda.zeebe.model.bpmn.instance.Process.class)
			.iterator()
			.next();
		process.builder().zeebeEndExecutionListener(BpmnPlanCompiler.ERRAND_ENDED);
		String processId = deploy(model);

		// when
		long instance = Bpmns
			.start(this.client, processId,
					Map.of("errandId", "e-3", "destination", "上海", "date", "2026-12-09", "budget", 3000))
			.getProcessInstanceKey();

		// then: the end is told once, after the last step, and the process then completes
		awaitState(instance, "COMPLETED");
		assertThat(this.observed).containsExactly("s1", "s2", "s3", "s4", "ended:e-3:" + processId);
	}

	@Test
	void shouldTellTheEndAgainWhenAnObserverFailedToHearIt() {
		// given: an observer that fails the first time it is told an end
		AtomicInteger told = new AtomicInteger();
		StepObserver flaky = new StepObserver() {

			@Override
			public void completed(StepJob job, Map<String, Object> variables) {
			}

			@Override
			public void businessError(StepJob job, String code, String message) {
			}

			@Override
			public void ended(StepJob job, Map<String, Object> variables) {
				if (told.incrementAndGet() == 1) {
					throw new IllegalStateException("database busy");
				}
			}

		};
		this.workers = new StepWorkers(this.client, handlers(), List.of(flaky));
		this.workers.start();
		String processId = deploy(Bpmn.createExecutableProcess(Bpmns.randomId())
			.zeebeEndExecutionListener(BpmnPlanCompiler.ERRAND_ENDED)
			.startEvent()
			.endEvent()
			.done());

		// when
		long instance = Bpmns.start(this.client, processId, Map.of("errandId", "e-4")).getProcessInstanceKey();

		// then: the listener's job was failed, retried after its back-off, and completed
		awaitState(instance, "COMPLETED");
		assertThat(told).hasValue(2);
		assertThat(this.engine.engine()
			.queries()
			.history(instance, QueryFilter.any(), 0, 100)
			.items()
			.stream()
			.filter((event) -> "JOB".equals(event.entity()))
			.map(Views.HistoryEvent::event)
			.filter((event) -> event.equals("FAIL") || event.equals("COMPLETE"))).containsExactly("FAIL", "COMPLETE");
	}

	@Test
	void shouldTakeTheErrorPathAndTellThePersonWhenEveryOptionIsOverBudget() {
		// given: no flight to Shanghai costs 100 CNY or less
		this.workers = workers(handlers());
		this.workers.start();
		String processId = deploy(trip());

		// when
		long instance = Bpmns
			.start(this.client, processId,
					Map.of("errandId", "e-2", "destination", "上海", "date", "2026-12-09", "budget", 100))
			.getProcessInstanceKey();

		// then
		awaitState(instance, "COMPLETED");
		assertThat(this.sandbox.count("SELECT COUNT(*) FROM app_order WHERE capability = 'travel.flight'")).isZero();
		assertThat(this.inbox).singleElement()
			.satisfies((message) -> assertThat(message.text()).contains("超出预算").contains("100"));
		assertThat(this.observed).containsExactly("s1", "s2:OVER_BUDGET", "told");
	}

	@Test
	void shouldPlaceOneOrderWhenTheWorkerFailsAfterWritingItAndTheJobIsRetried() {
		// given: the order worker crashes once after the order is written, before the job
		// is completed
		AtomicInteger orderRuns = new AtomicInteger();
		List<StepHandler> handlers = handlers().stream()
			.map((handler) -> !handler.jobType().equals("order") ? handler
					: (StepHandler) new CrashingAfterWork(handler, orderRuns))
			.toList();
		this.workers = workers(handlers);
		this.workers.start();
		String processId = deploy(trip());

		// when
		long instance = Bpmns
			.start(this.client, processId,
					Map.of("errandId", "e-3", "destination", "上海", "date", "2026-12-09", "budget", 3000))
			.getProcessInstanceKey();

		// then: the retried job found the order and completed the errand
		awaitState(instance, "COMPLETED");
		assertThat(orderRuns).hasValue(2);
		assertThat(this.sandbox.jdbc
			.queryForList("SELECT idempotency_key FROM app_order WHERE capability = 'travel.flight'", String.class))
			.containsExactly(instance + "/s3");
		assertThat(this.engine.engine()
			.queries()
			.incidents(QueryFilter.any().withProcessInstanceKey(instance), 0, 10)
			.items()).isEmpty();
	}

	@Test
	void shouldRaiseAnIncidentWhenAStepKeepsCrashing() {
		// given: the query step has one retry and its handler cannot reach its plugin
		AtomicInteger runs = new AtomicInteger();
		List<StepHandler> handlers = handlers().stream()
			.map((handler) -> !handler.jobType().equals("query") ? handler : new StepHandler() {

				@Override
				public String jobType() {
					return "query";
				}

				@Override
				public StepResult handle(StepJob job) {
					runs.incrementAndGet();
					throw new IllegalStateException("The flight provider did not answer");
				}

			})
			.toList();
		this.workers = workers(handlers);
		this.workers.start();
		String processId = Bpmns.randomId();
		Bpmns.deploy(this.client,
				Bpmn.createExecutableProcess(processId)
					.startEvent()
					.serviceTask("s1",
							(task) -> task.zeebeJobType("query")
								.zeebeJobRetries("1")
								.zeebeTaskHeader("stepId", "s1")
								.zeebeTaskHeader("capability", "travel.flight"))
					.endEvent()
					.done());

		// when
		long instance = Bpmns.start(this.client, processId, Map.of("errandId", "e-4")).getProcessInstanceKey();

		// then
		Views.Incident incident = Bpmns.awaitIncident(this.engine, instance);
		assertThat(incident.toString()).contains("JOB_NO_RETRIES").contains("The flight provider did not answer");
		assertThat(runs).hasValue(1);
		assertThat(this.observed).isEmpty();
	}

	@Test
	void shouldOfferOptionsAtTheConfirmAndOrderWhatThePersonPicked() {
		// given: query, compare, confirm, then the process waits for the person's answer
		this.workers = workers(handlers());
		this.workers.start();
		String processId = Bpmns.randomId();
		Bpmns.deploy(this.client,
				Bpmn.createExecutableProcess(processId)
					.startEvent()
					.serviceTask("s1", (task) -> step(task, "query", "s1", "travel.flight"))
					.serviceTask("s2", (task) -> step(task, "compare", "s2", "travel.flight"))
					.serviceTask("s3", (task) -> step(task, "confirm", "s3", "travel.flight"))
					.intermediateCatchEvent("answer")
					.message((message) -> message.name("errand-confirmed").zeebeCorrelationKeyExpression("errandId"))
					.serviceTask("s4", (task) -> step(task, "order", "s4", "travel.flight"))
					.endEvent()
					.done());
		long instance = Bpmns
			.start(this.client, processId, Map.of("errandId", "e-5", "destination", "上海", "date", "2026-12-09"))
			.getProcessInstanceKey();
		await(() -> this.observed.contains("s3") ? Boolean.TRUE : null);

		// when: the person picks the second option
		this.client.newPublishMessageCommand()
			.messageName("errand-confirmed")
			.correlationKey("e-5")
			.variables(Map.of("confirmation", Map.of("option", 2)))
			.send()
			.join();

		// then
		awaitState(instance, "COMPLETED");
		assertThat(this.sandbox.jdbc.queryForList(
				"SELECT option_id FROM app_order WHERE process_instance_key = ? AND capability = 'travel.flight'",
				String.class, instance))
			.singleElement()
			.isNotEqualTo("FL:9C8812:2026-12-09");
	}

	/**
	 * 帮我订下周三去上海的机票 without the confirm: query, compare (over budget: tell the person and
	 * stop), order the best, tell the person.
	 */
	private static BpmnModelInstance trip() {
		ServiceTaskBuilder compared = Bpmn.createExecutableProcess(Bpmns.randomId())
			.startEvent()
			.serviceTask("s1", (task) -> step(task, "query", "s1", "travel.flight"))
			.serviceTask("s2", (task) -> step(task, "compare", "s2", "travel.flight"));
		return compared.boundaryEvent("s2_over_budget")
			.error("OVER_BUDGET")
			.serviceTask("told", (task) -> step(task, "notify", "told", "notify.message"))
			.endEvent("stopped")
			.moveToActivity("s2")
			.serviceTask("s3", (task) -> step(task, "order", "s3", "travel.flight"))
			.serviceTask("s4", (task) -> step(task, "notify", "s4", "notify.message").zeebeInput("=\"订好了\"", "text"))
			.endEvent("done")
			.done();
	}

	private static ServiceTaskBuilder step(ServiceTaskBuilder task, String type, String stepId, String capability) {
		return task.zeebeJobType(type).zeebeTaskHeader("stepId", stepId).zeebeTaskHeader("capability", capability);
	}

	private String deploy(BpmnModelInstance model) {
		Bpmns.deploy(this.client, model);
		return model.getModelElementsByType(io.camunda.zeebe.model.bpmn.instance.Process.class)
			.iterator()
			.next()
			.getId();
	}

	private List<StepHandler> handlers() {
		StaticListableBeanFactory beans = new StaticListableBeanFactory();
		beans.addBean("inbox", (NotificationSink) this.inbox::add);
		var sinks = beans.getBeanProvider(NotificationSink.class);
		return List.of(new QueryHandler(this.sandbox.registry), new CompareHandler(this.sandbox.registry),
				new ConfirmHandler(this.sandbox.registry), new OrderHandler(this.sandbox.registry),
				new NotifyHandler(this.sandbox.registry, sinks), new RemindHandler(this.sandbox.registry, sinks));
	}

	private StepWorkers workers(List<StepHandler> handlers) {
		StepObserver observer = new StepObserver() {

			@Override
			public void completed(StepJob job, Map<String, Object> variables) {
				StepWorkersTest.this.observed.add(job.stepId());
			}

			@Override
			public void businessError(StepJob job, String code, String message) {
				StepWorkersTest.this.observed.add(job.stepId() + ":" + code);
			}

			@Override
			public void ended(StepJob job, Map<String, Object> variables) {
				StepWorkersTest.this.observed.add("ended:" + job.errandId() + ":" + job.elementId());
			}

		};
		return new StepWorkers(this.client, handlers, List.of(observer));
	}

	private void awaitState(long instance, String state) {
		await(() -> state.equals(Bpmns.instanceState(this.engine, instance)) ? Boolean.TRUE : null);
	}

	private static <T> T await(Supplier<T> probe) {
		// Generous: the machine is shared, and a failed job waits out its back-off.
		return Awaitility.await()
			.atMost(Duration.ofSeconds(90))
			.pollInterval(Duration.ofMillis(50))
			.until(probe::get, (value) -> value != null);
	}

	/**
	 * Does the step's work, then crashes the first time, as a worker that dies between
	 * writing the order and completing the job.
	 */
	private record CrashingAfterWork(StepHandler handler, AtomicInteger runs) implements StepHandler {

		@Override
		public String jobType() {
			return this.handler.jobType();
		}

		@Override
		public StepResult handle(StepJob job) {
			StepResult result = this.handler.handle(job);
			if (this.runs.incrementAndGet() == 1) {
				assertThat(result).isInstanceOf(StepResult.Complete.class);
				throw new IllegalStateException("The worker died after the order was written");
			}
			return result;
		}

	}

}
