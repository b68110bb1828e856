package io.banshi.engine;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.banshi.engine.query.QueryFilter;
import io.banshi.engine.query.Views;
import io.banshi.engine.testing.Bpmns;
import io.banshi.engine.testing.EngineExtension;
import io.banshi.engine.testing.TestEngine;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.CamundaFuture;
import io.camunda.client.api.command.ClientStatusException;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.response.ProcessInstanceEvent;
import io.camunda.client.api.response.ProcessInstanceResult;
import io.camunda.client.api.search.enums.JobKind;
import io.camunda.client.api.search.enums.ListenerEventType;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.grpc.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Execution listeners as Zeebe 8.8 documents them: jobs of kind EXECUTION_LISTENER that
 * the element waits for, start listeners after the input mappings, end listeners after
 * the output mappings, in document order.
 */
@ExtendWith(EngineExtension.class)
class ExecutionListenerTest {

	@Test
	void shouldRunStartListenersInOrderAfterInputMappingsAndKeepTheirVariablesLocal(CamundaClient client,
			TestEngine engine) {
		// given
		String id = Bpmns.randomId();
		Bpmns.deploy(client,
				Bpmn.createExecutableProcess(id)
					.startEvent()
					.serviceTask("task",
							(t) -> t.zeebeJobType(id + "-task")
								.zeebeInputExpression("base * 2", "amount")
								.zeebeStartExecutionListener(id + "-s1")
								.zeebeStartExecutionListener(id + "-s2"))
					.serviceTask("next", (t) -> t.zeebeJobType(id + "-next"))
					.endEvent()
					.done());
		ProcessInstanceEvent instance = Bpmns.start(client, id, Map.of("base", 21));

		// when
		ActivatedJob first = Bpmns.activateOne(client, id + "-s1");

		// then: the listener sees the input mapping; the task has no job of its own yet
		assertThat(first.getKind()).isEqualTo(JobKind.EXECUTION_LISTENER);
		assertThat(first.getListenerEventType()).isEqualTo(ListenerEventType.START);
		assertThat(first.getElementId()).isEqualTo("task");
		assertThat(first.getVariablesAsMap()).containsEntry("amount", 42);
		assertThat(jobTypes(engine, instance)).containsExactly(id + "-s1");

		// when
		client.newCompleteCommand(first).variables(Map.of("amount", 99, "checked", true)).send().join();
		ActivatedJob second = Bpmns.activateOne(client, id + "-s2");
		client.newCompleteCommand(second).send().join();
		ActivatedJob task = Bpmns.activateOne(client, id + "-task");

		// then: the second listener saw the first one's variables, and the input mapping
		// was not applied again after the listeners
		assertThat(second.getVariablesAsMap()).containsEntry("checked", true).containsEntry("amount", 99);
		assertThat(task.getKind()).isEqualTo(JobKind.BPMN_ELEMENT);
		assertThat(task.getListenerEventType()).isEqualTo(ListenerEventType.UNSPECIFIED);
		assertThat(task.getVariablesAsMap()).containsEntry("amount", 99).containsEntry("checked", true);

		// when
		client.newCompleteCommand(task).send().join();
		ActivatedJob next = Bpmns.activateOne(client, id + "-next");

		// then: a start listener's variables are local to its element
		assertThat(next.getVariablesAsMap()).containsOnlyKeys("base");
	}

