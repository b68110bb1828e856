package io.banshi.engine;

import java.util.Map;

import io.banshi.engine.query.EngineQueries;
import io.banshi.engine.query.Page;
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
class QueryServiceTest {

	@Test
	void shouldPageAndFilterInstancesElementsJobsIncidentsAndHistory(CamundaClient client, TestEngine engine) {
		// given
		String id = Bpmns.randomId();
		Bpmns.deploy(client,
				Bpmn.createExecutableProcess(id)
					.startEvent()
					.serviceTask("book", (t) -> t.zeebeJobType(id))
					.endEvent()
					.done());
		ProcessInstanceEvent failing = Bpmns.start(client, id, Map.of("city", "Shanghai"));
		for (int i = 0; i < 4; i++) {
			Bpmns.start(client, id, Map.of("city", "Beijing"));
		}
		ActivatedJob job = client.newActivateJobsCommand()
			.jobType(id)
			.maxJobsToActivate(1)
			.fetchVariables("city")
			.send()
			.join()
			.getJobs()
			.stream()
			.filter((j) -> j.getProcessInstanceKey() == failing.getProcessInstanceKey())
			.findFirst()
			.orElseGet(() -> Bpmns.activateOne(client, id));
		client.newFailCommand(job).retries(0).errorMessage("flight sold out").send().join();
		Bpmns.awaitIncident(engine, job.getProcessInstanceKey());
		EngineQueries queries = engine.engine().queries();

		// when
		Page<Views.ProcessInstance> firstPage = queries.processInstances(QueryFilter.any().withBpmnProcessId(id), 0, 2);
		Page<Views.ProcessInstance> lastPage = queries.processInstances(QueryFilter.any().withBpmnProcessId(id), 2, 2);
		Page<Views.ProcessInstance> shanghai = queries
			.processInstances(QueryFilter.any().withBpmnProcessId(id).withVariable("city", "\"Shanghai\""), 0, 10);
		Page<Views.Incident> incidents = queries.incidents(QueryFilter.any().withErrorText("sold out"), 0, 10);
		Page<Views.Job> failed = queries.jobs(QueryFilter.any().withJobType(id).withState("FAILED"), 0, 10);
		Page<Views.Job> activatable = queries.jobs(QueryFilter.any().withJobType(id).withState("ACTIVATABLE"), 0, 10);
		Page<Views.ElementInstance> tasks = queries.elementInstances(
				QueryFilter.any().withProcessInstanceKey(job.getProcessInstanceKey()).withElementId("book"), 0, 10);
		Page<Views.HistoryEvent> jobHistory = queries.history(job.getProcessInstanceKey(),
				QueryFilter.any().withState("JOB"), 0, 10);
		Page<Views.ProcessDefinition> definitions = queries.processDefinitions(QueryFilter.any().withBpmnProcessId(id),
				0, 10);

		// then
		assertThat(firstPage.total()).isEqualTo(5);
		assertThat(firstPage.items()).hasSize(2).allSatisfy((instance) -> {
			assertThat(instance.endTime()).as("a running journey has no end").isNull();
			assertThat(instance.startTime()).isPositive();
		});
		assertThat(lastPage.items()).hasSize(1);
		assertThat(shanghai.items()).extracting(Views.ProcessInstance::key)
			.containsExactly(failing.getProcessInstanceKey());
		assertThat(incidents.items()).extracting(Views.Incident::jobKey).containsExactly(job.getKey());
		assertThat(failed.items()).extracting(Views.Job::key).containsExactly(job.getKey());
		assertThat(activatable.total()).isEqualTo(4);
		assertThat(tasks.items()).singleElement().satisfies((element) -> {
			assertThat(element.elementType()).isEqualTo("SERVICE_TASK");
			assertThat(element.state()).isEqualTo("ACTIVATED");
		});
		assertThat(jobHistory.items()).extracting(Views.HistoryEvent::event)
			.containsExactly("CREATE", "ACTIVATE", "FAIL");
		assertThat(jobHistory.items().get(2).detail()).isEqualTo("flight sold out");
		assertThat(jobHistory.items().get(1).actor()).isEqualTo("default");
		assertThat(jobHistory.items().get(2).actor()).as("the worker that held the job").isEqualTo("default");
		assertThat(definitions.items()).singleElement()
			.satisfies((definition) -> assertThat(definition.version()).isEqualTo(1));
	}

}
