package io.banshi.engine;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import io.banshi.engine.testing.EngineExtension;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ProcessInstanceResult;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(EngineExtension.class)
class SmokeTest {

	@Test
	void shouldCompleteOneTaskProcessWithWorker(CamundaClient client) {
		// given
		String id = "p" + UUID.randomUUID().toString().replace("-", "");
		BpmnModelInstance model = Bpmn.createExecutableProcess(id)
			.startEvent()
			.serviceTask("task", (t) -> t.zeebeJobType(id + "-work"))
			.endEvent()
			.done();
		client.newDeployResourceCommand().addProcessModel(model, id + ".bpmn").send().join();
		client.newWorker()
			.jobType(id + "-work")
			.handler((jobClient,
					job) -> jobClient.newCompleteCommand(job.getKey()).variables(Map.of("done", true)).send().join())
			.streamEnabled(true)
			.open();

		// when
		ProcessInstanceResult result = client.newCreateInstanceCommand()
			.bpmnProcessId(id)
			.latestVersion()
			.variables(Map.of("a", 1))
			.withResult()
			.requestTimeout(Duration.ofSeconds(10))
			.send()
			.join();

		// then
		assertThat(result.getVariablesAsMap()).containsEntry("done", true).containsEntry("a", 1);
	}

}
