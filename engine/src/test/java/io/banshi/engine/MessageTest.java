package io.banshi.engine;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import io.banshi.engine.query.QueryFilter;
import io.banshi.engine.testing.Bpmns;
import io.banshi.engine.testing.ControlledClock;
import io.banshi.engine.testing.TestEngine;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ClientStatusException;
import io.camunda.client.api.response.ProcessInstanceEvent;
import io.camunda.client.api.response.ProcessInstanceResult;
import io.camunda.client.api.response.PublishMessageResponse;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.grpc.Status;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * PublishMessage, message catch events, receive tasks, message boundary and start events,
 * buffering, deduplication, and event-based gateways (message against timer).
 */
class MessageTest {

	private static final ControlledClock clock = new ControlledClock();

	private static TestEngine engine;

	private static CamundaClient client;

	@BeforeAll
	static void start() {
		engine = TestEngine.start("message", clock);
		client = engine.newClient();
	}

	@AfterAll
	static void stop() {
		client.close();
		engine.close();
	}

	private static BpmnModelInstance waitForConfirmation(String id) {
		return Bpmn.createExecutableProcess(id)
			.startEvent()
			.intermediateCatchEvent("confirmed",
					(e) -> e.message((m) -> m.name("confirmed").zeebeCorrelationKeyExpression("errandId")))
			.endEvent()
			.done();
	}

	@Test
	void shouldCorrelateAMessageToACatchEventAndSetItsVariables() {
		// given
		String id = Bpmns.randomId();
		Bpmns.deploy(client, waitForConfirmation(id));
		CompletableFuture<ProcessInstanceResult> result = withResult(id, Map.of("errandId", id + "-1"));
		awaitSubscription(id);

		// when
		PublishMessageResponse response = publish("confirmed", id + "-1", Duration.ZERO, Map.of("answer", "yes"));

		// then
		assertThat(response.getMessageKey()).isPositive();
		assertThat(result.join().getVariablesAsMap()).containsEntry("answer", "yes");
	}

	@Test
	void shouldKeepMessageVariablesLocalWhenTheCatchEventHasOutputMappings() {
		// given
		String id = Bpmns.randomId();
		Bpmns.deploy(client,
				Bpmn.createExecutableProcess(id)
					.startEvent()
					.intermediateCatchEvent("confirmed",
							(e) -> e.message((m) -> m.name("confirmed").zeebeCorrelationKeyExpression("errandId"))
								.zeebeOutputExpression("answer", "reply"))
					.endEvent()
					.done());
		CompletableFuture<ProcessInstanceResult> result = withResult(id, Map.of("errandId", id + "-o"));
		awaitSubscription(id);

		// when
		publish("confirmed", id + "-o", Duration.ZERO, Map.of("answer", "yes", "noise", 1));

		// then
		assertThat(result.join().getVariablesAsMap()).containsEntry("reply", "yes")
			.doesNotContainKeys("answer", "noise");
	}

	@Test
	void shouldRaiseAnIncidentWhenTheCorrelationKeyIsMissing() {
		// given
		String id = Bpmns.randomId();
		Bpmns.deploy(client, waitForConfirmation(id));

		// when
		ProcessInstanceEvent instance = Bpmns.start(client, id, Map.of());

		// then
		var incident = Bpmns.awaitIncident(engine, instance.getProcessInstanceKey());
		assertThat(incident.errorType()).isEqualTo("EXTRACT_VALUE_ERROR");
		assertThat(incident.elementId()).isEqualTo("confirmed");

		// when
		client.newSetVariablesCommand(instance.getProcessInstanceKey())
			.variables(Map.of("errandId", id + "-late"))
			.send()
			.join();
		client.newResolveIncidentCommand(incident.key()).send().join();
		publish("confirmed", id + "-late", Duration.ofMinutes(1), Map.of());

		// then
		Bpmns.awaitInstanceState(engine, instance.getProcessInstanceKey(), "COMPLETED");
	}

