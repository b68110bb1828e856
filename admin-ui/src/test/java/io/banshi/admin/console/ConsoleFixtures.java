package io.banshi.admin.console;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import io.banshi.db.TestDatabase;
import io.banshi.engine.query.EngineQueries;
import io.banshi.engine.query.QueryFilter;
import io.banshi.engine.query.Views;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Journeys for console tests, made through the Camunda client against the application's
 * engine: a random process id per test, a service task whose job a test fails.
 */
public final class ConsoleFixtures {

	/** The admin password the console tests configure (used on MariaDB). */
	public static final String ADMIN_PASSWORD = "console-admin-secret";

	private ConsoleFixtures() {
	}

	/**
	 * The admin's password on the configured test database.
	 * @return admin on H2, {@link #ADMIN_PASSWORD} otherwise
	 */
	public static String adminPassword() {
		return (TestDatabase.configuredKind() == TestDatabase.Kind.H2) ? "admin" : ADMIN_PASSWORD;
	}

	/**
	 * A deployed process: start, one service task {@code charge}, end.
	 *
	 * @param processId the process id
	 * @param jobType the task's job type
	 */
	public record Process(String processId, String jobType) {
	}

	/**
	 * Deploys a new process with a random id.
	 * @param client the client
	 * @return the process
	 */
	public static Process deploy(CamundaClient client) {
		String suffix = UUID.randomUUID().toString().substring(0, 8);
		String processId = "pay_" + suffix;
		String jobType = "charge-" + suffix;
		BpmnModelInstance model = Bpmn.createExecutableProcess(processId)
			.startEvent("start")
			.serviceTask("charge", (task) -> task.zeebeJobType(jobType))
			.endEvent("end")
			.done();
		client.newDeployResourceCommand().addProcessModel(model, processId + ".bpmn").send().join();
		return new Process(processId, jobType);
	}

	/**
	 * Starts a journey of the process.
	 * @param client the client
	 * @param process the process
	 * @param variablesJson its variables
	 * @return the process instance key
	 */
	public static long start(CamundaClient client, Process process, String variablesJson) {
		return client.newCreateInstanceCommand()
			.bpmnProcessId(process.processId())
			.latestVersion()
			.variables(variablesJson)
			.send()
			.join()
			.getProcessInstanceKey();
	}

	/**
	 * Activates the process's jobs and fails each with no retries left, which raises an
	 * incident per journey.
	 * @param client the client
	 * @param process the process
	 * @param count how many jobs to fail
	 * @param message the error message
	 */
	public static void failJobs(CamundaClient client, Process process, int count, String message) {
		int failed = 0;
		while (failed < count) {
			List<ActivatedJob> jobs = client.newActivateJobsCommand()
				.jobType(process.jobType())
				.maxJobsToActivate(count - failed)
				.workerName("test-worker")
				.timeout(Duration.ofMinutes(5))
				.requestTimeout(Duration.ofSeconds(10))
				.send()
				.join()
				.getJobs();
			for (ActivatedJob job : jobs) {
				client.newFailCommand(job.getKey()).retries(0).errorMessage(message).send().join();
				failed++;
			}
		}
	}

	/**
	 * Waits until the journey has an open incident.
	 * @param queries the query service
	 * @param key the process instance key
	 * @return the incident
	 */
	public static Views.Incident incidentOf(EngineQueries queries, long key) {
		return until(() -> {
			List<Views.Incident> incidents = queries.incidents(QueryFilter.any().withProcessInstanceKey(key), 0, 10)
				.items();
			return incidents.isEmpty() ? null : incidents.get(0);
		});
	}

	/**
	 * Adds an account with the given role and a plain password.
	 * @param jdbc the database
	 * @param username the user name
	 * @param password the password
	 * @param role the role
	 */
	public static void account(JdbcTemplate jdbc, String username, String password, String role) {
		jdbc.update("INSERT INTO app_user (username, password_hash) VALUES (?, ?)", username, "{noop}" + password);
		Long id = jdbc.queryForObject("SELECT id FROM app_user WHERE username = ?", Long.class, username);
		jdbc.update("INSERT INTO app_user_role (user_id, role) VALUES (?, ?)", id, role);
	}

	/**
	 * Polls until the supplier gives a value; the engine processes commands
	 * asynchronously to some readers. Gives up after a minute.
	 * @param <T> the value type
	 * @param supplier gives the value or {@code null}
	 * @return the value
	 */
	public static <T> T until(Supplier<T> supplier) {
		long giveUp = System.nanoTime() + Duration.ofMinutes(1).toNanos();
		while (true) {
			T value = supplier.get();
			if (value != null) {
				return value;
			}
			if (System.nanoTime() > giveUp) {
				throw new AssertionError("Condition not met within a minute");
			}
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
	}

}
