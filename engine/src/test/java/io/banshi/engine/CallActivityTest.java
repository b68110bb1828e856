package io.banshi.engine;

import java.util.Map;

import io.banshi.engine.query.QueryFilter;
import io.banshi.engine.testing.Bpmns;
import io.banshi.engine.testing.EngineExtension;
import io.banshi.engine.testing.TestEngine;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.response.ProcessInstanceEvent;
import io.camunda.client.api.response.ProcessInstanceResult;
import io.camunda.zeebe.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Call activities: one template calling another, variables in and out, cancellation.
 */
@ExtendWith(EngineExtension.class)
class CallActivityTest {

	@Test
	void shouldRunTheCalledProcessWithTheCallersVariablesAndReturnItsVariables(CamundaClient client) {
		// given
		String child = Bpmns.randomId();
		String parent = Bpmns.randomId();
		Bpmns.deploy(client,
				Bpmn.createExecutableProcess(child)
					.startEvent()
					.serviceTask("book", (t) -> t.zeebeJobType(child))
					.endEvent()
					.done());
		Bpmns.deploy(client,
				Bpmn.createExecutableProcess(parent)
					.startEvent()
					.callActivity("callBooking", (c) -> c.zeebeProcessIdExpression("\"" + child + "\""))
					.endEvent()
					.done());
		var result = client.newCreateInstanceCommand()
			.bpmnProcessId(parent)
			.latestVersion()
			.variables(Map.of("city", "Hangzhou"))
			.withResult()
			.send();

		// when
		ActivatedJob job = Bpmns.activateOne(client, child);
		client.newCompleteCommand(job).variables(Map.of("booking", "B-17")).send().join();

		// then
		assertThat(job.getVariablesAsMap()).containsEntry("city", "Hangzhou");
		assertThat(job.getBpmnProcessId()).isEqualTo(child);
		assertThat(result.join().getVariablesAsMap()).containsEntry("booking", "B-17");
	}

	@Test
	void shouldReturnOnlyTheOutputMappingsWhenChildVariablesAreNotPropagated(CamundaClient client) {
		// given
		String child = Bpmns.randomId();
		String parent = Bpmns.randomId();
		Bpmns.deploy(client,
				Bpmn.createExecutableProcess(child)
					.startEvent()
					.scriptTask("compute", (s) -> s.zeebeExpression("n + 1").zeebeResultVariable("m"))
					.scriptTask("noise", (s) -> s.zeebeExpression("\"x\"").zeebeResultVariable("scratch"))
					.endEvent()
					.done());
		Bpmns.deploy(client,
				Bpmn.createExecutableProcess(parent)
					.startEvent()
					.callActivity("call",
							(c) -> c.zeebeProcessId(child)
								.zeebePropagateAllChildVariables(false)
								.zeebeOutputExpression("m", "result"))
					.endEvent()
					.done());

		// when: the child ends within the command that starts it
		ProcessInstanceResult result = client.newCreateInstanceCommand()
			.bpmnProcessId(parent)
			.latestVersion()
			.variables(Map.of("n", 41))
			.withResult()
			.send()
			.join();

		// then
		assertThat(result.getVariablesAsMap()).containsEntry("result", 42).doesNotContainKeys("m", "scratch");
	}

	@Test
	void shouldTerminateTheCalledInstanceWhenTheCallerIsCanceled(CamundaClient client, TestEngine engine) {
		// given
		String child = Bpmns.randomId();
		String parent = Bpmns.randomId();
		Bpmns.deploy(client,
				Bpmn.createExecutableProcess(child)
					.startEvent()
					.serviceTask("wait", (t) -> t.zeebeJobType(child))
					.endEvent()
					.done());
		Bpmns.deploy(client,
				Bpmn.createExecutableProcess(parent)
					.startEvent()
					.callActivity("call", (c) -> c.zeebeProcessId(child))
					.endEvent()
					.done());
		ProcessInstanceEvent instance = Bpmns.start(client, parent, Map.of());
		ActivatedJob job = Bpmns.activateOne(client, child);

		// when
		client.newCancelInstanceCommand(instance.getProcessInstanceKey()).send().join();

		// then
		Bpmns.awaitInstanceState(engine, job.getProcessInstanceKey(), "TERMINATED");
		assertThat(engine.engine().queries().jobs(QueryFilter.any().withJobType(child), 0, 10).total()).isZero();
	}

	@Test
	void shouldRaiseAnIncidentWhenTheCalledProcessIsNotDeployedAndRetryAfterDeployment(CamundaClient client,
			TestEngine engine) {
		// given
		String child = Bpmns.randomId();
		String parent = Bpmns.randomId();
		Bpmns.deploy(client,
				Bpmn.createExecutableProcess(parent)
					.startEvent()
					.callActivity("call", (c) -> c.zeebeProcessId(child))
					.endEvent()
					.done());
		ProcessInstanceEvent instance = Bpmns.start(client, parent, Map.of());
		var incident = Bpmns.awaitIncident(engine, instance.getProcessInstanceKey());
		assertThat(incident.errorType()).isEqualTo("CALLED_ELEMENT_ERROR");

		// when
		Bpmns.deploy(client, Bpmn.createExecutableProcess(child).startEvent().endEvent().done());
		client.newResolveIncidentCommand(incident.key()).send().join();

		// then
		Bpmns.awaitInstanceState(engine, instance.getProcessInstanceKey(), "COMPLETED");
	}

}