	@Test
	void shouldCorrelateToAReceiveTask() {
		// given
		String id = Bpmns.randomId();
		Bpmns.deploy(client,
				Bpmn.createExecutableProcess(id)
					.startEvent()
					.receiveTask("reply", (r) -> r.message((m) -> m.name("reply").zeebeCorrelationKeyExpression("key")))
					.endEvent()
					.done());
		CompletableFuture<ProcessInstanceResult> result = withResult(id, Map.of("key", 42));
		awaitSubscription(id);

		// when: a numeric key correlates as its text
		publish("reply", "42", Duration.ZERO, Map.of("text", "ok"));

		// then
		assertThat(result.join().getVariablesAsMap()).containsEntry("text", "ok");
	}

	@Test
	void shouldBufferAMessageForItsTimeToLive() {
		// given
		String id = Bpmns.randomId();
		Bpmns.deploy(client, waitForConfirmation(id));
		publish("confirmed", id + "-early", Duration.ofHours(1), Map.of("early", true));

		// when
		ProcessInstanceResult result = withResult(id, Map.of("errandId", id + "-early")).join();

		// then
		assertThat(result.getVariablesAsMap()).containsEntry("early", true);
	}

	@Test
	void shouldNotCorrelateAnExpiredOrUnbufferedMessage() {
		// given
		String id = Bpmns.randomId();
		Bpmns.deploy(client, waitForConfirmation(id));
		publish("confirmed", id + "-a", Duration.ZERO, Map.of());
		publish("confirmed", id + "-b", Duration.ofMinutes(10), Map.of());
		clock.advance(Duration.ofMinutes(11));

		// when
		ProcessInstanceEvent a = Bpmns.start(client, id, Map.of("errandId", id + "-a"));
		ProcessInstanceEvent b = Bpmns.start(client, id, Map.of("errandId", id + "-b"));
		TimerTest.sweeps();

		// then
		assertThat(Bpmns.instanceState(engine, a.getProcessInstanceKey())).isEqualTo("ACTIVE");
		assertThat(Bpmns.instanceState(engine, b.getProcessInstanceKey())).isEqualTo("ACTIVE");
	}

	@Test
	void shouldCorrelateABufferedMessageOnlyOncePerInstance() {
		// given: two catch events for the same message in a row
		String id = Bpmns.randomId();
		Bpmns.deploy(client,
				Bpmn.createExecutableProcess(id)
					.startEvent()
					.intermediateCatchEvent("first", (e) -> e.message((m) -> m.name("ping").zeebeCorrelationKey("=k")))
					.intermediateCatchEvent("second", (e) -> e.message((m) -> m.name("ping").zeebeCorrelationKey("=k")))
					.endEvent()
					.done());
		publish("ping", id, Duration.ofHours(1), Map.of("n", 1));

		// when
		ProcessInstanceEvent instance = Bpmns.start(client, id, Map.of("k", id));

		// then: the buffered message passed the first event only
		Bpmns.await(() -> (history(instance, "first") > 0) ? Boolean.TRUE : null);
		TimerTest.sweeps();
		assertThat(Bpmns.instanceState(engine, instance.getProcessInstanceKey())).isEqualTo("ACTIVE");

		// when
		publish("ping", id, Duration.ZERO, Map.of("n", 2));

		// then
		Bpmns.awaitInstanceState(engine, instance.getProcessInstanceKey(), "COMPLETED");
	}

