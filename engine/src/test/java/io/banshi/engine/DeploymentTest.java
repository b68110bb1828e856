package io.banshi.engine;

import java.nio.charset.StandardCharsets;

import io.banshi.engine.query.QueryFilter;
import io.banshi.engine.testing.Bpmns;
import io.banshi.engine.testing.EngineExtension;
import io.banshi.engine.testing.TestEngine;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ClientStatusException;
import io.camunda.client.api.response.DeploymentEvent;
import io.camunda.client.api.response.Process;
import io.camunda.client.api.response.Topology;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.grpc.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ExtendWith(EngineExtension.class)
class DeploymentTest {

	@Test
	void shouldReportOneHealthyPartition(CamundaClient client, TestEngine engine) {
		// when
		Topology topology = client.newTopologyRequest().send().join();

		// then
		assertThat(topology.getClusterSize()).isEqualTo(1);
		assertThat(topology.getPartitionsCount()).isEqualTo(1);
		assertThat(topology.getBrokers()).hasSize(1);
		assertThat(topology.getBrokers().get(0).getPartitions().get(0).getPartitionId()).isEqualTo(1);
		assertThat(topology.getBrokers().get(0).getPartitions().get(0).isLeader()).isTrue();
		assertThat(topology.getBrokers().get(0).getPort()).isEqualTo(engine.port());
	}

	@Test
	void shouldKeepVersionWhenTheSameResourceIsDeployedAgain(CamundaClient client) {
		// given
		String id = Bpmns.randomId();
		BpmnModelInstance model = Bpmn.createExecutableProcess(id).startEvent().endEvent().done();
		Process first = Bpmns.deploy(client, model).getProcesses().get(0);

		// when
		Process second = Bpmns.deploy(client, model).getProcesses().get(0);

		// then
		assertThat(first.getVersion()).isEqualTo(1);
		assertThat(second.getVersion()).isEqualTo(1);
		assertThat(second.getProcessDefinitionKey()).isEqualTo(first.getProcessDefinitionKey());
	}

	@Test
	void shouldIncrementVersionWhenContentChanges(CamundaClient client) {
		// given
		String id = Bpmns.randomId();
		Process first = Bpmns.deploy(client, Bpmn.createExecutableProcess(id).startEvent().endEvent().done())
			.getProcesses()
			.get(0);

		// when
		Process second = Bpmns.deploy(client, Bpmn.createExecutableProcess(id).startEvent().endEvent("changed").done())
			.getProcesses()
			.get(0);

		// then
		assertThat(second.getVersion()).isEqualTo(2);
		assertThat(second.getProcessDefinitionKey()).isNotEqualTo(first.getProcessDefinitionKey());
	}

	@Test
	void shouldUseZeebeKeysWithPartitionOneInTheHighBits(CamundaClient client) {
		// when
		DeploymentEvent deployment = Bpmns.deploy(client,
				Bpmn.createExecutableProcess(Bpmns.randomId()).startEvent().endEvent().done());

		// then
		assertThat(deployment.getKey() >> 51).isEqualTo(1);
		assertThat(deployment.getProcesses().get(0).getProcessDefinitionKey() >> 51).isEqualTo(1);
	}

	@Test
	void shouldDeploySeveralResourcesInOneRequest(CamundaClient client) {
		// given
		String a = Bpmns.randomId();
		String b = Bpmns.randomId();

		// when
		DeploymentEvent deployment = client.newDeployResourceCommand()
			.addProcessModel(Bpmn.createExecutableProcess(a).startEvent().endEvent().done(), "a.bpmn")
			.addProcessModel(Bpmn.createExecutableProcess(b).startEvent().endEvent().done(), "b.bpmn")
			.send()
			.join();

		// then
		assertThat(deployment.getProcesses()).extracting(Process::getBpmnProcessId).containsExactly(a, b);
		assertThat(deployment.getProcesses()).extracting(Process::getResourceName).containsExactly("a.bpmn", "b.bpmn");
	}

	@Test
	void shouldRejectAProcessThatCannotRunListingEveryProblem(CamundaClient client, TestEngine engine) {
		// given
		String id = Bpmns.randomId();
		BpmnModelInstance model = Bpmn.createExecutableProcess(id)
			.startEvent()
			.serviceTask("noType")
			.exclusiveGateway("deadEnd")
			.moveToNode("noType")
			.scriptTask("badFeel", (s) -> s.zeebeExpression("1 +* 2").zeebeResultVariable("x"))
			.intermediateCatchEvent("signal", (e) -> e.signal("s"))
			.endEvent()
			.done();

		// when / then
		assertThatThrownBy(() -> Bpmns.deploy(client, model)).isInstanceOfSatisfying(ClientStatusException.class,
				(ex) -> {
					assertThat(ex.getStatusCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
					assertThat(ex.getMessage()).contains(
							"Command 'CREATE' rejected with code 'INVALID_ARGUMENT': Expected to deploy new resources")
						.contains("Element: noType")
						.contains("Element: deadEnd")
						.contains("outgoing sequence flow")
						.contains("Element: badFeel")
						.contains("Element: signal")
						.contains("not supported");
				});
		assertThat(engine.engine().queries().processDefinitions(QueryFilter.any().withBpmnProcessId(id), 0, 10).total())
			.isZero();
	}

	@Test
	void shouldStoreNothingWhenOneOfSeveralResourcesIsInvalid(CamundaClient client, TestEngine engine) {
		// given
		String good = Bpmns.randomId();

		// when / then
		assertThatThrownBy(() -> client.newDeployResourceCommand()
			.addProcessModel(Bpmn.createExecutableProcess(good).startEvent().endEvent().done(), "good.bpmn")
			.addResourceString("<definitions>not bpmn", StandardCharsets.UTF_8, "broken.bpmn")
			.send()
			.join()).isInstanceOfSatisfying(ClientStatusException.class, (ex) -> {
				assertThat(ex.getStatusCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
				assertThat(ex.getMessage()).contains("'broken.bpmn'");
			});
		assertThat(
				engine.engine().queries().processDefinitions(QueryFilter.any().withBpmnProcessId(good), 0, 10).total())
			.isZero();
	}

	@Test
	void shouldAnswerUnimplementedForRpcsOutsideThisEngine(CamundaClient client) {
		// when / then
		assertThatThrownBy(() -> client.newBroadcastSignalCommand().signalName("s").send().join())
			.isInstanceOfSatisfying(ClientStatusException.class, (ex) -> {
				assertThat(ex.getStatusCode()).isEqualTo(Status.Code.UNIMPLEMENTED);
				assertThat(ex.getMessage()).contains("does not implement BroadcastSignal");
			});
	}

}
