package io.banshi.engine.testing;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import io.banshi.engine.query.QueryFilter;
import io.banshi.engine.query.Views;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.response.DeploymentEvent;
import io.camunda.client.api.response.ProcessInstanceEvent;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import org.awaitility.Awaitility;

/**
 * Small helpers for engine tests: random process ids, deploying, starting, waiting for
 * what the engine's query service shows.
 */
public final class Bpmns {

	private Bpmns() {
	}

	/**
	 * A process id no other test uses.
	 * @return a random id
	 */
	public static String randomId() {
		return "p_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
	}

	public static DeploymentEvent deploy(CamundaClient client, BpmnModelInstance model) {
		return client.newDeployResourceCommand().addProcessModel(model, "process.bpmn").send().join();
	}

	public static ProcessInstanceEvent start(CamundaClient client, String processId, Object variables) {
		return client.newCreateInstanceCommand()
			.bpmnProcessId(processId)
			.latestVersion()
			.variables(variables)
			.send()
			.join();
	}

	/**
	 * Activates exactly one job of a type, waiting up to 10 s for it.
	 * @param client the client
	 * @param type the job type
	 * @return the job
	 */
	public static ActivatedJob activateOne(CamundaClient client, String type) {
		return activateOne(client, type, Duration.ofMinutes(5));
	}

	public static ActivatedJob activateOne(CamundaClient client, String type, Duration timeout) {
		List<ActivatedJob> jobs = client.newActivateJobsCommand()
			.jobType(type)
			.maxJobsToActivate(1)
			.timeout(timeout)
			.workerName("test-worker")
			.requestTimeout(Duration.ofSeconds(10))
			.send()
			.join()
			.getJobs();
		if (jobs.isEmpty()) {
			throw new AssertionError("Expected a job of type " + type + " within 10 s, but none came");
		}
		return jobs.get(0);
	}

	/**
	 * Waits until the instance has an incident and returns it.
	 * @param engine the engine
	 * @param processInstanceKey the instance
	 * @return the first incident
	 */
	public static Views.Incident awaitIncident(TestEngine engine, long processInstanceKey) {
		return await(() -> {
			List<Views.Incident> incidents = engine.engine()
				.queries()
				.incidents(QueryFilter.any().withProcessInstanceKey(processInstanceKey), 0, 10)
				.items();
			return incidents.isEmpty() ? null : incidents.get(0);
		});
	}

	/**
	 * Waits until the instance is in the given state.
	 * @param engine the engine
	 * @param processInstanceKey the instance
	 * @param state ACTIVE, COMPLETED or TERMINATED
	 */
	public static void awaitInstanceState(TestEngine engine, long processInstanceKey, String state) {
		await(() -> {
			List<Views.ProcessInstance> instances = engine.engine()
				.queries()
				.processInstances(QueryFilter.any().withProcessInstanceKey(processInstanceKey), 0, 1)
				.items();
			return (!instances.isEmpty() && instances.get(0).state().equals(state)) ? Boolean.TRUE : null;
		});
	}

	public static String instanceState(TestEngine engine, long processInstanceKey) {
		return engine.engine()
			.queries()
			.processInstances(QueryFilter.any().withProcessInstanceKey(processInstanceKey), 0, 1)
			.items()
			.get(0)
			.state();
	}

	public static <T> T await(Supplier<T> probe) {
		return Awaitility.await()
			.atMost(Duration.ofSeconds(15))
			.pollInterval(Duration.ofMillis(25))
			.until(probe::get, (value) -> value != null);
	}

}
