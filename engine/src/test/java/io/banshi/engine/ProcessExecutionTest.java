package io.banshi.engine;

import java.time.Duration;
import java.util.Map;

import io.banshi.engine.query.QueryFilter;
import io.banshi.engine.query.Views;
import io.banshi.engine.testing.Bpmns;
import io.banshi.engine.testing.EngineExtension;
import io.banshi.engine.testing.TestEngine;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ClientStatusException;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.response.ProcessInstanceEvent;
import io.camunda.client.api.response.ProcessInstanceResult;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.grpc.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ExtendWith(EngineExtension.class)
class ProcessExecutionTest {

	@Test
	void shouldTakeTheFlowWhoseConditionHolds(CamundaClient client) {
		// given
		String id = Bpmns.randomId();
		Bpmns.deploy(client,
				Bpmn.createExecutableProcess(id)
					.startEvent()
					.exclusiveGateway("gw")
					.conditionExpression("= amount > 100")
					.scriptTask("big", (s) -> s.zeebeExpression("\"big\"").zeebeResultVariable("size"))
					.endEvent()
					.moveToLastExclusiveGateway()
					.defaultFlow()
					.scriptTask("small", (s) -> s.zeebeExpression("\"small\"").zeebeResultVariable("size"))
					.endEvent()
					.done());

		// when
		ProcessInstanceResult big = withResult(client, id, Map.of("amount", 500));
		ProcessInstanceResult small = withResult(client, id, Map.of("amount", 5));

		// then
		assertThat(big.getVariablesAsMap()).containsEntry("size", "big");
		assertThat(small.getVariablesAsMap()).containsEntry("size", "small");
	}

	@Test
	void shouldRaiseIncidentWhenNoConditionHoldsAndResolveItAfterVariablesAreFixed(CamundaClient client,
			TestEngine engine) {
		// given
		String id = Bpmns.randomId();
		Bpmns.deploy(client,
				Bpmn.createExecutableProcess(id)
					.startEvent()
					.exclusiveGateway("gw")
					.conditionExpression("= amount > 100")
					.endEvent("bigEnd")
					.moveToNode("gw")
					.conditionExpression("= amount < 10")
					.endEvent("smallEnd")
					.done());
		ProcessInstanceEvent instance = Bpmns.start(client, id, Map.of("amount", 50));

		// when
		Views.Incident incident = Bpmns.awaitIncident(engine, instance.getProcessInstanceKey());

		// then
		assertThat(incident.errorType()).isEqualTo("CONDITION_ERROR");
		assertThat(incident.elementId()).isEqualTo("gw");
		assertThat(incident.errorMessage()).contains("Expected at least one condition to evaluate to true");

		// when
		client.newSetVariablesCommand(instance.getProcessInstanceKey()).variables(Map.of("amount", 500)).send().join();
		client.newResolveIncidentCommand(incident.key()).send().join();

		// then
		Bpmns.awaitInstanceState(engine, instance.getProcessInstanceKey(), "COMPLETED");
		assertThat(engine.engine()
			.queries()
			.history(instance.getProcessInstanceKey(), QueryFilter.any().withElementId("bigEnd"), 0, 10)
			.items()).isNotEmpty();
	}

	@Test
	void shouldRaiseIncidentNamingTheExpressionWhenAConditionFails(CamundaClient client, TestEngine engine) {
		// given
		String id = Bpmns.randomId();
		Bpmns.deploy(client,
				Bpmn.createExecutableProcess(id)
					.startEvent()
					.exclusiveGateway("gw")
					.conditionExpression("= missing > 1")
					.endEvent()
					.moveToLastExclusiveGateway()
					.defaultFlow()
					.endEvent()
					.done());

		// when
		ProcessInstanceEvent instance = Bpmns.start(client, id, Map.of());
		Views.Incident incident = Bpmns.awaitIncident(engine, instance.getProcessInstanceKey());

		// then
		assertThat(incident.errorType()).isEqualTo("EXTRACT_VALUE_ERROR");
		assertThat(incident.errorMessage()).contains("missing > 1");
	}