	@Test
	void shouldRunEndListenersAfterOutputMappingsAndMergeTheirVariablesUpwards(CamundaClient client,
			TestEngine engine) {
		// given
		String id = Bpmns.randomId();
		Bpmns.deploy(client,
				Bpmn.createExecutableProcess(id)
					.startEvent()
					.serviceTask("task",
							(t) -> t.zeebeJobType(id + "-task")
								.zeebeOutputExpression("raw + 1", "result")
								.zeebeEndExecutionListener(id + "-e1")
								.zeebeEndExecutionListener(id + "-e2"))
					.serviceTask("next", (t) -> t.zeebeJobType(id + "-next"))
					.endEvent()
					.done());
		ProcessInstanceEvent instance = Bpmns.start(client, id, Map.of());
		client.newCompleteCommand(Bpmns.activateOne(client, id + "-task")).variables(Map.of("raw", 1)).send().join();

		// when
		ActivatedJob first = Bpmns.activateOne(client, id + "-e1");

		// then: the listener sees the element's local variables and the output mapping's
		// result; the flow has not moved on
		assertThat(first.getKind()).isEqualTo(JobKind.EXECUTION_LISTENER);
		assertThat(first.getListenerEventType()).isEqualTo(ListenerEventType.END);
		assertThat(first.getVariablesAsMap()).containsEntry("raw", 1).containsEntry("result", 2);
		assertThat(jobTypes(engine, instance)).containsExactly(id + "-e1");

		// when
		client.newCompleteCommand(first).variables(Map.of("audited", "yes")).send().join();
		ActivatedJob second = Bpmns.activateOne(client, id + "-e2");
		client.newCompleteCommand(second).variables(Map.of("closed", true)).send().join();
		ActivatedJob next = Bpmns.activateOne(client, id + "-next");

		// then: end listener variables are merged like output mappings (to the process)
		assertThat(second.getVariablesAsMap()).containsEntry("audited", "yes");
		assertThat(next.getVariablesAsMap()).containsOnlyKeys("result", "audited", "closed");
	}

	@Test
	void shouldRunProcessListenersAroundTheWholeInstanceAndReturnEndListenerVariables(CamundaClient client,
			TestEngine engine) {
		// given
		String id = Bpmns.randomId();
		Bpmns.deploy(client,
				Bpmn.createExecutableProcess(id)
					.zeebeStartExecutionListener(id + "-start")
					.zeebeEndExecutionListener(id + "-end")
					.startEvent()
					.serviceTask("task", (t) -> t.zeebeJobType(id + "-task"))
					.endEvent()
					.done());

		// when
		CamundaFuture<ProcessInstanceResult> result = client.newCreateInstanceCommand()
			.bpmnProcessId(id)
			.latestVersion()
			.variables(Map.of("a", 1))
			.withResult()
			.requestTimeout(Duration.ofMinutes(2))
			.send();
		ActivatedJob start = Bpmns.activateOne(client, id + "-start");

		// then
		assertThat(start.getElementId()).isEqualTo(id);
		assertThat(start.getElementInstanceKey()).isEqualTo(start.getProcessInstanceKey());
		assertThat(start.getListenerEventType()).isEqualTo(ListenerEventType.START);
		assertThat(jobTypes(engine, start.getProcessInstanceKey())).containsExactly(id + "-start");

		// when
		client.newCompleteCommand(start).send().join();
		client.newCompleteCommand(Bpmns.activateOne(client, id + "-task")).send().join();
		ActivatedJob end = Bpmns.activateOne(client, id + "-end");

		// then: the instance waits for its end listener
		assertThat(end.getElementId()).isEqualTo(id);
		assertThat(end.getListenerEventType()).isEqualTo(ListenerEventType.END);
		assertThat(Bpmns.instanceState(engine, end.getProcessInstanceKey())).isEqualTo("ACTIVE");

		// when
		client.newCompleteCommand(end).variables(Map.of("closedBy", "listener")).send().join();

		// then
		assertThat(result.join().getVariablesAsMap()).containsEntry("a", 1).containsEntry("closedBy", "listener");
		Bpmns.awaitInstanceState(engine, end.getProcessInstanceKey(), "COMPLETED");
	}

	@Test
	void shouldRunTheProcessEndListenerWhenATerminateEndEventEndsTheInstance(CamundaClient client, TestEngine engine) {
		// given
		String id = Bpmns.randomId();
		Bpmns.deploy(client,
				Bpmn.createExecutableProcess(id)
					.zeebeEndExecutionListener(id + "-end")
					.startEvent()
					.parallelGateway("fork")
					.serviceTask("waiting", (t) -> t.zeebeJobType(id + "-waiting"))
					.endEvent()
					.moveToNode("fork")
					.endEvent("terminate", (e) -> e.terminate())
					.done());

		// when
		ProcessInstanceEvent instance = Bpmns.start(client, id, Map.of());
		ActivatedJob end = Bpmns.activateOne(client, id + "-end");

		// then: the waiting branch was terminated, the instance still completes normally
		assertThat(jobTypes(engine, instance)).containsExactly(id + "-end");
		client.newCompleteCommand(end).send().join();
		Bpmns.awaitInstanceState(engine, instance.getProcessInstanceKey(), "COMPLETED");
	}

