package io.banshi.engine;

import java.util.ArrayList;
import java.util.List;
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
 * Multi-instance activities: parallel and sequential, on tasks and subprocesses, with
 * input and output collections and a completion condition.
 */
@ExtendWith(EngineExtension.class)
class MultiInstanceTest {

	@Test
	void shouldRunAParallelTaskPerItemAndCollectTheOutputsInOrder(CamundaClient client) {
		// given
		String id = Bpmns.randomId();
		Bpmns.deploy(client,
				Bpmn.createExecutableProcess(id)
					.startEvent()
					.serviceTask("ask",
							(t) -> t.zeebeJobType(id)
								.multiInstance((m) -> m.parallel()
									.zeebeInputCollectionExpression("friends")
									.zeebeInputElement("friend")
									.zeebeOutputCollection("answers")
									.zeebeOutputElementExpression("answer")))
					.endEvent()
					.done());
		var result = client.newCreateInstanceCommand()
			.bpmnProcessId(id)
			.latestVersion()
			.variables(Map.of("friends", List.of("ann", "bo", "cy")))
			.withResult()
			.send();

		// when: all three jobs exist at once; they complete in reverse order
		List<ActivatedJob> jobs = activate(client, id, 3);
		assertThat(jobs).hasSize(3);
		for (int i = jobs.size() - 1; i >= 0; i--) {
			ActivatedJob job = jobs.get(i);
			client.newCompleteCommand(job)
				.variables(Map.of("answer", "yes from " + job.getVariablesAsMap().get("friend")))
				.send()
				.join();
		}

		// then
		assertThat(jobs).extracting((job) -> job.getVariablesAsMap().get("friend"))
			.containsExactlyInAnyOrder("ann", "bo", "cy");
		assertThat(result.join().getVariablesAsMap().get("answers"))
			.isEqualTo(List.of("yes from ann", "yes from bo", "yes from cy"));
	}

	@Test
	void shouldRunASequentialTaskOneAtATimeWithLoopCounter(CamundaClient client, TestEngine engine) {
		// given
		String id = Bpmns.randomId();
		Bpmns.deploy(client,
				Bpmn.createExecutableProcess(id)
					.startEvent()
					.serviceTask("step",
							(t) -> t.zeebeJobType(id)
								.multiInstance((m) -> m.sequential()
									.zeebeInputCollectionExpression("[10, 20, 30]")
									.zeebeInputElement("amount")))
					.endEvent()
					.done());
		ProcessInstanceEvent instance = Bpmns.start(client, id, Map.of());
		List<Object> seen = new ArrayList<>();

		// when
		for (int i = 0; i < 3; i++) {
			List<ActivatedJob> jobs = activate(client, id, 3);
			assertThat(jobs).hasSize(1);
			Map<String, Object> variables = jobs.get(0).getVariablesAsMap();
			seen.add(variables.get("loopCounter") + ":" + variables.get("amount"));
			client.newCompleteCommand(jobs.get(0)).send().join();
		}

		// then
		assertThat(seen).containsExactly("1:10", "2:20", "3:30");
		Bpmns.awaitInstanceState(engine, instance.getProcessInstanceKey(), "COMPLETED");
	}

	@Test
	void shouldCompleteEarlyWhenTheCompletionConditionHolds(CamundaClient client, TestEngine engine) {
		// given
		String id = Bpmns.randomId();
		Bpmns.deploy(client,
				Bpmn.createExecutableProcess(id)
					.startEvent()
					.serviceTask("quote",
							(t) -> t.zeebeJobType(id)
								.multiInstance((m) -> m.parallel()
									.zeebeInputCollectionExpression("shops")
									.completionCondition("= numberOfCompletedInstances >= 2")))
					.endEvent()
					.done());
		ProcessInstanceEvent instance = Bpmns.start(client, id, Map.of("shops", List.of("a", "b", "c")));
		List<ActivatedJob> jobs = activate(client, id, 3);

		// when
		client.newCompleteCommand(jobs.get(0)).send().join();
		client.newCompleteCommand(jobs.get(1)).send().join();

		// then
		Bpmns.awaitInstanceState(engine, instance.getProcessInstanceKey(), "COMPLETED");
		assertThat(engine.engine().queries().jobs(QueryFilter.any().withJobType(id), 0, 10).total()).isZero();
	}