	@Test
	void shouldForkAndJoinParallelBranches(CamundaClient client, TestEngine engine) {
		// given
		String id = Bpmns.randomId();
		Bpmns.deploy(client,
				Bpmn.createExecutableProcess(id)
					.startEvent()
					.parallelGateway("fork")
					.serviceTask("a", (t) -> t.zeebeJobType(id + "-a"))
					.parallelGateway("join")
					.scriptTask("after", (s) -> s.zeebeExpression("a + b").zeebeResultVariable("sum"))
					.endEvent()
					.moveToNode("fork")
					.serviceTask("b", (t) -> t.zeebeJobType(id + "-b"))
					.connectTo("join")
					.done());
		ProcessInstanceEvent instance = Bpmns.start(client, id, Map.of());

		// when
		ActivatedJob a = Bpmns.activateOne(client, id + "-a");
		ActivatedJob b = Bpmns.activateOne(client, id + "-b");
		client.newCompleteCommand(a).variables(Map.of("a", 1)).send().join();
		assertThat(Bpmns.instanceState(engine, instance.getProcessInstanceKey())).isEqualTo("ACTIVE");
		client.newCompleteCommand(b).variables(Map.of("b", 2)).send().join();

		// then
		Bpmns.awaitInstanceState(engine, instance.getProcessInstanceKey(), "COMPLETED");
		assertThat(engine.engine()
			.queries()
			.history(instance.getProcessInstanceKey(), QueryFilter.any().withElementId("after").withState("ELEMENT"), 0,
					20)
			.items()).extracting(Views.HistoryEvent::event).containsOnlyOnce("COMPLETED");
	}

	@Test
	void shouldRunEmbeddedSubprocessWithMappings(CamundaClient client) {
		// given
		String id = Bpmns.randomId();
		Bpmns.deploy(client,
				Bpmn.createExecutableProcess(id)
					.startEvent()
					.subProcess("sub",
							(sub) -> sub.zeebeInputExpression("order.total", "total")
								.zeebeOutputExpression("discounted", "price")
								.embeddedSubProcess()
								.startEvent()
								.scriptTask("discount",
										(s) -> s.zeebeExpression("total * 0.9").zeebeResultVariable("discounted"))
								.endEvent())
					.endEvent()
					.done());

		// when
		ProcessInstanceResult result = withResult(client, id, Map.of("order", Map.of("total", 100)));

		// then
		assertThat(result.getVariablesAsMap()).containsEntry("price", 90).doesNotContainKey("total");
	}

	@Test
	void shouldTerminateOtherBranchesAtATerminateEndEvent(CamundaClient client, TestEngine engine) {
		// given
		String id = Bpmns.randomId();
		Bpmns.deploy(client,
				Bpmn.createExecutableProcess(id)
					.startEvent()
					.parallelGateway("fork")
					.serviceTask("wait", (t) -> t.zeebeJobType(id + "-wait"))
					.endEvent()
					.moveToNode("fork")
					.endEvent("stop", (e) -> e.terminate())
					.done());

		// when
		ProcessInstanceEvent instance = Bpmns.start(client, id, Map.of());

		// then
		Bpmns.awaitInstanceState(engine, instance.getProcessInstanceKey(), "COMPLETED");
		assertThat(engine.engine()
			.queries()
			.jobs(QueryFilter.any().withProcessInstanceKey(instance.getProcessInstanceKey()), 0, 10)
			.items()).isEmpty();
	}

	@Test
	void shouldStartAGivenVersionOrDefinitionKey(CamundaClient client) {
		// given
		String id = Bpmns.randomId();
		long v1 = Bpmns.deploy(client, Bpmn.createExecutableProcess(id).startEvent().endEvent("one").done())
			.getProcesses()
			.get(0)
			.getProcessDefinitionKey();
		Bpmns.deploy(client, Bpmn.createExecutableProcess(id).startEvent().endEvent("two").done());

		// when
		ProcessInstanceEvent byVersion = client.newCreateInstanceCommand().bpmnProcessId(id).version(1).send().join();
		ProcessInstanceEvent latest = client.newCreateInstanceCommand().bpmnProcessId(id).latestVersion().send().join();
		ProcessInstanceEvent byKey = client.newCreateInstanceCommand().processDefinitionKey(v1).send().join();

		// then
		assertThat(byVersion.getVersion()).isEqualTo(1);
		assertThat(latest.getVersion()).isEqualTo(2);
		assertThat(byKey.getProcessDefinitionKey()).isEqualTo(v1);
		assertThat(byKey.getProcessInstanceKey() >> 51).isEqualTo(1);
	}

