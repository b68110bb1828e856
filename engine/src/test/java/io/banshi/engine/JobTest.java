package io.banshi.engine;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.banshi.engine.query.QueryFilter;
import io.banshi.engine.query.Views;
import io.banshi.engine.testing.Bpmns;
import io.banshi.engine.testing.EngineExtension;
import io.banshi.engine.testing.TestEngine;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ClientStatusException;
import io.camunda.client.api.response.ActivateJobsResponse;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.response.ProcessInstanceEvent;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.grpc.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ExtendWith(EngineExtension.class)
class JobTest {

	@Test
	void shouldHandOutJobWithHeadersRetriesAndFetchedVariables(CamundaClient client) {
		// given
		String id = Bpmns.randomId();
		Bpmns.deploy(client, Bpmn.createExecutableProcess(id)
			.startEvent()
			.serviceTask("task", (t) -> t.zeebeJobType(id).zeebeJobRetries("5").zeebeTaskHeader("channel", "sms"))
			.endEvent()
			.done());
		ProcessInstanceEvent instance = Bpmns.start(client, id, Map.of("a", 1, "b", "two", "c", List.of(3)));

		// when
		ActivatedJob job = client.newActivateJobsCommand()
			.jobType(id)
			.maxJobsToActivate(10)
			.timeout(Duration.ofSeconds(30))
			.workerName("w1")
			.fetchVariables("a", "c")
			.send()
			.join()
			.getJobs()
			.get(0);

		// then
		assertThat(job.getProcessInstanceKey()).isEqualTo(instance.getProcessInstanceKey());
		assertThat(job.getBpmnProcessId()).isEqualTo(id);
		assertThat(job.getElementId()).isEqualTo("task");
		assertThat(job.getRetries()).isEqualTo(5);
		assertThat(job.getWorker()).isEqualTo("w1");
		assertThat(job.getCustomHeaders()).containsEntry("channel", "sms");
		assertThat(job.getVariablesAsMap()).containsOnlyKeys("a", "c").containsEntry("a", 1);
		assertThat(job.getDeadline()).isGreaterThan(System.currentTimeMillis() + 20_000);
	}

	@Test
	void shouldEvaluateJobTypeAndRetriesWithFeel(CamundaClient client) {
		// given
		String id = Bpmns.randomId();
		Bpmns.deploy(client,
				Bpmn.createExecutableProcess(id)
					.startEvent()
					.serviceTask("task",
							(t) -> t.zeebeJobTypeExpression("prefix + \"-job\"").zeebeJobRetriesExpression("n + 1"))
					.endEvent()
					.done());

		// when
		Bpmns.start(client, id, Map.of("prefix", id, "n", 6));
		ActivatedJob job = Bpmns.activateOne(client, id + "-job");

		// then
		assertThat(job.getRetries()).isEqualTo(7);
	}

	@Test
	void shouldActivateNoMoreThanMaxJobsToActivate(CamundaClient client) {
		// given
		String id = oneTask(client);
		for (int i = 0; i < 5; i++) {
			Bpmns.start(client, id, Map.of());
		}

		// when
		ActivateJobsResponse first = client.newActivateJobsCommand().jobType(id).maxJobsToActivate(3).send().join();
		ActivateJobsResponse second = client.newActivateJobsCommand().jobType(id).maxJobsToActivate(10).send().join();

		// then
		assertThat(first.getJobs()).hasSize(3);
		assertThat(second.getJobs()).hasSize(2);
	}

	@Test
	void shouldAnswerALongPollAsSoonAsAJobIsCreated(CamundaClient client) throws Exception {
		// given
		String id = oneTask(client);
		CompletableFuture<ActivateJobsResponse> poll = client.newActivateJobsCommand()
			.jobType(id)
			.maxJobsToActivate(1)
			.requestTimeout(Duration.ofSeconds(10))
			.send()
			.toCompletableFuture();
		Thread.sleep(300);
		assertThat(poll).isNotDone();

		// when
		Bpmns.start(client, id, Map.of());

		// then: answered with the job, well before its 10 s request timeout would answer
		// empty
		assertThat(poll.get(5, TimeUnit.SECONDS).getJobs()).hasSize(1);
	}

