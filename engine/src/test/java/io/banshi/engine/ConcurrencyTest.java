package io.banshi.engine;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.banshi.engine.query.QueryFilter;
import io.banshi.engine.testing.Bpmns;
import io.banshi.engine.testing.TestEngine;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.zeebe.model.bpmn.Bpmn;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Commands on one instance that arrive at the same moment are serialized by the instance
 * lock and each sees what the one before it committed.
 */
class ConcurrencyTest {

	@Test
	void shouldJoinParallelBranchesWhoseJobsCompleteAtTheSameMoment() throws Exception {
		try (TestEngine engine = TestEngine.start("concurrency"); CamundaClient client = engine.newClient()) {
			// given
			String id = Bpmns.randomId();
			Bpmns.deploy(client,
					Bpmn.createExecutableProcess(id)
						.startEvent()
						.parallelGateway("fork")
						.serviceTask("a", (t) -> t.zeebeJobType(id))
						.parallelGateway("join")
						.scriptTask("after", (s) -> s.zeebeExpression("a + b + c").zeebeResultVariable("sum"))
						.endEvent()
						.moveToNode("fork")
						.serviceTask("b", (t) -> t.zeebeJobType(id))
						.connectTo("join")
						.moveToNode("fork")
						.serviceTask("c", (t) -> t.zeebeJobType(id))
						.connectTo("join")
						.done());
			int instances = 20;
			for (int i = 0; i < instances; i++) {
				Bpmns.start(client, id, Map.of());
			}
			java.util.List<ActivatedJob> jobs = new java.util.ArrayList<>();
			while (jobs.size() < instances * 3) {
				jobs.addAll(client.newActivateJobsCommand()
					.jobType(id)
					.maxJobsToActivate(100)
					.timeout(Duration.ofMinutes(5))
					.send()
					.join()
					.getJobs());
			}

			// when: every job completes at once, from eight threads
			ExecutorService threads = Executors.newFixedThreadPool(8);
			CountDownLatch start = new CountDownLatch(1);
			try {
				for (ActivatedJob job : jobs) {
					threads.execute(() -> {
						try {
							start.await();
						}
						catch (InterruptedException ex) {
							Thread.currentThread().interrupt();
						}
						client.newCompleteCommand(job).variables(Map.of(job.getElementId(), 1)).send().join();
					});
				}
				start.countDown();
			}
			finally {
				threads.shutdown();
			}

			// then
			Awaitility.await()
				.atMost(Duration.ofSeconds(30))
				.until(() -> engine.engine()
					.queries()
					.processInstances(QueryFilter.any().withBpmnProcessId(id).withState("COMPLETED"), 0, 1)
					.total() == instances);
			assertThat(engine.engine().queries().incidents(QueryFilter.any().withBpmnProcessId(id), 0, 10).items())
				.isEmpty();
		}
	}

	@Test
	void shouldCorrelateAMessagePublishedWhileItsSubscriptionOpens() throws Exception {
		try (TestEngine engine = TestEngine.start("concurrency_messages"); CamundaClient client = engine.newClient()) {
			// given: each instance finishes a job, then waits for a message with its own
			// key
			String id = Bpmns.randomId();
			Bpmns.deploy(client,
					Bpmn.createExecutableProcess(id)
						.startEvent()
						.serviceTask("work", (t) -> t.zeebeJobType(id))
						.intermediateCatchEvent("answer")
						.message((m) -> m.name("answer-" + id).zeebeCorrelationKeyExpression("key"))
						.endEvent()
						.done());
			int instances = 60;
			for (int i = 0; i < instances; i++) {
				Bpmns.start(client, id, Map.of("key", "k" + i));
			}
			java.util.List<ActivatedJob> jobs = new java.util.ArrayList<>();
			while (jobs.size() < instances) {
				jobs.addAll(client.newActivateJobsCommand()
					.jobType(id)
					.maxJobsToActivate(100)
					.fetchVariables("key")
					.timeout(Duration.ofMinutes(5))
					.send()
					.join()
					.getJobs());
			}

			// when: the job's completion (which opens the subscription) and the message's
			// publication (buffered) race each other, from eight threads
			ExecutorService threads = Executors.newFixedThreadPool(8);
			CountDownLatch start = new CountDownLatch(1);
			try {
				for (ActivatedJob job : jobs) {
					String key = (String) job.getVariablesAsMap().get("key");
					threads.execute(() -> {
						awaitQuietly(start);
						client.newCompleteCommand(job).send().join();
					});
					threads.execute(() -> {
						awaitQuietly(start);
						client.newPublishMessageCommand()
							.messageName("answer-" + id)
							.correlationKey(key)
							.timeToLive(Duration.ofHours(1))
							.send()
							.join();
					});
				}
				start.countDown();
			}
			finally {
				threads.shutdown();
			}

			// then: whichever committed first, every instance got its message
			Awaitility.await()
				.atMost(Duration.ofSeconds(60))
				.until(() -> engine.engine()
					.queries()
					.processInstances(QueryFilter.any().withBpmnProcessId(id).withState("COMPLETED"), 0, 1)
					.total() == instances);
		}
	}

	private static void awaitQuietly(CountDownLatch latch) {
		try {
			latch.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