	@Test
	void shouldRejectADuplicateMessageIdWhileTheFirstIsBuffered() {
		// given
		String key = Bpmns.randomId();
		client.newPublishMessageCommand()
			.messageName("once")
			.correlationKey(key)
			.messageId("m-1")
			.timeToLive(Duration.ofMinutes(5))
			.send()
			.join();

		// when / then
		assertThatThrownBy(() -> client.newPublishMessageCommand()
			.messageName("once")
			.correlationKey(key)
			.messageId("m-1")
			.timeToLive(Duration.ofMinutes(5))
			.send()
			.join()).isInstanceOfSatisfying(ClientStatusException.class, (ex) -> {
				assertThat(ex.getStatusCode()).isEqualTo(Status.Code.ALREADY_EXISTS);
				assertThat(ex.getMessage()).contains("m-1");
			});

		// when: the first one expired
		clock.advance(Duration.ofMinutes(6));

		// then
		assertThat(client.newPublishMessageCommand()
			.messageName("once")
			.correlationKey(key)
			.messageId("m-1")
			.send()
			.join()
			.getMessageKey()).isPositive();
	}

	@Test
	void shouldAcceptOneOfManyConcurrentMessagesWithTheSameId() {
		// given
		String key = Bpmns.randomId();
		java.util.List<io.camunda.client.api.CamundaFuture<PublishMessageResponse>> sent = new java.util.ArrayList<>();

		// when
		for (int i = 0; i < 8; i++) {
			sent.add(client.newPublishMessageCommand()
				.messageName("racing")
				.correlationKey(key)
				.messageId("same")
				.timeToLive(Duration.ofMinutes(5))
				.send());
		}
		long accepted = 0;
		long refused = 0;
		for (io.camunda.client.api.CamundaFuture<PublishMessageResponse> future : sent) {
			try {
				future.join();
				accepted++;
			}
			catch (ClientStatusException ex) {
				assertThat(ex.getStatusCode()).isEqualTo(Status.Code.ALREADY_EXISTS);
				refused++;
			}
		}

		// then
		assertThat(accepted).isEqualTo(1);
		assertThat(refused).isEqualTo(7);
	}

	@Test
	void shouldEvaluateTheCorrelationKeyWhenTheEventIsEntered() {
		// given
		String id = Bpmns.randomId();
		Bpmns.deploy(client, waitForConfirmation(id));
		ProcessInstanceEvent instance = Bpmns.start(client, id, Map.of("errandId", id + "-old"));
		awaitSubscription(id);
		client.newSetVariablesCommand(instance.getProcessInstanceKey())
			.variables(Map.of("errandId", id + "-new"))
			.send()
			.join();

		// when
		publish("confirmed", id + "-new", Duration.ZERO, Map.of());
		TimerTest.sweeps();

		// then
		assertThat(Bpmns.instanceState(engine, instance.getProcessInstanceKey())).isEqualTo("ACTIVE");

		// when
		publish("confirmed", id + "-old", Duration.ZERO, Map.of());

		// then
		Bpmns.awaitInstanceState(engine, instance.getProcessInstanceKey(), "COMPLETED");
	}

	@Test
	void shouldInterruptATaskWithAMessageBoundaryEvent() {
		// given
		String id = Bpmns.randomId();
		Bpmns.deploy(client,
				Bpmn.createExecutableProcess(id)
					.startEvent()
					.serviceTask("work", (t) -> t.zeebeJobType(id))
					.boundaryEvent("cancelled",
							(b) -> b.message((m) -> m.name("cancel").zeebeCorrelationKeyExpression("errandId")))
					.endEvent("cancelledEnd")
					.moveToActivity("work")
					.endEvent()
					.done());
		ProcessInstanceEvent instance = Bpmns.start(client, id, Map.of("errandId", id));
		awaitSubscription(id);

		// when
		publish("cancel", id, Duration.ZERO, Map.of("reason", "changed my mind"));

		// then
		Bpmns.awaitInstanceState(engine, instance.getProcessInstanceKey(), "COMPLETED");
		assertThat(history(instance, "cancelledEnd")).isPositive();
		assertThat(engine.engine().queries().jobs(QueryFilter.any().withJobType(id), 0, 10).total()).isZero();
	}

