package io.banshi.engine;

import java.util.Map;

import io.banshi.engine.query.QueryFilter;
import io.banshi.engine.query.Views;
import io.banshi.engine.testing.Bpmns;
import io.banshi.engine.testing.EngineExtension;
import io.banshi.engine.testing.TestEngine;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.response.ProcessInstanceEvent;
import io.camunda.zeebe.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(EngineExtension.class)
class ErrorAndIncidentTest {

	@Test
	void shouldCatchAThrownErrorAtTheBoundaryWithItsCode(CamundaClient client, TestEngine engine) {
		// given
		String id = Bpmns.randomId();
		Bpmns.deploy(client, Bpmn.createExecutableProcess(id)
			.startEvent()
			.serviceTask("order", (t) -> t.zeebeJobType(id))
			.boundaryEvent("soldOut", (b) -> b.error("SOLD_OUT"))
			.scriptTask("apologize", (s) -> s.zeebeExpression("\"sorry: \" + reason").zeebeResultVariable("note"))
			.endEvent()
			.moveToActivity("order")
			.boundaryEvent("anyError", (b) -> b.error())
			.endEvent("other")
			.moveToActivity("order")
			.endEvent()
			.done());
		ProcessInstanceEvent instance = Bpmns.start(client, id, Map.of());
		ActivatedJob job = Bpmns.activateOne(client, id);

		// when
		client.newThrowErrorCommand(job)
			.errorCode("SOLD_OUT")
			.errorMessage("no seats")
			.variables(Map.of("reason", "full"))
			.send()
			.join();

		// then
		Bpmns.awaitInstanceState(engine, instance.getProcessInstanceKey(), "COMPLETED");
		assertThat(elementEvents(engine, instance, "apologize")).contains("COMPLETED");
		assertThat(elementEvents(engine, instance, "other")).isEmpty();
		assertThat(elementEvents(engine, instance, "order")).contains("TERMINATED");
	}

	@Test
	void shouldCatchAnyErrorAtACatchAllBoundary(CamundaClient client, TestEngine engine) {
		// given
		String id = Bpmns.randomId();
		Bpmns.deploy(client,
				Bpmn.createExecutableProcess(id)
					.startEvent()
					.serviceTask("order", (t) -> t.zeebeJobType(id))
					.boundaryEvent("anyError", (b) -> b.error())
					.endEvent("caught")
					.moveToActivity("order")
					.endEvent()
					.done());
		ProcessInstanceEvent instance = Bpmns.start(client, id, Map.of());

		// when
		client.newThrowErrorCommand(Bpmns.activateOne(client, id)).errorCode("WHATEVER").send().join();

		// then
		Bpmns.awaitInstanceState(engine, instance.getProcessInstanceKey(), "COMPLETED");
		assertThat(elementEvents(engine, instance, "caught")).contains("COMPLETED");
	}

	@Test
	void shouldCatchAnErrorUpTheScopeChain(CamundaClient client, TestEngine engine) {
		// given
		String id = Bpmns.randomId();
		Bpmns.deploy(client,
				Bpmn.createExecutableProcess(id)
					.startEvent()
					.subProcess("sub",
							(sub) -> sub.embeddedSubProcess()
								.startEvent()
								.parallelGateway("fork")
								.serviceTask("pay", (t) -> t.zeebeJobType(id + "-pay"))
								.endEvent()
								.moveToNode("fork")
								.serviceTask("ship", (t) -> t.zeebeJobType(id + "-ship"))
								.endEvent())
					.boundaryEvent("failed", (b) -> b.error("PAYMENT"))
					.endEvent("compensated")
					.moveToActivity("sub")
					.endEvent()
					.done());
		ProcessInstanceEvent instance = Bpmns.start(client, id, Map.of());
		ActivatedJob pay = Bpmns.activateOne(client, id + "-pay");
		ActivatedJob ship = Bpmns.activateOne(client, id + "-ship");

		// when
		client.newThrowErrorCommand(pay).errorCode("PAYMENT").send().join();

		// then
		Bpmns.awaitInstanceState(engine, instance.getProcessInstanceKey(), "COMPLETED");
		assertThat(elementEvents(engine, instance, "compensated")).contains("COMPLETED");
		assertThat(elementEvents(engine, instance, "ship")).contains("TERMINATED");
		assertThat(engine.engine().queries().jobs(QueryFilter.any().withJobType(id + "-ship"), 0, 1).items()).isEmpty();
		assertThat(ship.getKey()).isNotEqualTo(pay.getKey());
	}

	@Test
	void shouldCatchAnErrorEndEventAtTheSubprocessBoundary(CamundaClient client, TestEngine engine) {
		// given
		String id = Bpmns.randomId();
		Bpmns.deploy(client, Bpmn.createExecutableProcess(id)
			.startEvent()
			.subProcess("sub", (sub) -> sub.embeddedSubProcess().startEvent().endEvent("fail", (e) -> e.error("NOPE")))
			.boundaryEvent("caught", (b) -> b.error("NOPE"))
			.endEvent("handled")
			.moveToActivity("sub")
			.endEvent("normal")
			.done());

		// when
		ProcessInstanceEvent instance = Bpmns.start(client, id, Map.of());

		// then
		Bpmns.awaitInstanceState(engine, instance.getProcessInstanceKey(), "COMPLETED");
		assertThat(elementEvents(engine, instance, "handled")).contains("COMPLETED");
		assertThat(elementEvents(engine, instance, "normal")).isEmpty();
	}