	@Test
	void shouldAnswerALongPollWithNoJobsWhenItsRequestTimeoutPasses(CamundaClient client) {
		// given
		String id = Bpmns.randomId();
		long started = System.nanoTime();

		// when
		ActivateJobsResponse response = client.newActivateJobsCommand()
			.jobType(id)
			.maxJobsToActivate(1)
			.requestTimeout(Duration.ofMillis(400))
			.send()
			.join();

		// then
		assertThat(response.getJobs()).isEmpty();
		assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).isGreaterThanOrEqualTo(350);
	}

	@Test
	void shouldPushJobsToAStreamingWorker(CamundaClient client, TestEngine engine) {
		// given
		String id = oneTask(client);
		try (var worker = client.newWorker()
			.jobType(id)
			.handler((jobClient, job) -> jobClient.newCompleteCommand(job).send().join())
			.streamEnabled(true)
			.pollInterval(Duration.ofMinutes(10))
			.open()) {
			// when
			ProcessInstanceEvent[] instances = new ProcessInstanceEvent[5];
			for (int i = 0; i < instances.length; i++) {
				instances[i] = Bpmns.start(client, id, Map.of());
			}

			// then
			for (ProcessInstanceEvent instance : instances) {
				Bpmns.awaitInstanceState(engine, instance.getProcessInstanceKey(), "COMPLETED");
			}
		}
	}

	@Test
	void shouldPushOnlyTheFetchedVariablesToAStream(CamundaClient client) throws Exception {
		// given
		String id = oneTask(client);
		CompletableFuture<ActivatedJob> received = new CompletableFuture<>();
		try (var worker = client.newWorker().jobType(id).handler((jobClient, job) -> {
			received.complete(job);
			jobClient.newCompleteCommand(job).send().join();
		}).fetchVariables("a").streamEnabled(true).pollInterval(Duration.ofMinutes(10)).open()) {
			Thread.sleep(200);

			// when
			Bpmns.start(client, id, Map.of("a", 1, "b", 2));

			// then
			assertThat(received.get(10, TimeUnit.SECONDS).getVariablesAsMap()).containsExactly(Map.entry("a", 1));
		}
	}

	@Test
	void shouldPushAStreamedJobAgainWhenItsActivationTimesOut(CamundaClient client) throws Exception {
		// given
		String id = oneTask(client);
		List<Long> received = new java.util.concurrent.CopyOnWriteArrayList<>();
		CompletableFuture<Void> completed = new CompletableFuture<>();
		try (var worker = client.newWorker().jobType(id).handler((jobClient, job) -> {
			received.add(job.getKey());
			if (received.size() > 1) {
				jobClient.newCompleteCommand(job).send().join();
				completed.complete(null);
			}
		}).timeout(Duration.ofMillis(300)).streamEnabled(true).pollInterval(Duration.ofMinutes(10)).open()) {
			Thread.sleep(200);

			// when
			Bpmns.start(client, id, Map.of());

			// then
			completed.get(10, TimeUnit.SECONDS);
			assertThat(received).hasSize(2);
			assertThat(received.get(1)).isEqualTo(received.get(0));
		}
	}

	@Test
	void shouldServeAPollingWorkerWithoutStreams(CamundaClient client, TestEngine engine) {
		// given
		String id = oneTask(client);
		try (var worker = client.newWorker()
			.jobType(id)
			.handler((jobClient,
					job) -> jobClient.newCompleteCommand(job).variables(Map.of("by", "poller")).send().join())
			.streamEnabled(false)
			.pollInterval(Duration.ofMillis(100))
			.requestTimeout(Duration.ofSeconds(5))
			.open()) {
			// when
			ProcessInstanceEvent instance = Bpmns.start(client, id, Map.of());

			// then
			Bpmns.awaitInstanceState(engine, instance.getProcessInstanceKey(), "COMPLETED");
		}
	}

	@Test
	void shouldMakeAJobActivatableAgainWithTheSameRetriesWhenItsActivationTimesOut(CamundaClient client) {
		// given
		String id = oneTask(client);
		Bpmns.start(client, id, Map.of());
		ActivatedJob first = Bpmns.activateOne(client, id, Duration.ofMillis(200));

		// when
		ActivatedJob again = Bpmns.activateOne(client, id);

		// then
		assertThat(again.getKey()).isEqualTo(first.getKey());
		assertThat(again.getRetries()).isEqualTo(first.getRetries());
	}

	@Test
	void shouldRetryAFailedJobAfterItsBackOff(CamundaClient client) {
		// given
		String id = oneTask(client);
		Bpmns.start(client, id, Map.of());
		ActivatedJob job = Bpmns.activateOne(client, id);

		// when
		client.newFailCommand(job).retries(2).retryBackoff(Duration.ofMillis(800)).errorMessage("flaky").send().join();

		// then
		ActivateJobsResponse during = client.newActivateJobsCommand()
			.jobType(id)
			.maxJobsToActivate(1)
			.requestTimeout(Duration.ofMillis(-1))
			.send()
			.join();
		assertThat(during.getJobs()).isEmpty();
		ActivatedJob retried = Bpmns.activateOne(client, id);
		assertThat(retried.getKey()).isEqualTo(job.getKey());
		assertThat(retried.getRetries()).isEqualTo(2);
	}

	@Test
	void shouldRaiseIncidentWhenRetriesRunOut(CamundaClient client, TestEngine engine) {
		// given
		String id = oneTask(client);
		ProcessInstanceEvent instance = Bpmns.start(client, id, Map.of());
		ActivatedJob job = Bpmns.activateOne(client, id);

		// when
		client.newFailCommand(job).retries(0).errorMessage("card declined").send().join();

		// then
		Views.Incident incident = Bpmns.awaitIncident(engine, instance.getProcessInstanceKey());
		assertThat(incident.errorType()).isEqualTo("JOB_NO_RETRIES");
		assertThat(incident.errorMessage()).isEqualTo("card declined");
		assertThat(incident.jobKey()).isEqualTo(job.getKey());
		assertThat(engine.engine().queries().jobs(QueryFilter.any().withErrorText("declined"), 0, 10).items())
			.extracting(Views.Job::state)
			.containsExactly("FAILED");

		// when
		client.newUpdateRetriesCommand(job.getKey()).retries(1).send().join();
		client.newResolveIncidentCommand(incident.key()).send().join();
		ActivatedJob retried = Bpmns.activateOne(client, id);
		client.newCompleteCommand(retried).send().join();

		// then
		assertThat(retried.getRetries()).isEqualTo(1);
		Bpmns.awaitInstanceState(engine, instance.getProcessInstanceKey(), "COMPLETED");
	}

	@Test
	void shouldRaiseANewIncidentWhenResolvedWithoutRetries(CamundaClient client, TestEngine engine) {
		// given
		String id = oneTask(client);
		ProcessInstanceEvent instance = Bpmns.start(client, id, Map.of());
		client.newFailCommand(Bpmns.activateOne(client, id)).retries(0).errorMessage("down").send().join();
		Views.Incident incident = Bpmns.awaitIncident(engine, instance.getProcessInstanceKey());

		// when
		client.newResolveIncidentCommand(incident.key()).send().join();

		// then
		Views.Incident again = Bpmns.awaitIncident(engine, instance.getProcessInstanceKey());
		assertThat(again.key()).isNotEqualTo(incident.key());
		assertThat(again.errorMessage()).isEqualTo("down");
	}

	@Test
	void shouldExtendTheDeadlineOfAnActivatedJob(CamundaClient client) {
		// given
		String id = oneTask(client);
		Bpmns.start(client, id, Map.of());
		ActivatedJob job = Bpmns.activateOne(client, id, Duration.ofMillis(300));

		// when
		client.newUpdateTimeoutCommand(job).timeout(Duration.ofMinutes(5)).send().join();

		// then
		ActivateJobsResponse later = client.newActivateJobsCommand()
			.jobType(id)
			.maxJobsToActivate(1)
			.requestTimeout(Duration.ofMillis(800))
			.send()
			.join();
		assertThat(later.getJobs()).isEmpty();
		client.newCompleteCommand(job).send().join();
	}

	@Test
	void shouldRejectCommandsOnUnknownOrFinishedJobs(CamundaClient client) {
		// given
		String id = oneTask(client);
		Bpmns.start(client, id, Map.of());
		ActivatedJob job = Bpmns.activateOne(client, id);
		client.newCompleteCommand(job).send().join();

		// when / then
		assertThatThrownBy(() -> client.newCompleteCommand(job).send().join())
			.isInstanceOfSatisfying(ClientStatusException.class, (ex) -> {
				assertThat(ex.getStatusCode()).isEqualTo(Status.Code.NOT_FOUND);
				assertThat(ex.getMessage())
					.contains("Command 'COMPLETE' rejected with code 'NOT_FOUND': Expected to complete job with key '"
							+ job.getKey() + "', but no such job was found");
			});
		assertThatThrownBy(() -> client.newFailCommand(123L).retries(1).send().join()).isInstanceOfSatisfying(
				ClientStatusException.class, (ex) -> assertThat(ex.getStatusCode()).isEqualTo(Status.Code.NOT_FOUND));
		assertThatThrownBy(() -> client.newUpdateRetriesCommand(123L).retries(1).send().join()).isInstanceOfSatisfying(
				ClientStatusException.class, (ex) -> assertThat(ex.getStatusCode()).isEqualTo(Status.Code.NOT_FOUND));
		assertThatThrownBy(() -> client.newResolveIncidentCommand(123L).send().join()).isInstanceOfSatisfying(
				ClientStatusException.class, (ex) -> assertThat(ex.getStatusCode()).isEqualTo(Status.Code.NOT_FOUND));
	}

	@Test
	void shouldRejectCommandsThatDoNotFitTheJobsState(CamundaClient client, TestEngine engine) {
		// given
		String id = oneTask(client);
		ProcessInstanceEvent instance = Bpmns.start(client, id, Map.of());
		ActivatedJob job = Bpmns.activateOne(client, id);
		client.newFailCommand(job).retries(0).send().join();
		Bpmns.awaitIncident(engine, instance.getProcessInstanceKey());

		// when / then
		assertThatThrownBy(() -> client.newCompleteCommand(job).send().join())
			.isInstanceOfSatisfying(ClientStatusException.class, (ex) -> {
				assertThat(ex.getStatusCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
				assertThat(ex.getMessage()).contains("but it is in state 'FAILED'");
			});
		assertThatThrownBy(() -> client.newUpdateTimeoutCommand(job).timeout(Duration.ofMinutes(1)).send().join())
			.isInstanceOfSatisfying(ClientStatusException.class,
					(ex) -> assertThat(ex.getStatusCode()).isEqualTo(Status.Code.FAILED_PRECONDITION));
		assertThatThrownBy(() -> client.newUpdateRetriesCommand(job.getKey()).retries(0).send().join())
			.isInstanceOfSatisfying(ClientStatusException.class,
					(ex) -> assertThat(ex.getStatusCode()).isEqualTo(Status.Code.INVALID_ARGUMENT));
	}

	static String oneTask(CamundaClient client) {
		String id = Bpmns.randomId();
		BpmnModelInstance model = Bpmn.createExecutableProcess(id)
			.startEvent()
			.serviceTask("task", (t) -> t.zeebeJobType(id))
			.endEvent()
			.done();
		Bpmns.deploy(client, model);
		return id;
	}

}