	@Test
	void shouldCreateNoJobWhileTheBoundaryCorrelationKeyFailsAndOneAfterTheIncidentIsResolved() {
		// given
		String id = Bpmns.randomId();
		Bpmns.deploy(client,
				Bpmn.createExecutableProcess(id)
					.startEvent()
					.serviceTask("work", (t) -> t.zeebeJobType(id))
					.boundaryEvent("cancelled",
							(b) -> b.message((m) -> m.name("cancel").zeebeCorrelationKeyExpression("errandId")))
					.endEvent()
					.moveToActivity("work")
					.endEvent()
					.done());
		ProcessInstanceEvent instance = Bpmns.start(client, id, Map.of());
		var incident = Bpmns.awaitIncident(engine, instance.getProcessInstanceKey());
		assertThat(incident.errorType()).isEqualTo("EXTRACT_VALUE_ERROR");
		assertThat(engine.engine().queries().jobs(QueryFilter.any().withJobType(id), 0, 10).total()).isZero();

		// when
		client.newSetVariablesCommand(instance.getProcessInstanceKey()).variables(Map.of("errandId", id)).send().join();
		client.newResolveIncidentCommand(incident.key()).send().join();

		// then: one job, and the boundary event listens
		assertThat(engine.engine().queries().jobs(QueryFilter.any().withJobType(id), 0, 10).total()).isEqualTo(1);
		publish("cancel", id, Duration.ZERO, Map.of());
		Bpmns.awaitInstanceState(engine, instance.getProcessInstanceKey(), "COMPLETED");
	}

	@Test
	void shouldKeepTheTaskWhenANonInterruptingMessageBoundaryEventIsTriggered() {
		// given
		String id = Bpmns.randomId();
		Bpmns.deploy(client,
				Bpmn.createExecutableProcess(id)
					.startEvent()
					.serviceTask("work", (t) -> t.zeebeJobType(id))
					.boundaryEvent("question",
							(b) -> b.cancelActivity(false)
								.message((m) -> m.name("question").zeebeCorrelationKeyExpression("errandId")))
					.serviceTask("answer", (t) -> t.zeebeJobType(id + "-answer"))
					.endEvent()
					.moveToActivity("work")
					.endEvent()
					.done());
		ProcessInstanceEvent instance = Bpmns.start(client, id, Map.of("errandId", id));
		awaitSubscription(id);

		// when
		publish("question", id, Duration.ZERO, Map.of("q", "when?"));

		// then
		assertThat(Bpmns.activateOne(client, id + "-answer").getVariablesAsMap()).containsEntry("q", "when?");
		client.newCompleteCommand(Bpmns.activateOne(client, id)).send().join();
		Bpmns.awaitInstanceState(engine, instance.getProcessInstanceKey(), "ACTIVE");
		assertThat(history(instance, "work")).isPositive();
	}

	@Test
	void shouldStartAnInstanceByMessageButNotASecondWhileOneWithTheKeyIsActive() {
		// given
		String id = Bpmns.randomId();
		String message = id + "-request";
		Bpmns.deploy(client,
				Bpmn.createExecutableProcess(id)
					.startEvent("requested")
					.message(message)
					.serviceTask("handle", (t) -> t.zeebeJobType(id))
					.endEvent()
					.done());

		// when
		publish(message, "alice", Duration.ZERO, Map.of("who", "alice"));
		publish(message, "alice", Duration.ZERO, Map.of("who", "alice again"));
		publish(message, "bob", Duration.ZERO, Map.of("who", "bob"));

		// then
		assertThat(instances(id)).isEqualTo(2);
		assertThat(completeAll(id)).containsExactlyInAnyOrder("alice", "bob");

		// when: alice's instance ended, a new message for alice starts another
		publish(message, "alice", Duration.ZERO, Map.of("who", "alice later"));

		// then
		assertThat(instances(id)).isEqualTo(3);
	}

