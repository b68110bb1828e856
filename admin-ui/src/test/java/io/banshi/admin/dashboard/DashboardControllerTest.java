package io.banshi.admin.dashboard;

import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.banshi.admin.console.ConsoleClient;
import io.banshi.admin.console.ConsoleFixtures;
import io.banshi.admin.console.ConsoleFixtures.Process;
import io.banshi.db.TestDatabase;
import io.banshi.engine.query.EngineQueries;
import io.banshi.engine.query.QueryFilter;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard's figures, over real HTTP with the embedded engine, on a database of its
 * own so the counts are exactly what the test made.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DashboardControllerTest {

	@LocalServerPort
	int port;

	@Autowired
	CamundaClient client;

	@Autowired
	EngineQueries queries;

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestDatabase.create("dashboard").springProperties().forEach((key, value) -> registry.add(key, () -> value));
		registry.add("banshi.admin-password", () -> ConsoleFixtures.ADMIN_PASSWORD);
	}

	@Test
	void shouldCountStartedCompletedAndFailedJourneysAndTimeTheSteps() throws Exception {
		// given: three journeys; one completes, one fails, one still runs
		ConsoleClient ops = ConsoleClient.logIn(this.port, "admin", ConsoleFixtures.adminPassword());
		Process process = ConsoleFixtures.deploy(this.client);
		long completes = ConsoleFixtures.start(this.client, process, "{}");
		ActivatedJob job = this.client.newActivateJobsCommand()
			.jobType(process.jobType())
			.maxJobsToActivate(1)
			.timeout(Duration.ofMinutes(5))
			.send()
			.join()
			.getJobs()
			.get(0);
		this.client.newCompleteCommand(job.getKey()).send().join();
		ConsoleFixtures.until(() -> this.queries
			.processInstances(QueryFilter.any().withProcessInstanceKey(completes).withState("COMPLETED"), 0, 1)
			.items()
			.stream()
			.findFirst()
			.orElse(null));
		long fails = ConsoleFixtures.start(this.client, process, "{}");
		ConsoleFixtures.failJobs(this.client, process, 1, "card declined");
		ConsoleFixtures.incidentOf(this.queries, fails);
		ConsoleFixtures.start(this.client, process, "{}");

		// when
		String page = ops.get("/dashboard").body();
		JsonNode data = new ObjectMapper().readTree(ops.get("/dashboard/data").body());

		// then
		assertThat(page).contains("chart-throughput").contains("chart.umd.min.js");
		assertThat(data.get("minutes")).hasSize(60);
		assertThat(sum(data.get("started"))).isEqualTo(3);
		assertThat(sum(data.get("completed"))).isEqualTo(1);
		assertThat(sum(data.get("failed"))).isEqualTo(1);
		assertThat(data.get("latency").findValuesAsText("elementId")).contains("charge");
		assertThat(data.get("topIncidents").get(0).get("message").asText()).isEqualTo("card declined");
		assertThat(data.get("topIncidents").get(0).get("count").asLong()).isEqualTo(1);
	}

	private static long sum(JsonNode series) {
		long sum = 0;
		for (JsonNode value : series) {
			sum += value.asLong();
		}
		return sum;
	}

}
