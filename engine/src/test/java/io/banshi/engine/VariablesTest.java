package io.banshi.engine;

import java.util.List;
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
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.grpc.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ExtendWith(EngineExtension.class)
class VariablesTest {

	@Test
	void shouldMergeJobVariablesIntoTheRootScopeWithoutOutputMappings(CamundaClient client, TestEngine engine) {
		// given
		String id = Bpmns.randomId();
		Bpmns.deploy(client,
				Bpmn.createExecutableProcess(id)
					.startEvent()
					.subProcess("sub",
							(sub) -> sub.embeddedSubProcess()
								.startEvent()
								.serviceTask("task", (t) -> t.zeebeJobType(id))
								.endEvent())
					.serviceTask("after", (t) -> t.zeebeJobType(id + "-after"))
					.endEvent()
					.done());
		ProcessInstanceEvent instance = Bpmns.start(client, id, Map.of("existing", 1));

		// when
		client.newCompleteCommand(Bpmns.activateOne(client, id))
			.variables(Map.of("existing", 2, "fresh", "new"))
			.send()
			.join();

		// then
		ActivatedJob after = Bpmns.activateOne(client, id + "-after");
		assertThat(after.getVariablesAsMap()).containsEntry("existing", 2).containsEntry("fresh", "new");
		assertThat(variablesByScope(engine, instance.getProcessInstanceKey()).get(instance.getProcessInstanceKey()))
			.containsKeys("existing", "fresh");
	}

	@Test
	void shouldSetAVariableInTheNearestScopeThatHasIt(CamundaClient client, TestEngine engine) {
		// given
		String id = Bpmns.randomId();
		Bpmns.deploy(client,
				Bpmn.createExecutableProcess(id)
					.startEvent()
					.subProcess("sub",
							(sub) -> sub.zeebeInputExpression("0", "counter")
								.embeddedSubProcess()
								.startEvent()
								.serviceTask("task", (t) -> t.zeebeJobType(id))
								.serviceTask("inside", (t) -> t.zeebeJobType(id + "-inside"))
								.endEvent())
					.endEvent()
					.done());
		ProcessInstanceEvent instance = Bpmns.start(client, id, Map.of("counter", 100));

		// when
		client.newCompleteCommand(Bpmns.activateOne(client, id)).variables(Map.of("counter", 1)).send().join();

		// then
		ActivatedJob inside = Bpmns.activateOne(client, id + "-inside");
		assertThat(inside.getVariablesAsMap()).containsEntry("counter", 1);
		Map<Long, Map<String, String>> scopes = variablesByScope(engine, instance.getProcessInstanceKey());
		assertThat(scopes.get(instance.getProcessInstanceKey())).containsEntry("counter", "100");
	}

	@Test
	void shouldMergeOnlyWhatOutputMappingsSay(CamundaClient client, TestEngine engine) {
		// given
		String id = Bpmns.randomId();
		Bpmns.deploy(client,
				Bpmn.createExecutableProcess(id)
					.startEvent()
					.serviceTask("task",
							(t) -> t.zeebeJobType(id)
								.zeebeInputExpression("order.id", "orderId")
								.zeebeOutputExpression("price * 2", "total")
								.zeebeOutputExpression("\"x\"", "order.status"))
					.serviceTask("after", (t) -> t.zeebeJobType(id + "-after"))
					.endEvent()
					.done());
		ProcessInstanceEvent instance = Bpmns.start(client, id, Map.of("order", Map.of("id", 7)));

		// when
		ActivatedJob job = Bpmns.activateOne(client, id);
		client.newCompleteCommand(job).variables(Map.of("price", 21, "noise", true)).send().join();

		// then
		assertThat(job.getVariablesAsMap()).containsEntry("orderId", 7);
		ActivatedJob after = Bpmns.activateOne(client, id + "-after");
		assertThat(after.getVariablesAsMap()).containsEntry("total", 42)
			.containsEntry("order", Map.of("id", 7, "status", "x"))
			.doesNotContainKeys("price", "noise", "orderId");
		assertThat(instance.getProcessInstanceKey()).isPositive();
	}

	@Test
	void shouldSetVariablesLocallyOrPropagated(CamundaClient client, TestEngine engine) {
		// given
		String id = Bpmns.randomId();
		Bpmns.deploy(client,
				Bpmn.createExecutableProcess(id)
					.startEvent()
					.serviceTask("task", (t) -> t.zeebeJobType(id))
					.endEvent()
					.done());
		ProcessInstanceEvent instance = Bpmns.start(client, id, Map.of());
		ActivatedJob job = Bpmns.activateOne(client, id);

		// when
		client.newSetVariablesCommand(job.getElementInstanceKey())
			.variables(Map.of("local", 1))
			.local(true)
			.send()
			.join();
		client.newSetVariablesCommand(job.getElementInstanceKey()).variables(Map.of("global", 2)).send().join();

		// then
		Map<Long, Map<String, String>> scopes = variablesByScope(engine, instance.getProcessInstanceKey());
		assertThat(scopes.get(job.getElementInstanceKey())).containsOnlyKeys("local");
		assertThat(scopes.get(instance.getProcessInstanceKey())).containsKey("global").doesNotContainKey("local");
		assertThat(engine.engine()
			.queries()
			.processInstances(QueryFilter.any().withVariable("global", "2"), 0, 10)
			.items()).extracting(Views.ProcessInstance::key).containsExactly(instance.getProcessInstanceKey());
	}

	@Test
	void shouldRejectSetVariablesOnAnUnknownScope(CamundaClient client) {
		assertThatThrownBy(() -> client.newSetVariablesCommand(42L).variables(Map.of("a", 1)).send().join())
			.isInstanceOfSatisfying(ClientStatusException.class, (ex) -> {
				assertThat(ex.getStatusCode()).isEqualTo(Status.Code.NOT_FOUND);
				assertThat(ex.getMessage()).contains("Expected to update variables for element with key '42'");
			});
	}

	@Test
	void shouldSetFailVariablesLocallyOnTheTask(CamundaClient client, TestEngine engine) {
		// given
		String id = Bpmns.randomId();
		Bpmns.deploy(client,
				Bpmn.createExecutableProcess(id)
					.startEvent()
					.serviceTask("task", (t) -> t.zeebeJobType(id))
					.endEvent()
					.done());
		ProcessInstanceEvent instance = Bpmns.start(client, id, Map.of());
		ActivatedJob job = Bpmns.activateOne(client, id);

		// when
		client.newFailCommand(job).retries(1).variables(Map.of("attempt", 1)).send().join();

		// then
		Map<Long, Map<String, String>> scopes = variablesByScope(engine, instance.getProcessInstanceKey());
		assertThat(scopes.get(job.getElementInstanceKey())).containsEntry("attempt", "1");
		assertThat(Bpmns.activateOne(client, id).getVariablesAsMap()).containsEntry("attempt", 1);
	}

	static Map<Long, Map<String, String>> variablesByScope(TestEngine engine, long processInstanceKey) {
		List<Views.Variable> variables = engine.engine().queries().variables(processInstanceKey);
		Map<Long, Map<String, String>> scopes = new java.util.HashMap<>();
		for (Views.Variable variable : variables) {
			scopes.computeIfAbsent(variable.scopeKey(), (k) -> new java.util.HashMap<>())
				.put(variable.name(), variable.value());
		}
		return scopes;
	}

}