	@Test
	void shouldNotLetTheStartingMessageAlsoReachACatchEventOfTheSameInstance() {
		// given: a process started by a message that then waits for the same message
		String id = Bpmns.randomId();
		String message = id + "-m";
		Bpmns.deploy(client,
				Bpmn.createExecutableProcess(id)
					.startEvent("requested")
					.message(message)
					.intermediateCatchEvent("again",
							(e) -> e.message((m) -> m.name(message).zeebeCorrelationKeyExpression("k")))
					.endEvent()
					.done());

		// when: a buffered message starts it
		publish(message, "x", Duration.ofMinutes(5), Map.of("k", "x"));

		// then: it waits for a second message
		assertThat(instances(id)).isEqualTo(1);
		TimerTest.sweeps();
		assertThat(engine.engine()
			.queries()
			.processInstances(QueryFilter.any().withBpmnProcessId(id).withState("ACTIVE"), 0, 10)
			.total()).isEqualTo(1);

		// when
		publish(message, "x", Duration.ZERO, Map.of());

		// then
		Bpmns.await(() -> (engine.engine()
			.queries()
			.processInstances(QueryFilter.any().withBpmnProcessId(id).withState("COMPLETED"), 0, 10)
			.total() == 1) ? Boolean.TRUE : null);
		assertThat(instances(id)).isEqualTo(1);
	}

	@Test
	void shouldStartAgainForTheSameKeyWhenTheFirstInstanceEndedAtOnce() {
		// given: a process that ends as soon as a message starts it
		String id = Bpmns.randomId();
		String message = id + "-m";
		Bpmns.deploy(client, Bpmn.createExecutableProcess(id).startEvent("s").message(message).endEvent().done());

		// when
		publish(message, "same", Duration.ZERO, Map.of());
		publish(message, "same", Duration.ZERO, Map.of());

		// then
		assertThat(instances(id)).isEqualTo(2);
	}

	@Test
	void shouldCorrelateAMessagePublishedBeforeARestart() {
		// given
		String id = Bpmns.randomId();
		Bpmns.deploy(client, waitForConfirmation(id));
		publish("confirmed", id + "-r", Duration.ofHours(1), Map.of("kept", true));

		// when
		client.close();
		engine.restart();
		client = engine.newClient();

		// then
		assertThat(withResult(id, Map.of("errandId", id + "-r")).join().getVariablesAsMap()).containsEntry("kept",
				true);
	}

	@Test
	void shouldTakeTheMessageBranchOfAnEventBasedGatewayAndWithdrawTheTimer() {
		// given
		String id = Bpmns.randomId();
		Bpmns.deploy(client, confirmOrRemind(id));
		ProcessInstanceEvent instance = Bpmns.start(client, id, Map.of("errandId", id));
		awaitSubscription(id);

		// when
		publish("confirmed", id, Duration.ZERO, Map.of("answer", "yes"));
		Bpmns.awaitInstanceState(engine, instance.getProcessInstanceKey(), "COMPLETED");
		clock.advance(Duration.ofDays(2));
		TimerTest.sweeps();

		// then
		assertThat(history(instance, "viaMessage")).isPositive();
		assertThat(history(instance, "viaTimer")).isZero();
	}

	@Test
	void shouldTakeTheTimerBranchOfAnEventBasedGatewayAndWithdrawTheSubscription() {
		// given
		String id = Bpmns.randomId();
		Bpmns.deploy(client, confirmOrRemind(id));
		ProcessInstanceEvent instance = Bpmns.start(client, id, Map.of("errandId", id));
		awaitSubscription(id);

		// when
		clock.advance(Duration.ofDays(1).plusSeconds(1));
		Bpmns.awaitInstanceState(engine, instance.getProcessInstanceKey(), "COMPLETED");
		publish("confirmed", id, Duration.ZERO, Map.of());

		// then
		assertThat(history(instance, "viaTimer")).isPositive();
		assertThat(history(instance, "viaMessage")).isZero();
	}