	@Test
	void shouldRunNoEndListenerWhenTheInstanceIsCanceled(CamundaClient client, TestEngine engine) {
		// given
		String id = Bpmns.randomId();
		Bpmns.deploy(client, Bpmn.createExecutableProcess(id)
			.zeebeEndExecutionListener(id + "-end")
			.startEvent()
			.serviceTask("task", (t) -> t.zeebeJobType(id + "-task").zeebeEndExecutionListener(id + "-task-end"))
			.endEvent()
			.done());
		ProcessInstanceEvent instance = Bpmns.start(client, id, Map.of());
		Bpmns.activateOne(client, id + "-task");

		// when
		client.newCancelInstanceCommand(instance.getProcessInstanceKey()).send().join();

		// then
		assertThat(Bpmns.instanceState(engine, instance.getProcessInstanceKey())).isEqualTo("TERMINATED");
		assertThat(createdJobTypes(engine, instance)).containsExactly(id + "-task");
	}

	@Test
	void shouldCancelTheListenerJobAnInstanceWaitsForWhenCanceled(CamundaClient client, TestEngine engine) {
		// given
		String id = Bpmns.randomId();
		Bpmns.deploy(client,
				Bpmn.createExecutableProcess(id).zeebeEndExecutionListener(id + "-end").startEvent().endEvent().done());
		ProcessInstanceEvent instance = Bpmns.start(client, id, Map.of());
		ActivatedJob end = Bpmns.activateOne(client, id + "-end");

		// when
		client.newCancelInstanceCommand(instance.getProcessInstanceKey()).send().join();

		// then
		assertThat(Bpmns.instanceState(engine, instance.getProcessInstanceKey())).isEqualTo("TERMINATED");
		assertThatThrownBy(() -> client.newCompleteCommand(end).send().join()).isInstanceOfSatisfying(
				ClientStatusException.class, (ex) -> assertThat(ex.getStatusCode()).isEqualTo(Status.Code.NOT_FOUND));
	}

	@Test
	void shouldRaiseAnIncidentWhenAListenerJobHasNoRetriesAndRetryOnlyThatListenerOnResolve(CamundaClient client,
			TestEngine engine) {
		// given
		String id = Bpmns.randomId();
		Bpmns.deploy(client,
				Bpmn.createExecutableProcess(id)
					.startEvent()
					.serviceTask("task",
							(t) -> t.zeebeJobType(id + "-task")
								.zeebeStartExecutionListener(id + "-s1")
								.zeebeStartExecutionListener(id + "-s2", "1"))
					.endEvent()
					.done());
		ProcessInstanceEvent instance = Bpmns.start(client, id, Map.of());
		client.newCompleteCommand(Bpmns.activateOne(client, id + "-s1")).send().join();
		ActivatedJob failing = Bpmns.activateOne(client, id + "-s2");

		// when
		client.newFailCommand(failing).retries(0).errorMessage("service down").send().join();

		// then
		Views.Incident incident = Bpmns.awaitIncident(engine, instance.getProcessInstanceKey());
		assertThat(incident.errorType()).isEqualTo("EXECUTION_LISTENER_NO_RETRIES");
		assertThat(incident.errorMessage()).isEqualTo("service down");
		assertThat(incident.jobKey()).isEqualTo(failing.getKey());
		assertThat(incident.elementId()).isEqualTo("task");

		// when
		client.newUpdateRetriesCommand(failing.getKey()).retries(1).send().join();
		client.newResolveIncidentCommand(incident.key()).send().join();
		ActivatedJob again = Bpmns.activateOne(client, id + "-s2");
		client.newCompleteCommand(again).send().join();
		client.newCompleteCommand(Bpmns.activateOne(client, id + "-task")).send().join();

		// then: the failed listener's job came back; the first listener did not run again
		assertThat(again.getKey()).isEqualTo(failing.getKey());
		Bpmns.awaitInstanceState(engine, instance.getProcessInstanceKey(), "COMPLETED");
		assertThat(createdJobTypes(engine, instance)).containsExactly(id + "-s1", id + "-s2", id + "-task");
	}

