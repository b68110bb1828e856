package io.banshi.engine;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.banshi.engine.internal.state.ElementStatus;
import io.banshi.engine.internal.state.JobStatus;
import io.banshi.engine.internal.state.Lifecycle;
import io.banshi.engine.query.QueryFilter;
import io.banshi.engine.query.Views;
import io.banshi.engine.testing.Bpmns;
import io.banshi.engine.testing.TestEngine;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.response.ProcessInstanceEvent;
import io.camunda.zeebe.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Drives jobs and element instances through every transition their lifecycle tables
 * declare, then reads the history: a declared transition that never happened fails the
 * test (it is either dead or untested).
 */
class LifecycleCoverageTest {

	@Test
	void shouldExerciseEveryDeclaredTransition() throws Exception {
		try (TestEngine engine = TestEngine.start("lifecycle"); CamundaClient client = engine.newClient()) {
			// given
			String id = Bpmns.randomId();
			Bpmns.deploy(client,
					Bpmn.createExecutableProcess(id)
						.startEvent()
						.serviceTask("task", (t) -> t.zeebeJobType(id))
						.boundaryEvent("caught", (b) -> b.error("CAUGHT"))
						.endEvent()
						.moveToActivity("task")
						.endEvent()
						.done());
			String inputFails = Bpmns.randomId();
			Bpmns.deploy(client,
					Bpmn.createExecutableProcess(inputFails)
						.startEvent()
						.serviceTask("task",
								(t) -> t.zeebeJobType(inputFails).zeebeInputExpression("assert(x, x != null)", "y"))
						.endEvent()
						.done());
			String outputFails = Bpmns.randomId();
			Bpmns.deploy(client,
					Bpmn.createExecutableProcess(outputFails)
						.startEvent()
						.serviceTask("task",
								(t) -> t.zeebeJobType(outputFails).zeebeOutputExpression("assert(x, x != null)", "y"))
						.endEvent()
						.done());

			// when: complete after activation; activation times out; complete without
			// activation
			client.newCompleteCommand(activate(client, engine, id)).send().join();
			Bpmns.start(client, id, Map.of());
			long timedOut = Bpmns.activateOne(client, id, Duration.ofMillis(100)).getKey();
			Bpmns.await(() -> jobState(engine, timedOut).equals("ACTIVATABLE") ? true : null);
			client.newCompleteCommand(timedOut).send().join();

			// fail without activation (retries left: recurs at once); fail with back-off
			long unactivated = startAndFindJob(client, engine, id);
			client.newUpdateRetriesCommand(unactivated).retries(2).send().join();
			client.newFailCommand(unactivated).retries(1).send().join();
			ActivatedJob backOff = Bpmns.activateOne(client, id);
			client.newUpdateRetriesCommand(backOff.getKey()).retries(3).send().join();
			client.newUpdateTimeoutCommand(backOff).timeout(Duration.ofMinutes(1)).send().join();
			client.newFailCommand(backOff).retries(1).retryBackoff(Duration.ofMillis(100)).send().join();
			client.newCompleteCommand(Bpmns.activateOne(client, id)).send().join();

			// throw an error that is caught (the job is then canceled with its task)
			client.newThrowErrorCommand(activate(client, engine, id)).errorCode("CAUGHT").send().join();

			// throw an unhandled error without activation; resolve it
			long unhandled = startAndFindJob(client, engine, id);
			client.newThrowErrorCommand(unhandled).errorCode("NOBODY").send().join();
			client.newResolveIncidentCommand(incidentOfJob(engine, unhandled).key()).send().join();
			client.newCompleteCommand(unhandled).send().join();

			// no retries left: update retries while failed, resolve
			ActivatedJob failing = activate(client, engine, id);
			client.newFailCommand(failing).retries(0).send().join();
			client.newUpdateRetriesCommand(failing.getKey()).retries(1).send().join();
			client.newResolveIncidentCommand(incidentOfJob(engine, failing.getKey()).key()).send().join();
			client.newCompleteCommand(failing.getKey()).send().join();

			// cancel instances whose job is activatable, activated, failed, error thrown
			cancel(client, Bpmns.start(client, id, Map.of()));
			ProcessInstanceEvent activated = Bpmns.start(client, id, Map.of());
			Bpmns.activateOne(client, id);
			cancel(client, activated);
			ProcessInstanceEvent failed = Bpmns.start(client, id, Map.of());
			client.newFailCommand(Bpmns.activateOne(client, id)).retries(0).send().join();
			cancel(client, failed);
			ProcessInstanceEvent errorThrown = Bpmns.start(client, id, Map.of());
			client.newThrowErrorCommand(Bpmns.activateOne(client, id)).errorCode("NOBODY").send().join();
			cancel(client, errorThrown);

			// cancel elements stuck in ACTIVATING and COMPLETING
			ProcessInstanceEvent stuckActivating = Bpmns.start(client, inputFails, Map.of());
			Bpmns.awaitIncident(engine, stuckActivating.getProcessInstanceKey());
			cancel(client, stuckActivating);
			ProcessInstanceEvent stuckCompleting = Bpmns.start(client, outputFails, Map.of());
			client.newCompleteCommand(Bpmns.activateOne(client, outputFails)).send().join();
			Bpmns.awaitIncident(engine, stuckCompleting.getProcessInstanceKey());
			cancel(client, stuckCompleting);

			// then
			Set<String> happened = transitions(engine);
			assertThat(missing(JobStatus.LIFECYCLE, "JOB", happened)).as("job transitions never exercised").isEmpty();
			assertThat(missing(ElementStatus.LIFECYCLE, "ELEMENT", happened))
				.as("element instance transitions never exercised")
				.isEmpty();
		}
	}