	@Test
	void shouldCreateAJobBasedUserTaskWithAssigneeAndCandidateGroupsInHeaders() {
		// given
		String id = Bpmns.randomId();
		Bpmns.deploy(client,
				Bpmn.createExecutableProcess(id)
					.startEvent()
					.userTask("approve",
							(u) -> u.zeebeAssignee("alice").zeebeCandidateGroups("travel, finance").zeebeFormKey("f1"))
					.endEvent()
					.done());
		ProcessInstanceEvent instance = Bpmns.start(client, id, Map.of("trip", "Shanghai"));

		// when
		var job = Bpmns.activateOne(client, "io.camunda.zeebe:userTask");
		client.newCompleteCommand(job).variables(Map.of("approved", true)).send().join();

		// then
		assertThat(job.getProcessInstanceKey()).isEqualTo(instance.getProcessInstanceKey());
		assertThat(job.getCustomHeaders()).containsEntry("io.camunda.zeebe:assignee", "alice")
			.containsEntry("io.camunda.zeebe:candidateGroups", "travel, finance");
		assertThat(job.getVariablesAsMap()).containsEntry("trip", "Shanghai");
		Bpmns.awaitInstanceState(engine, instance.getProcessInstanceKey(), "COMPLETED");
	}

	private static BpmnModelInstance confirmOrRemind(String id) {
		return Bpmn.createExecutableProcess(id)
			.startEvent()
			.eventBasedGateway("gw")
			.intermediateCatchEvent("viaMessage",
					(e) -> e.message((m) -> m.name("confirmed").zeebeCorrelationKeyExpression("errandId")))
			.endEvent()
			.moveToNode("gw")
			.intermediateCatchEvent("viaTimer", (e) -> e.timerWithDuration("P1D"))
			.endEvent()
			.done();
	}

	private static java.util.List<Object> completeAll(String type) {
		var jobs = client.newActivateJobsCommand().jobType(type).maxJobsToActivate(10).send().join().getJobs();
		jobs.forEach((job) -> client.newCompleteCommand(job).send().join());
		Bpmns.await(() -> (engine.engine()
			.queries()
			.processInstances(QueryFilter.any().withBpmnProcessId(type).withState("ACTIVE"), 0, 10)
			.total() == 0) ? Boolean.TRUE : null);
		return jobs.stream().map((job) -> job.getVariablesAsMap().get("who")).toList();
	}

	private static CompletableFuture<ProcessInstanceResult> withResult(String id, Map<String, Object> variables) {
		return client.newCreateInstanceCommand()
			.bpmnProcessId(id)
			.latestVersion()
			.variables(variables)
			.withResult()
			.send()
			.toCompletableFuture();
	}

	private static PublishMessageResponse publish(String name, String key, Duration ttl, Map<String, Object> vars) {
		return client.newPublishMessageCommand()
			.messageName(name)
			.correlationKey(key)
			.timeToLive(ttl)
			.variables(vars)
			.send()
			.join();
	}

	/**
	 * Waits until an instance of the process exists: it was created in the same
	 * transaction that opened its subscription.
	 */
	private static void awaitSubscription(String id) {
		Bpmns.await(() -> (engine.engine()
			.queries()
			.processInstances(QueryFilter.any().withBpmnProcessId(id).withState("ACTIVE"), 0, 10)
			.total() > 0) ? Boolean.TRUE : null);
	}

	private static long instances(String id) {
		return engine.engine().queries().processInstances(QueryFilter.any().withBpmnProcessId(id), 0, 10).total();
	}

	private static long history(ProcessInstanceEvent instance, String elementId) {
		return engine.engine()
			.queries()
			.history(instance.getProcessInstanceKey(), QueryFilter.any().withState("ELEMENT").withElementId(elementId),
					0, 10)
			.total();
	}

}
