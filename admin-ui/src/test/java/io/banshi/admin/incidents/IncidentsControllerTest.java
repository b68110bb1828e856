package io.banshi.admin.incidents;

import java.time.Duration;

import io.banshi.admin.console.ConsoleClient;
import io.banshi.admin.console.ConsoleFixtures;
import io.banshi.admin.console.ConsoleFixtures.Process;
import io.banshi.db.TestDatabase;
import io.banshi.engine.query.EngineQueries;
import io.banshi.engine.query.QueryFilter;
import io.banshi.engine.query.Views;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Incidents grouped by message and stuck work, over real HTTP with the embedded engine.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class IncidentsControllerTest {

	@LocalServerPort
	int port;

	@Autowired
	CamundaClient client;

	@Autowired
	EngineQueries queries;

	private ConsoleClient ops;

	private Process process;

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestDatabase.create("incidents").springProperties().forEach((key, value) -> registry.add(key, () -> value));
		registry.add("banshi.admin-password", () -> ConsoleFixtures.ADMIN_PASSWORD);
	}

	@BeforeEach
	void logIn() {
		this.ops = ConsoleClient.logIn(this.port, "admin", ConsoleFixtures.adminPassword());
		this.process = ConsoleFixtures.deploy(this.client);
	}

	@Test
	void shouldGroupIncidentsByErrorMessageWithACount() {
		// given
		String message = "gateway said no " + this.process.processId();
		long first = ConsoleFixtures.start(this.client, this.process, "{}");
		long second = ConsoleFixtures.start(this.client, this.process, "{}");
		ConsoleFixtures.failJobs(this.client, this.process, 2, message);
		ConsoleFixtures.incidentOf(this.queries, first);
		ConsoleFixtures.incidentOf(this.queries, second);

		// when
		String page = this.ops.get("/incidents").body();

		// then
		String row = page.substring(page.indexOf("id=\"incident-groups\""));
		row = row.substring(0, row.indexOf(message));
		assertThat(row.substring(row.lastIndexOf("<strong>") + 8, row.lastIndexOf("</strong>"))).isEqualTo("2");
		assertThat(page).contains("state=INCIDENT&amp;error=gateway");
	}

	@Test
	void shouldListJourneysWaitingOnOneElementLongerThanTheThreshold() {
		// given
		long key = ConsoleFixtures.start(this.client, this.process, "{}");

		// when
		String everything = this.ops.get("/incidents?waitingMinutes=0").body();
		String aDay = this.ops.get("/incidents?waitingMinutes=1440").body();

		// then
		assertThat(section(everything, "waiting")).contains(">" + key + "<").contains("charge");
		assertThat(section(aDay, "waiting")).doesNotContain(">" + key + "<");
	}

	@Test
	void shouldListJobsWhoseActivationTimedOutAgainAndAgain() {
		// given: a worker takes the job twice and never answers
		long key = ConsoleFixtures.start(this.client, this.process, "{}");
		long job = timeOutOnce(key);
		assertThat(timeOutOnce(key)).isEqualTo(job);

		// when
		String twice = this.ops.get("/incidents?minTimeouts=2").body();
		String thrice = this.ops.get("/incidents?minTimeouts=3").body();

		// then
		assertThat(section(twice, "timed-out")).contains(">" + job + "<").contains("<strong>2</strong>");
		assertThat(section(thrice, "timed-out")).doesNotContain(">" + job + "<");
	}

	@Test
	void shouldShowTheLatestActionsOpsTook() {
		// given
		long key = ConsoleFixtures.start(this.client, this.process, "{}");
		this.ops.get("/journeys/" + key);
		this.ops.post("/journeys/" + key + "/cancel", java.util.Map.of());

		// when
		String page = this.ops.get("/incidents").body();

		// then
		assertThat(section(page, "actions")).contains(">" + key + "<").contains("CANCEL").contains(">admin<");
	}

	private long timeOutOnce(long key) {
		ActivatedJob job = ConsoleFixtures.until(() -> this.client.newActivateJobsCommand()
			.jobType(this.process.jobType())
			.maxJobsToActivate(1)
			.workerName("silent-worker")
			.timeout(Duration.ofMillis(1))
			.requestTimeout(Duration.ofSeconds(5))
			.send()
			.join()
			.getJobs()
			.stream()
			.findFirst()
			.orElse(null));
		ConsoleFixtures.until(() -> {
			Views.Job seen = this.queries.jobs(QueryFilter.any().withProcessInstanceKey(key), 0, 1).items().get(0);
			return "ACTIVATABLE".equals(seen.state()) ? seen : null;
		});
		return job.getKey();
	}

	private static String section(String page, String id) {
		String rest = page.substring(page.indexOf("id=\"" + id + "\""));
		return rest.substring(0, rest.indexOf("</table>"));
	}

}