	@Test
	void shouldRefuseToThrowAnErrorFromAListenerJob(CamundaClient client, TestEngine engine) {
		// given
		String id = Bpmns.randomId();
		Bpmns.deploy(client,
				Bpmn.createExecutableProcess(id)
					.startEvent()
					.serviceTask("task", (t) -> t.zeebeJobType(id + "-task").zeebeStartExecutionListener(id + "-s1"))
					.boundaryEvent("caught", (b) -> b.error("E"))
					.endEvent()
					.moveToActivity("task")
					.endEvent()
					.done());
		ProcessInstanceEvent instance = Bpmns.start(client, id, Map.of());
		ActivatedJob listener = Bpmns.activateOne(client, id + "-s1");

		// when / then
		assertThatThrownBy(() -> client.newThrowErrorCommand(listener).errorCode("E").send().join())
			.isInstanceOfSatisfying(ClientStatusException.class, (ex) -> {
				assertThat(ex.getStatusCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
				assertThat(ex.getMessage()).contains("Cannot throw BPMN error from EXECUTION_LISTENER job with key '"
						+ listener.getKey() + "', type '" + id + "-s1' and processInstanceKey '"
						+ instance.getProcessInstanceKey() + "'");
			});

		// then: nothing changed, the listener job can still complete
		client.newCompleteCommand(listener).send().join();
		client.newCompleteCommand(Bpmns.activateOne(client, id + "-task")).send().join();
		Bpmns.awaitInstanceState(engine, instance.getProcessInstanceKey(), "COMPLETED");
	}

	@Test
	void shouldEvaluateListenerTypeAndRetriesWithFeel(CamundaClient client) {
		// given
		String id = Bpmns.randomId();
		Bpmns.deploy(client,
				Bpmn.createExecutableProcess(id)
					.startEvent()
					.serviceTask("task", (t) -> t.zeebeJobType(id + "-task")
						.zeebeExecutionListener(
								(l) -> l.start().typeExpression("prefix + \"-listen\"").retriesExpression("n + 1")))
					.endEvent()
					.done());

		// when
		Bpmns.start(client, id, Map.of("prefix", id, "n", 4));
		ActivatedJob job = Bpmns.activateOne(client, id + "-listen");

		// then
		assertThat(job.getRetries()).isEqualTo(5);
		assertThat(job.getKind()).isEqualTo(JobKind.EXECUTION_LISTENER);
	}

	@Test
	void shouldRunAllStartListenersAgainWhenAListenerTypeFailsToEvaluateAndTheIncidentIsResolved(CamundaClient client,
			TestEngine engine) {
		// given
		String id = Bpmns.randomId();
		Bpmns.deploy(client,
				Bpmn.createExecutableProcess(id)
					.startEvent()
					.serviceTask("task",
							(t) -> t.zeebeJobType(id + "-task")
								.zeebeStartExecutionListener(id + "-s1")
								.zeebeExecutionListener((l) -> l.start().typeExpression("second")))
					.endEvent()
					.done());
		ProcessInstanceEvent instance = Bpmns.start(client, id, Map.of());

		// when
		client.newCompleteCommand(Bpmns.activateOne(client, id + "-s1")).send().join();

		// then
		Views.Incident incident = Bpmns.awaitIncident(engine, instance.getProcessInstanceKey());
		assertThat(incident.errorType()).isEqualTo("EXTRACT_VALUE_ERROR");
		assertThat(incident.jobKey()).isNull();

		// when
		client.newSetVariablesCommand(instance.getProcessInstanceKey())
			.variables(Map.of("second", id + "-s2"))
			.send()
			.join();
		client.newResolveIncidentCommand(incident.key()).send().join();
		client.newCompleteCommand(Bpmns.activateOne(client, id + "-s1")).send().join();
		client.newCompleteCommand(Bpmns.activateOne(client, id + "-s2")).send().join();
		client.newCompleteCommand(Bpmns.activateOne(client, id + "-task")).send().join();

		// then: as Zeebe documents, the listeners before the failing one ran again
		Bpmns.awaitInstanceState(engine, instance.getProcessInstanceKey(), "COMPLETED");
		assertThat(createdJobTypes(engine, instance)).containsExactly(id + "-s1", id + "-s1", id + "-s2", id + "-task");
	}

	@Test
	void shouldLetAGatewayStartListenerDecideTheFlow(CamundaClient client, TestEngine engine) {
		// given
		String id = Bpmns.randomId();
		Bpmns.deploy(client,
				Bpmn.createExecutableProcess(id)
					.startEvent()
					.exclusiveGateway("choose")
					.zeebeStartExecutionListener(id + "-decide")
					.conditionExpression("route = \"b\"")
					.serviceTask("b", (t) -> t.zeebeJobType(id + "-b"))
					.endEvent()
					.moveToLastExclusiveGateway()
					.defaultFlow()
					.serviceTask("a", (t) -> t.zeebeJobType(id + "-a"))
					.endEvent()
					.done());
		ProcessInstanceEvent instance = Bpmns.start(client, id, Map.of("route", "a"));

		// when
		ActivatedJob decide = Bpmns.activateOne(client, id + "-decide");
		client.newCompleteCommand(decide).variables(Map.of("route", "b")).send().join();

		// then
		assertThat(decide.getElementId()).isEqualTo("choose");
		assertThat(Bpmns.activateOne(client, id + "-b").getElementId()).isEqualTo("b");
		assertThat(jobTypes(engine, instance)).containsExactly(id + "-b");
	}

	@Test
	void shouldRunListenersOfSubprocessesAndCatchEventsBeforeTheySubscribe(CamundaClient client, TestEngine engine) {
		// given
		String id = Bpmns.randomId();
		Bpmns.deploy(client,
				Bpmn.createExecutableProcess(id)
					.startEvent()
					.subProcess("sub",
							(s) -> s.zeebeStartExecutionListener(id + "-sub-start")
								.zeebeEndExecutionListener(id + "-sub-end")
								.embeddedSubProcess()
								.startEvent()
								.intermediateCatchEvent("wait",
										(e) -> e.message((m) -> m.name(id).zeebeCorrelationKeyExpression("orderId"))
											.zeebeStartExecutionListener(id + "-wait-start")
											.zeebeEndExecutionListener(id + "-wait-end"))
								.endEvent("subEnd", (e) -> e.zeebeStartExecutionListener(id + "-end-start"))
								.subProcessDone())
					.serviceTask("after", (t) -> t.zeebeJobType(id + "-after"))
					.endEvent()
					.done());
		ProcessInstanceEvent instance = Bpmns.start(client, id, Map.of());

		// when: the listeners give the catch event its correlation key
		ActivatedJob subStart = Bpmns.activateOne(client, id + "-sub-start");
		client.newCompleteCommand(subStart).send().join();
		ActivatedJob waitStart = Bpmns.activateOne(client, id + "-wait-start");
		client.newCompleteCommand(waitStart).variables(Map.of("orderId", "o-1")).send().join();
		client.newPublishMessageCommand().messageName(id).correlationKey("o-1").send().join();
		client.newCompleteCommand(Bpmns.activateOne(client, id + "-wait-end")).send().join();
		client.newCompleteCommand(Bpmns.activateOne(client, id + "-end-start")).send().join();
		ActivatedJob subEnd = Bpmns.activateOne(client, id + "-sub-end");
		client.newCompleteCommand(subEnd).send().join();
		client.newCompleteCommand(Bpmns.activateOne(client, id + "-after")).send().join();

		// then
		assertThat(subStart.getElementId()).isEqualTo("sub");
		assertThat(waitStart.getElementId()).isEqualTo("wait");
		assertThat(subEnd.getElementId()).isEqualTo("sub");
		Bpmns.awaitInstanceState(engine, instance.getProcessInstanceKey(), "COMPLETED");
		assertThat(createdJobTypes(engine, instance)).containsExactly(id + "-sub-start", id + "-wait-start",
				id + "-wait-end", id + "-end-start", id + "-sub-end", id + "-after");
	}

	@Test
	void shouldRunAMultiInstanceActivitysListenersForEachInnerInstance(CamundaClient client, TestEngine engine) {
		// given
		String id = Bpmns.randomId();
		Bpmns.deploy(client, Bpmn.createExecutableProcess(id)
			.startEvent()
			.serviceTask("task", (t) -> t.zeebeJobType(id + "-task")
				.zeebeStartExecutionListener(id + "-start")
				.multiInstance((m) -> m.sequential().zeebeInputCollectionExpression("items").zeebeInputElement("item")))
			.endEvent()
			.done());
		ProcessInstanceEvent instance = Bpmns.start(client, id, Map.of("items", List.of("a", "b")));

		// when
		ActivatedJob first = Bpmns.activateOne(client, id + "-start");
		client.newCompleteCommand(first).send().join();
		client.newCompleteCommand(Bpmns.activateOne(client, id + "-task")).send().join();
		ActivatedJob second = Bpmns.activateOne(client, id + "-start");
		client.newCompleteCommand(second).send().join();
		client.newCompleteCommand(Bpmns.activateOne(client, id + "-task")).send().join();

		// then: each inner instance ran the listener, seeing its own item
		assertThat(first.getVariablesAsMap()).containsEntry("item", "a");
		assertThat(second.getVariablesAsMap()).containsEntry("item", "b");
		assertThat(first.getElementInstanceKey()).isNotEqualTo(second.getElementInstanceKey());
		Bpmns.awaitInstanceState(engine, instance.getProcessInstanceKey(), "COMPLETED");
	}

	@Test
	void shouldRunListenersOfScriptUserAndCallActivityElements(CamundaClient client, TestEngine engine) {
		// given
		String id = Bpmns.randomId();
		String child = id + "_child";
		Bpmns.deploy(client, Bpmn.createExecutableProcess(child).startEvent().endEvent().done());
		Bpmns.deploy(client,
				Bpmn.createExecutableProcess(id)
					.startEvent()
					.scriptTask("script",
							(s) -> s.zeebeExpression("21 * 2")
								.zeebeResultVariable("answer")
								.zeebeEndExecutionListener(id + "-script"))
					.userTask("user", (u) -> u.zeebeStartExecutionListener(id + "-user"))
					.callActivity("call", (c) -> c.zeebeProcessId(child).zeebeStartExecutionListener(id + "-call"))
					.endEvent()
					.done());
		ProcessInstanceEvent instance = Bpmns.start(client, id, Map.of());

		// when
		ActivatedJob script = Bpmns.activateOne(client, id + "-script");
		client.newCompleteCommand(script).send().join();
		ActivatedJob user = Bpmns.activateOne(client, id + "-user");
		client.newCompleteCommand(user).send().join();
		client.newCompleteCommand(Bpmns.activateOne(client, "io.camunda.zeebe:userTask")).send().join();
		ActivatedJob call = Bpmns.activateOne(client, id + "-call");
		client.newCompleteCommand(call).send().join();

		// then
		assertThat(script.getVariablesAsMap()).containsEntry("answer", 42);
		assertThat(user.getElementId()).isEqualTo("user");
		assertThat(call.getElementId()).isEqualTo("call");
		Bpmns.awaitInstanceState(engine, instance.getProcessInstanceKey(), "COMPLETED");
		assertThat(createdJobTypes(engine, instance)).containsExactly(id + "-script", id + "-user",
				"io.camunda.zeebe:userTask", id + "-call");
	}

	@Test
	void shouldHoldAnInclusiveJoinWhileABranchWaitsForItsEndListener(CamundaClient client, TestEngine engine) {
		// given
		String id = Bpmns.randomId();
		Bpmns.deploy(client,
				Bpmn.createExecutableProcess(id)
					.startEvent()
					.inclusiveGateway("fork")
					.conditionExpression("true")
					.serviceTask("a", (t) -> t.zeebeJobType(id + "-a").zeebeEndExecutionListener(id + "-a-end"))
					.inclusiveGateway("join")
					.serviceTask("after", (t) -> t.zeebeJobType(id + "-after"))
					.endEvent()
					.moveToNode("fork")
					.conditionExpression("true")
					.serviceTask("b", (t) -> t.zeebeJobType(id + "-b"))
					.connectTo("join")
					.done());
		ProcessInstanceEvent instance = Bpmns.start(client, id, Map.of());
		client.newCompleteCommand(Bpmns.activateOne(client, id + "-b")).send().join();
		client.newCompleteCommand(Bpmns.activateOne(client, id + "-a")).send().join();

		// when: branch a waits for its end listener
		ActivatedJob end = Bpmns.activateOne(client, id + "-a-end");

		// then: the join has not been passed
		assertThat(jobTypes(engine, instance)).containsExactly(id + "-a-end");

		// when
		client.newCompleteCommand(end).send().join();

		// then
		assertThat(Bpmns.activateOne(client, id + "-after").getElementId()).isEqualTo("after");
	}

	@Test
	void shouldRefuseListenersWithoutTypeAndWhereZeebeDoesNotRunThem(CamundaClient client) {
		// given
		String id = Bpmns.randomId();
		BpmnModelInstance model = Bpmn.createExecutableProcess(id)
			.startEvent("start")
			.zeebeStartExecutionListener(id + "-start")
			.serviceTask("noType", (t) -> t.zeebeJobType(id).zeebeExecutionListener((l) -> l.end().type("")))
			.parallelGateway("gateway")
			.zeebeExecutionListener((l) -> l.end().type(id + "-gateway"))
			.endEvent()
			.done();

		// when / then
		assertThatThrownBy(() -> Bpmns.deploy(client, model)).isInstanceOfSatisfying(ClientStatusException.class,
				(ex) -> {
					assertThat(ex.getStatusCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
					assertThat(ex.getMessage()).contains("Element: noType")
						.contains("Attribute 'type' must be present and not empty")
						.contains("Element: start")
						.contains("Execution listeners of type 'start' are not supported by start events")
						.contains("Element: gateway")
						.contains("Execution listeners of type 'end' are not supported by gateway element");
				});
	}

	@Test
	void shouldRefuseProcessStartListenersNextToAMessageStartEvent(CamundaClient client) {
		// given
		String id = Bpmns.randomId();
		BpmnModelInstance model = Bpmn.createExecutableProcess(id)
			.zeebeStartExecutionListener(id + "-start")
			.startEvent("byMessage")
			.message(id)
			.endEvent()
			.done();

		// when / then: a documented gap of this engine, refused rather than run wrongly
		assertThatThrownBy(() -> Bpmns.deploy(client, model)).isInstanceOfSatisfying(ClientStatusException.class,
				(ex) -> {
					assertThat(ex.getStatusCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
					assertThat(ex.getMessage()).contains("Element: " + id)
						.contains("does not support them together yet");
				});
	}

	private static List<String> jobTypes(TestEngine engine, ProcessInstanceEvent instance) {
		return jobTypes(engine, instance.getProcessInstanceKey());
	}

	private static List<String> jobTypes(TestEngine engine, long processInstanceKey) {
		return engine.engine()
			.queries()
			.jobs(QueryFilter.any().withProcessInstanceKey(processInstanceKey), 0, 50)
			.items()
			.stream()
			.map(Views.Job::type)
			.toList();
	}

	/** The types of every job the instance ever had, in the order they were created. */
	private static List<String> createdJobTypes(TestEngine engine, ProcessInstanceEvent instance) {
		return engine.engine()
			.queries()
			.history(instance.getProcessInstanceKey(), QueryFilter.any(), 0, 500)
			.items()
			.stream()
			.filter((event) -> "JOB".equals(event.entity()) && "CREATE".equals(event.event()))
			.map(Views.HistoryEvent::detail)
			.toList();
	}

}