	@Test
	void shouldRunAParallelSubprocessPerItem(CamundaClient client) {
		// given
		String id = Bpmns.randomId();
		Bpmns.deploy(client,
				Bpmn.createExecutableProcess(id)
					.startEvent()
					.subProcess("each",
							(s) -> s
								.multiInstance((m) -> m.parallel()
									.zeebeInputCollectionExpression("numbers")
									.zeebeInputElement("n")
									.zeebeOutputCollection("squares")
									.zeebeOutputElementExpression("n * n"))
								.embeddedSubProcess()
								.startEvent()
								.scriptTask("square", (t) -> t.zeebeExpression("n * n").zeebeResultVariable("square"))
								.endEvent())
					.endEvent()
					.done());

		// when
		ProcessInstanceResult result = client.newCreateInstanceCommand()
			.bpmnProcessId(id)
			.latestVersion()
			.variables(Map.of("numbers", List.of(2, 3, 4)))
			.withResult()
			.send()
			.join();

		// then
		assertThat(result.getVariablesAsMap().get("squares")).isEqualTo(List.of(4, 9, 16));
		assertThat(result.getVariablesAsMap()).doesNotContainKeys("n", "loopCounter");
	}

	@Test
	void shouldKeepAResultLocalToEachInnerInstanceWithAnInputMapping(CamundaClient client) {
		// given: as Zeebe recommends, an input mapping makes 'square' local to each inner
		// instance, so the parallel scripts do not overwrite one shared variable
		String id = Bpmns.randomId();
		Bpmns.deploy(client,
				Bpmn.createExecutableProcess(id)
					.startEvent()
					.subProcess("each",
							(s) -> s.zeebeInputExpression("null", "square")
								.multiInstance((m) -> m.parallel()
									.zeebeInputCollectionExpression("numbers")
									.zeebeInputElement("n")
									.zeebeOutputCollection("squares")
									.zeebeOutputElementExpression("square"))
								.embeddedSubProcess()
								.startEvent()
								.scriptTask("square", (t) -> t.zeebeExpression("n * n").zeebeResultVariable("square"))
								.endEvent())
					.endEvent()
					.done());

		// when
		ProcessInstanceResult result = client.newCreateInstanceCommand()
			.bpmnProcessId(id)
			.latestVersion()
			.variables(Map.of("numbers", List.of(2, 3, 4)))
			.withResult()
			.send()
			.join();

		// then
		assertThat(result.getVariablesAsMap().get("squares")).isEqualTo(List.of(4, 9, 16));
		assertThat(result.getVariablesAsMap()).doesNotContainKey("square");
	}

	@Test
	void shouldPassAnEmptyCollectionStraightThrough(CamundaClient client) {
		// given
		String id = Bpmns.randomId();
		Bpmns.deploy(client,
				Bpmn.createExecutableProcess(id)
					.startEvent()
					.serviceTask("never",
							(t) -> t.zeebeJobType(id)
								.multiInstance((m) -> m.parallel()
									.zeebeInputCollectionExpression("items")
									.zeebeOutputCollection("out")
									.zeebeOutputElementExpression("x")))
					.endEvent()
					.done());

		// when
		ProcessInstanceResult result = client.newCreateInstanceCommand()
			.bpmnProcessId(id)
			.latestVersion()
			.variables(Map.of("items", List.of()))
			.withResult()
			.send()
			.join();

		// then
		assertThat(result.getVariablesAsMap().get("out")).isEqualTo(List.of());
	}

	@Test
	void shouldRaiseAnIncidentWhenTheInputCollectionIsNoList(CamundaClient client, TestEngine engine) {
		// given
		String id = Bpmns.randomId();
		Bpmns.deploy(client,
				Bpmn.createExecutableProcess(id)
					.startEvent()
					.serviceTask("task",
							(t) -> t.zeebeJobType(id).multiInstance((m) -> m.zeebeInputCollectionExpression("items")))
					.endEvent()
					.done());

		// when
		ProcessInstanceEvent instance = Bpmns.start(client, id, Map.of("items", "not a list"));

		// then
		var incident = Bpmns.awaitIncident(engine, instance.getProcessInstanceKey());
		assertThat(incident.errorType()).isEqualTo("EXTRACT_VALUE_ERROR");
		assertThat(incident.errorMessage()).contains("ARRAY");
	}

	private static List<ActivatedJob> activate(CamundaClient client, String type, int max) {
		return client.newActivateJobsCommand().jobType(type).maxJobsToActivate(max).send().join().getJobs();
	}

}