	@Test
	void shouldRaiseIncidentForAnUnhandledErrorAndRetryTheJobWhenResolved(CamundaClient client, TestEngine engine) {
		// given
		String id = Bpmns.randomId();
		Bpmns.deploy(client,
				Bpmn.createExecutableProcess(id)
					.startEvent()
					.serviceTask("order", (t) -> t.zeebeJobType(id))
					.boundaryEvent("other", (b) -> b.error("OTHER"))
					.endEvent()
					.moveToActivity("order")
					.endEvent()
					.done());
		ProcessInstanceEvent instance = Bpmns.start(client, id, Map.of());
		ActivatedJob job = Bpmns.activateOne(client, id);

		// when
		client.newThrowErrorCommand(job).errorCode("UNKNOWN").errorMessage("boom").send().join();

		// then
		Views.Incident incident = Bpmns.awaitIncident(engine, instance.getProcessInstanceKey());
		assertThat(incident.errorType()).isEqualTo("UNHANDLED_ERROR_EVENT");
		assertThat(incident.errorMessage()).contains("'UNKNOWN'").contains("was not caught");
		assertThat(incident.jobKey()).isEqualTo(job.getKey());

		// when
		client.newResolveIncidentCommand(incident.key()).send().join();
		ActivatedJob again = Bpmns.activateOne(client, id);
		client.newCompleteCommand(again).send().join();

		// then
		assertThat(again.getKey()).isEqualTo(job.getKey());
		Bpmns.awaitInstanceState(engine, instance.getProcessInstanceKey(), "COMPLETED");
	}

	@Test
	void shouldRaiseIncidentForAnUncaughtErrorEndEvent(CamundaClient client, TestEngine engine) {
		// given
		String id = Bpmns.randomId();
		Bpmns.deploy(client,
				Bpmn.createExecutableProcess(id).startEvent().endEvent("fail", (e) -> e.error("NOPE")).done());

		// when
		ProcessInstanceEvent instance = Bpmns.start(client, id, Map.of());

		// then
		Views.Incident incident = Bpmns.awaitIncident(engine, instance.getProcessInstanceKey());
		assertThat(incident.errorType()).isEqualTo("UNHANDLED_ERROR_EVENT");
		assertThat(incident.elementId()).isEqualTo("fail");
	}

	@Test
	void shouldRaiseIncidentNamingTheExpressionWhenAnInputMappingFailsAndRetryOnResolve(CamundaClient client,
			TestEngine engine) {
		// given
		String id = Bpmns.randomId();
		Bpmns.deploy(client,
				Bpmn.createExecutableProcess(id)
					.startEvent()
					.serviceTask("task", (t) -> t.zeebeJobType(id).zeebeInputExpression("assert(x, x != null)", "y"))
					.endEvent()
					.done());
		ProcessInstanceEvent instance = Bpmns.start(client, id, Map.of());

		// when
		Views.Incident incident = Bpmns.awaitIncident(engine, instance.getProcessInstanceKey());

		// then
		assertThat(incident.errorType()).isEqualTo("IO_MAPPING_ERROR");
		assertThat(incident.elementId()).isEqualTo("task");
		assertThat(incident.errorMessage()).contains("assert(x, x != null)");

		// when
		client.newSetVariablesCommand(instance.getProcessInstanceKey()).variables(Map.of("x", 5)).send().join();
		client.newResolveIncidentCommand(incident.key()).send().join();

		// then
		ActivatedJob job = Bpmns.activateOne(client, id);
		assertThat(job.getVariablesAsMap()).containsEntry("y", 5);
	}

	@Test
	void shouldRaiseIncidentWhenAnOutputMappingFailsAndCompleteOnResolve(CamundaClient client, TestEngine engine) {
		// given
		String id = Bpmns.randomId();
		Bpmns.deploy(client,
				Bpmn.createExecutableProcess(id)
					.startEvent()
					.serviceTask("task",
							(t) -> t.zeebeJobType(id).zeebeOutputExpression("assert(result, result != null)", "out"))
					.endEvent()
					.done());
		ProcessInstanceEvent instance = Bpmns.start(client, id, Map.of());
		client.newCompleteCommand(Bpmns.activateOne(client, id)).variables(Map.of("other", 1)).send().join();
		Views.Incident incident = Bpmns.awaitIncident(engine, instance.getProcessInstanceKey());
		assertThat(incident.errorType()).isEqualTo("IO_MAPPING_ERROR");

		// when
		client.newSetVariablesCommand(incident.elementInstanceKey())
			.variables(Map.of("result", "ok"))
			.local(true)
			.send()
			.join();
		client.newResolveIncidentCommand(incident.key()).send().join();

		// then
		Bpmns.awaitInstanceState(engine, instance.getProcessInstanceKey(), "COMPLETED");
	}

	@Test
	void shouldRaiseIncidentWhenAScriptFails(CamundaClient client, TestEngine engine) {
		// given
		String id = Bpmns.randomId();
		Bpmns.deploy(client,
				Bpmn.createExecutableProcess(id)
					.startEvent()
					.scriptTask("calc", (s) -> s.zeebeExpression("assert(n, n > 0)").zeebeResultVariable("r"))
					.endEvent()
					.done());

		// when
		ProcessInstanceEvent instance = Bpmns.start(client, id, Map.of("n", -1));

		// then
		Views.Incident incident = Bpmns.awaitIncident(engine, instance.getProcessInstanceKey());
		assertThat(incident.errorType()).isEqualTo("EXTRACT_VALUE_ERROR");
		assertThat(incident.elementId()).isEqualTo("calc");
		assertThat(incident.errorMessage()).contains("assert(n, n > 0)");
	}

	private static java.util.List<String> elementEvents(TestEngine engine, ProcessInstanceEvent instance,
			String elementId) {
		return engine.engine()
			.queries()
			.history(instance.getProcessInstanceKey(), QueryFilter.any().withState("ELEMENT").withElementId(elementId),
					0, 50)
			.items()
			.stream()
			.map(Views.HistoryEvent::event)
			.toList();
	}

}