	private static ActivatedJob activate(CamundaClient client, TestEngine engine, String id) {
		Bpmns.start(client, id, Map.of());
		return Bpmns.activateOne(client, id);
	}

	private static long startAndFindJob(CamundaClient client, TestEngine engine, String id) {
		ProcessInstanceEvent instance = Bpmns.start(client, id, Map.of());
		return engine.engine()
			.queries()
			.jobs(QueryFilter.any().withProcessInstanceKey(instance.getProcessInstanceKey()), 0, 1)
			.items()
			.get(0)
			.key();
	}

	private static void cancel(CamundaClient client, ProcessInstanceEvent instance) {
		client.newCancelInstanceCommand(instance.getProcessInstanceKey()).send().join();
	}

	private static String jobState(TestEngine engine, long jobKey) {
		return engine.engine()
			.queries()
			.jobs(QueryFilter.any(), 0, 1000)
			.items()
			.stream()
			.filter((job) -> job.key() == jobKey)
			.map(Views.Job::state)
			.findFirst()
			.orElse("GONE");
	}

	private static Views.Incident incidentOfJob(TestEngine engine, long jobKey) {
		return Bpmns.await(() -> engine.engine()
			.queries()
			.incidents(QueryFilter.any(), 0, 1000)
			.items()
			.stream()
			.filter((incident) -> incident.jobKey() != null && incident.jobKey() == jobKey)
			.findFirst()
			.orElse(null));
	}

	private static Set<String> transitions(TestEngine engine) throws Exception {
		Set<String> happened = new HashSet<>();
		try (Connection connection = engine.dataSource().getConnection();
				Statement statement = connection.createStatement();
				ResultSet rs = statement
					.executeQuery("SELECT DISTINCT entity, state_before, event, state_after FROM eng_hist_event "
							+ "WHERE entity IN ('JOB', 'ELEMENT')")) {
			while (rs.next()) {
				happened.add(rs.getString(1) + ":" + rs.getString(2) + ":" + rs.getString(3) + ":" + rs.getString(4));
			}
		}
		return happened;
	}

	private static <S extends Enum<S>, E extends Enum<E>> List<String> missing(Lifecycle<S, E> lifecycle, String entity,
			Set<String> happened) {
		return lifecycle.transitions()
			.stream()
			.map((t) -> entity + ":" + t.from() + ":" + t.event() + ":" + t.to())
			.filter((key) -> !happened.contains(key))
			.toList();
	}

}