	@Test
	void shouldRejectUnknownProcessWithNotFound(CamundaClient client) {
		assertThatThrownBy(() -> client.newCreateInstanceCommand().bpmnProcessId("nope").latestVersion().send().join())
			.isInstanceOfSatisfying(ClientStatusException.class, (ex) -> {
				assertThat(ex.getStatusCode()).isEqualTo(Status.Code.NOT_FOUND);
				assertThat(ex.getMessage()).contains("Expected to find process definition with process ID 'nope'");
			});
	}

	@Test
	void shouldRejectVariablesThatAreNotAJsonObject(CamundaClient client) {
		// given
		String id = Bpmns.randomId();
		Bpmns.deploy(client, Bpmn.createExecutableProcess(id).startEvent().endEvent().done());

		// when / then
		assertThatThrownBy(() -> client.newCreateInstanceCommand()
			.bpmnProcessId(id)
			.latestVersion()
			.variables("[1,2]")
			.send()
			.join()).isInstanceOfSatisfying(ClientStatusException.class, (ex) -> {
				assertThat(ex.getStatusCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
				assertThat(ex.getMessage()).contains("Expected document to be a root level object");
			});
	}

	@Test
	void shouldRejectVariablesLargerThanFourMegabytes(CamundaClient client, TestEngine engine) {
		// given
		String id = Bpmns.randomId();
		Bpmns.deploy(client, Bpmn.createExecutableProcess(id).startEvent().endEvent().done());
		String big = "x".repeat(4 * 1024 * 1024 + 10);

		// when / then
		assertThatThrownBy(() -> client.newCreateInstanceCommand()
			.bpmnProcessId(id)
			.latestVersion()
			.variables(Map.of("big", big))
			.send()
			.join()).isInstanceOfSatisfying(ClientStatusException.class, (ex) -> {
				assertThat(ex.getStatusCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
				assertThat(ex.getMessage()).contains("at most 4194304 bytes");
			});
		assertThat(engine.engine().queries().processInstances(QueryFilter.any().withBpmnProcessId(id), 0, 1).total())
			.isZero();
	}

	@Test
	void shouldCancelAnInstanceWithEveryElementAndJob(CamundaClient client, TestEngine engine) {
		// given
		String id = Bpmns.randomId();
		Bpmns.deploy(client,
				Bpmn.createExecutableProcess(id)
					.startEvent()
					.parallelGateway("fork")
					.serviceTask("a", (t) -> t.zeebeJobType(id + "-a"))
					.endEvent()
					.moveToNode("fork")
					.subProcess("sub",
							(sub) -> sub.embeddedSubProcess()
								.startEvent()
								.serviceTask("b", (t) -> t.zeebeJobType(id + "-b"))
								.endEvent())
					.endEvent()
					.done());
		ProcessInstanceEvent instance = Bpmns.start(client, id, Map.of());
		ActivatedJob a = Bpmns.activateOne(client, id + "-a");

		// when
		client.newCancelInstanceCommand(instance.getProcessInstanceKey()).send().join();

		// then
		assertThat(Bpmns.instanceState(engine, instance.getProcessInstanceKey())).isEqualTo("TERMINATED");
		QueryFilter ofInstance = QueryFilter.any().withProcessInstanceKey(instance.getProcessInstanceKey());
		assertThat(engine.engine().queries().jobs(ofInstance, 0, 10).items()).isEmpty();
		assertThat(engine.engine().queries().elementInstances(ofInstance, 0, 10).items()).isEmpty();
		assertThatThrownBy(() -> client.newCompleteCommand(a).send().join()).isInstanceOfSatisfying(
				ClientStatusException.class, (ex) -> assertThat(ex.getStatusCode()).isEqualTo(Status.Code.NOT_FOUND));
		assertThatThrownBy(() -> client.newCancelInstanceCommand(instance.getProcessInstanceKey()).send().join())
			.isInstanceOfSatisfying(ClientStatusException.class,
					(ex) -> assertThat(ex.getStatusCode()).isEqualTo(Status.Code.NOT_FOUND));
	}

	@Test
	void shouldReturnOnlyFetchedVariablesWithResult(CamundaClient client) {
		// given
		String id = Bpmns.randomId();
		Bpmns.deploy(client,
				Bpmn.createExecutableProcess(id)
					.startEvent()
					.scriptTask("s", (s) -> s.zeebeExpression("a * 2").zeebeResultVariable("b"))
					.endEvent()
					.done());

		// when
		ProcessInstanceResult result = client.newCreateInstanceCommand()
			.bpmnProcessId(id)
			.latestVersion()
			.variables(Map.of("a", 21))
			.withResult()
			.fetchVariables("b")
			.send()
			.join();

		// then
		assertThat(result.getVariablesAsMap()).containsExactly(Map.entry("b", 42));
	}

	@Test
	void shouldTimeOutWaitingForAResultWhileTheInstanceKeepsRunning(CamundaClient client, TestEngine engine) {
		// given
		String id = Bpmns.randomId();
		Bpmns.deploy(client,
				Bpmn.createExecutableProcess(id)
					.startEvent()
					.serviceTask("t", (t) -> t.zeebeJobType(id))
					.endEvent()
					.done());

		// when / then
		assertThatThrownBy(() -> client.newCreateInstanceCommand()
			.bpmnProcessId(id)
			.latestVersion()
			.withResult()
			.requestTimeout(Duration.ofMillis(500))
			.send()
			.join()).isInstanceOf(io.camunda.client.api.command.ClientException.class);
		assertThat(engine.engine().queries().processInstances(QueryFilter.any().withBpmnProcessId(id), 0, 1).items())
			.extracting(Views.ProcessInstance::state)
			.containsExactly("ACTIVE");
	}

	private static ProcessInstanceResult withResult(CamundaClient client, String id, Map<String, Object> variables) {
		return client.newCreateInstanceCommand()
			.bpmnProcessId(id)
			.latestVersion()
			.variables(variables)
			.withResult()
			.send()
			.join();
	}

	@Test
	void shouldTakeEveryFlowOfAnInclusiveGatewayWhoseConditionHolds(CamundaClient client) {
		// given
		String id = Bpmns.randomId();
		Bpmns.deploy(client,
				Bpmn.createExecutableProcess(id)
					.startEvent()
					.inclusiveGateway("fork")
					.defaultFlow()
					.scriptTask("nothing", (s) -> s.zeebeExpression("true").zeebeResultVariable("nothingToDo"))
					.endEvent()
					.moveToNode("fork")
					.conditionExpression("= hotel")
					.scriptTask("bookHotel", (s) -> s.zeebeExpression("true").zeebeResultVariable("hotelBooked"))
					.endEvent()
					.moveToNode("fork")
					.conditionExpression("= flight")
					.scriptTask("bookFlight", (s) -> s.zeebeExpression("true").zeebeResultVariable("flightBooked"))
					.endEvent()
					.done());

		// when
		ProcessInstanceResult both = withResult(client, id, Map.of("hotel", true, "flight", true));
		ProcessInstanceResult none = withResult(client, id, Map.of("hotel", false, "flight", false));

		// then
		assertThat(both.getVariablesAsMap()).containsEntry("hotelBooked", true)
			.containsEntry("flightBooked", true)
			.doesNotContainKey("nothingToDo");
		assertThat(none.getVariablesAsMap()).containsEntry("nothingToDo", true)
			.doesNotContainKeys("hotelBooked", "flightBooked");
	}

}
