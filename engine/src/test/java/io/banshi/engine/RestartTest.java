package io.banshi.engine;

import java.time.Duration;
import java.util.Map;

import io.banshi.engine.testing.Bpmns;
import io.banshi.engine.testing.TestEngine;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.response.ProcessInstanceEvent;
import io.camunda.zeebe.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RestartTest {

	@Test
	void shouldContinueAProcessAfterTheEngineRestartsHalfwayThrough() {
		try (TestEngine engine = TestEngine.start("restart")) {
			// given
			String id = Bpmns.randomId();
			long instanceKey;
			long abandonedJobKey;
			try (CamundaClient client = engine.newClient()) {
				Bpmns.deploy(client,
						Bpmn.createExecutableProcess(id)
							.startEvent()
							.serviceTask("first", (t) -> t.zeebeJobType(id + "-first"))
							.serviceTask("second", (t) -> t.zeebeJobType(id + "-second"))
							.endEvent()
							.done());
				ProcessInstanceEvent instance = Bpmns.start(client, id, Map.of("step", 0));
				instanceKey = instance.getProcessInstanceKey();
				client.newCompleteCommand(Bpmns.activateOne(client, id + "-first"))
					.variables(Map.of("step", 1))
					.send()
					.join();
				// A worker takes the second job and dies with the engine.
				abandonedJobKey = Bpmns.activateOne(client, id + "-second", Duration.ofMillis(500)).getKey();
			}

			// when
			engine.restart();

			// then
			try (CamundaClient client = engine.newClient()) {
				ActivatedJob second = Bpmns.activateOne(client, id + "-second");
				assertThat(second.getKey()).isEqualTo(abandonedJobKey);
				assertThat(second.getVariablesAsMap()).containsEntry("step", 1);
				client.newCompleteCommand(second).send().join();
				Bpmns.awaitInstanceState(engine, instanceKey, "COMPLETED");
				ProcessInstanceEvent afterRestart = Bpmns.start(client, id, Map.of());
				assertThat(afterRestart.getProcessInstanceKey()).isGreaterThan(instanceKey);
			}
		}
	}

}
