package io.banshi.engine;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import io.banshi.engine.testing.Bpmns;
import io.banshi.engine.testing.EngineExtension;
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

/**
 * Bad requests get a clear error and change nothing; big but allowed values go through.
 */
@ExtendWith(EngineExtension.class)
class BadInputTest {

	@Test
	void shouldRejectCompletionVariablesThatAreNotAJsonObjectAndKeepTheJob(CamundaClient client) {
		// given
		String id = JobTest.oneTask(client);
		Bpmns.start(client, id, Map.of());
		ActivatedJob job = Bpmns.activateOne(client, id);

		// when / then
		assertThatThrownBy(() -> client.newCompleteCommand(job).variables("[\"not\", \"an object\"]").send().join())
			.isInstanceOfSatisfying(ClientStatusException.class, (ex) -> {
				assertThat(ex.getStatusCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
				assertThat(ex.getMessage()).contains("Property 'variables' is invalid");
			});
		client.newCompleteCommand(job).send().join();
	}

	@Test
	void shouldRejectActivationWithoutAJobType(CamundaClient client) {
		assertThatThrownBy(() -> client.newActivateJobsCommand().jobType(" ").maxJobsToActivate(1).send().join())
			.isInstanceOfSatisfying(ClientStatusException.class,
					(ex) -> assertThat(ex.getStatusCode()).isEqualTo(Status.Code.INVALID_ARGUMENT));
	}

	@Test
	void shouldRejectResourcesThatAreNotBpmn(CamundaClient client) {
		assertThatThrownBy(() -> client.newDeployResourceCommand()
			.addResourceString("{}", StandardCharsets.UTF_8, "form.form")
			.send()
			.join()).isInstanceOfSatisfying(ClientStatusException.class, (ex) -> {
				assertThat(ex.getStatusCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
				assertThat(ex.getMessage()).contains("'form.form'").contains("not supported");
			});
	}

	@Test
	void shouldKeepALargeVariableIntact(CamundaClient client) {
		// given
		String id = JobTest.oneTask(client);
		String large = "大".repeat(700_000);

		// when
		ProcessInstanceEvent instance = Bpmns.start(client, id, Map.of("large", large));
		ActivatedJob job = Bpmns.activateOne(client, id);

		// then
		assertThat(job.getProcessInstanceKey()).isEqualTo(instance.getProcessInstanceKey());
		assertThat(job.getVariable("large")).isEqualTo(large);
		client.newCompleteCommand(job).send().join();
	}

	@Test
	void shouldRunSendAndBusinessRuleTasksAsJobs(CamundaClient client) {
		// given
		String id = Bpmns.randomId();
		Bpmns.deploy(client,
				Bpmn.createExecutableProcess(id)
					.startEvent()
					.sendTask("notify", (t) -> t.zeebeJobType(id + "-send"))
					.businessRuleTask("decide", (t) -> t.zeebeJobType(id + "-rule"))
					.endEvent()
					.done());
		Bpmns.start(client, id, Map.of());

		// when
		ActivatedJob send = Bpmns.activateOne(client, id + "-send");
		client.newCompleteCommand(send).send().join();
		ActivatedJob rule = Bpmns.activateOne(client, id + "-rule");

		// then
		assertThat(send.getElementId()).isEqualTo("notify");
		assertThat(rule.getElementId()).isEqualTo("decide");
	}

}
