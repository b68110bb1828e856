package io.banshi.admin.journeys;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.banshi.admin.console.ConsoleClient;
import io.banshi.admin.console.ConsoleFixtures;
import io.banshi.db.TestDatabase;
import io.camunda.client.CamundaClient;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The journey list with 10,000 journeys; a benchmark, not a test (surefire runs it only
 * when named, its name not ending in Test). It seeds the engine's runtime tables with
 * 10,000 process instances (6,000 completed, 500 canceled, 2,500 running, 500 waiting on
 * a confirm, 500 in incident, each with a variable, the active ones with an element
 * instance and a job) and prints the list's response time over HTTP, logged in, for
 * several filters: median and worst of 20 requests after 5 to warm up.
 *
 * <pre>
 * mvn -B -ntp -pl admin-ui -am verify -Dtest=JourneyListBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 * ... -Pmariadb    # on MariaDB (TestDatabase settings)
 * </pre>
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class JourneyListBenchmark {

	private static final int JOURNEYS = 10_000;

	private static final long BASE = 4_000_000_000_000_000_000L;

	@LocalServerPort
	int port;

	@Autowired
	CamundaClient client;

	@Autowired
	JdbcTemplate jdbc;

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestDatabase.create("journeys_bench")
			.springProperties()
			.forEach((key, value) -> registry.add(key, () -> value));
		registry.add("banshi.admin-password", () -> ConsoleFixtures.ADMIN_PASSWORD);
	}

	@Test
	void run() {
		ConsoleFixtures.Process process = ConsoleFixtures.deploy(this.client);
		long definition = this.jdbc.queryForObject(
				"SELECT process_definition_key FROM eng_def_process WHERE bpmn_process_id = ?", Long.class,
				process.processId());
		long seeding = System.nanoTime();
		seed(process.processId(), definition);
		System.out.printf("Seeded %,d journeys in %d ms%n", JOURNEYS, (System.nanoTime() - seeding) / 1_000_000);
		ConsoleClient ops = ConsoleClient.logIn(this.port, "admin", ConsoleFixtures.adminPassword());
		assertThat(ops.get("/journeys").body()).contains("10,000 journeys");
		String[] paths = { "/journeys", "/journeys?state=INCIDENT", "/journeys?state=RUNNING",
				"/journeys?state=WAITING", "/journeys?error=declined", "/journeys?variable=customer&value=c42",
				"/journeys?element=charge", "/journeys?user=user42", "/journeys?page=399" };
		System.out.println("Journey list, " + TestDatabase.configuredKind() + ", " + JOURNEYS
				+ " journeys: median / worst of 20 (ms)");
		for (String path : paths) {
			for (int i = 0; i < 5; i++) {
				ops.get(path);
			}
			long[] times = new long[20];
			for (int i = 0; i < times.length; i++) {
				long start = System.nanoTime();
				int status = ops.get(path).statusCode();
				times[i] = (System.nanoTime() - start) / 1_000;
				assertThat(status).isEqualTo(200);
			}
			Arrays.sort(times);
			System.out.printf("  %-45s %7.1f / %7.1f%n", path, times[times.length / 2] / 1000.0,
					times[times.length - 1] / 1000.0);
		}
	}

	private void seed(String processId, long definition) {
		long now = System.currentTimeMillis();
		List<Object[]> instances = new ArrayList<>();
		List<Object[]> elements = new ArrayList<>();
		List<Object[]> jobs = new ArrayList<>();
		List<Object[]> incidents = new ArrayList<>();
		List<Object[]> variables = new ArrayList<>();
		List<Object[]> errands = new ArrayList<>();
		Timestamp created = new Timestamp(now);
		for (int i = 0; i < JOURNEYS; i++) {
			long key = BASE + i * 10L;
			long start = now - (JOURNEYS - i) * 1000L;
			String state = (i < 6000) ? "COMPLETED" : (i < 6500) ? "TERMINATED" : "ACTIVE";
			instances.add(new Object[] { key, definition, processId, 1, state, start,
					"ACTIVE".equals(state) ? null : start + 500 });
			variables.add(new Object[] { key, "customer", key, ("\"c" + i + "\"").getBytes() });
			// Every journey is some person's errand, a hundred people in all.
			errands.add(new Object[] { "bench-" + i, "user" + (i % 100), key, created, created });
			if ("ACTIVE".equals(state)) {
				boolean waiting = i >= 9000 && i < 9500;
				boolean incident = i >= 9500;
				String element = waiting ? "confirm" : "charge";
				elements.add(new Object[] { key + 1, key, key, element, "SERVICE_TASK", "ACTIVATED", start });
				jobs.add(new Object[] { key + 2, waiting ? "confirm" : "charge", incident ? "FAILED" : "ACTIVATABLE",
						key, key + 1, element, processId, definition, 1, incident ? 0 : 3,
						incident ? "card declined" : null, "{}", start });
				if (incident) {
					incidents.add(new Object[] { key + 3, key, key + 1, element, processId, key + 2, "JOB_NO_RETRIES",
							"card declined", start });
				}
			}
		}
		this.jdbc.batchUpdate(
				"INSERT INTO eng_run_process_instance (process_instance_key, process_definition_key, "
						+ "bpmn_process_id, version, state, start_time, end_time) VALUES (?, ?, ?, ?, ?, ?, ?)",
				instances);
		this.jdbc.batchUpdate("INSERT INTO eng_run_variable (scope_key, name, process_instance_key, variable_value) "
				+ "VALUES (?, ?, ?, ?)", variables);
		this.jdbc.batchUpdate(
				"INSERT INTO eng_run_element_instance (element_instance_key, process_instance_key, "
						+ "flow_scope_key, element_id, element_type, state, start_time) VALUES (?, ?, ?, ?, ?, ?, ?)",
				elements);
		this.jdbc.batchUpdate("INSERT INTO eng_run_job (job_key, job_type, state, process_instance_key, "
				+ "element_instance_key, element_id, bpmn_process_id, process_definition_key, version, retries, "
				+ "error_message, custom_headers, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", jobs);
		this.jdbc.batchUpdate("INSERT INTO eng_run_incident (incident_key, process_instance_key, "
				+ "element_instance_key, element_id, bpmn_process_id, job_key, error_type, error_message, created_at) "
				+ "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", incidents);
		this.jdbc.batchUpdate("INSERT INTO app_errand (id, owner, text, status, process_instance_key, plan_json, "
				+ "created_at, updated_at) VALUES (?, ?, 'bench', 'running', ?, '{}', ?, ?)", errands);
	}

}
