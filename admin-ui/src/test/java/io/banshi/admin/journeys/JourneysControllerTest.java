package io.banshi.admin.journeys;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.banshi.admin.console.ConsoleClient;
import io.banshi.admin.console.ConsoleFixtures;
import io.banshi.admin.console.ConsoleFixtures.Process;
import io.banshi.db.TestDatabase;
import io.banshi.engine.query.EngineQueries;
import io.banshi.engine.query.QueryFilter;
import io.banshi.engine.query.Views;
import io.camunda.client.CamundaClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The journey list, a journey's page and the actions on it, over real HTTP against the
 * application with its embedded engine; journeys are made and failed through the Camunda
 * client.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class JourneysControllerTest {

	@LocalServerPort
	int port;

	@Autowired
	CamundaClient client;

	@Autowired
	EngineQueries queries;

	@Autowired
	JdbcTemplate jdbc;

	private ConsoleClient ops;

	private Process process;

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestDatabase.create("journeys").springProperties().forEach((key, value) -> registry.add(key, () -> value));
		registry.add("banshi.admin-password", () -> ConsoleFixtures.ADMIN_PASSWORD);
	}

	@BeforeEach
	void logIn() {
		this.ops = ConsoleClient.logIn(this.port, "admin", ConsoleFixtures.adminPassword());
		this.process = ConsoleFixtures.deploy(this.client);
	}

	@Test
	void shouldCountJourneysPerStateAndListOnlyIncidentsWhenFiltered() {
		// given
		long failing1 = ConsoleFixtures.start(this.client, this.process, "{\"customer\":\"alice\"}");
		long failing2 = ConsoleFixtures.start(this.client, this.process, "{\"customer\":\"bob\"}");
		ConsoleFixtures.failJobs(this.client, this.process, 2, "card declined");
		ConsoleFixtures.incidentOf(this.queries, failing1);
		ConsoleFixtures.incidentOf(this.queries, failing2);
		long running = ConsoleFixtures.start(this.client, this.process, "{\"customer\":\"carol\"}");

		// when
		String all = this.ops.get("/journeys?process=" + this.process.processId()).body();
		String incidents = this.ops.get("/journeys?state=INCIDENT&process=" + this.process.processId()).body();

		// then
		assertThat(count(all, "incident")).isEqualTo(2);
		assertThat(count(all, "running")).isEqualTo(1);
		assertThat(count(all, "completed")).isZero();
		assertThat(all).contains(">" + running + "<").contains(">" + failing1 + "<");
		assertThat(incidents).contains(">" + failing1 + "<")
			.contains(">" + failing2 + "<")
			.doesNotContain(">" + running + "<")
			.contains("card declined");
	}

	@Test
	void shouldFilterByErrorTextElementAndVariable() {
		// given
		long alice = ConsoleFixtures.start(this.client, this.process, "{\"customer\":\"alice\",\"amount\":42}");
		long bob = ConsoleFixtures.start(this.client, this.process, "{\"customer\":\"bob\",\"amount\":7}");
		String base = "/journeys?process=" + this.process.processId();

		// when
		String byText = this.ops.get(base + "&variable=customer&value=alice").body();
		String byJson = this.ops.get(base + "&variable=amount&value=7").body();
		String byElement = this.ops.get(base + "&element=charge").body();
		String byMissingElement = this.ops.get(base + "&element=nowhere").body();
		String byError = this.ops.get(base + "&error=no+such+error").body();

		// then
		assertThat(byText).contains(">" + alice + "<").doesNotContain(">" + bob + "<");
		assertThat(byJson).contains(">" + bob + "<").doesNotContain(">" + alice + "<");
		assertThat(byElement).contains(">" + alice + "<").contains(">" + bob + "<");
		assertThat(byMissingElement).doesNotContain(">" + alice + "<").contains("0 journeys");
		assertThat(byError).doesNotContain(">" + alice + "<");
	}

	@Test
	void shouldFilterByTheUserWhoseErrandTheJourneyRuns() {
		// given
		long alices = ConsoleFixtures.start(this.client, this.process, "{}");
		long bobs = ConsoleFixtures.start(this.client, this.process, "{}");
		long nobodys = ConsoleFixtures.start(this.client, this.process, "{}");
		errand(alices, "alice");
		errand(bobs, "bob");
		String base = "/journeys?process=" + this.process.processId();

		// when
		String byAlice = this.ops.get(base + "&user=alice").body();
		String all = this.ops.get(base).body();

		// then
		assertThat(byAlice).contains(">" + alices + "<")
			.doesNotContain(">" + bobs + "<")
			.doesNotContain(">" + nobodys + "<")
			.contains("1 journeys")
			.contains("user=alice");
		assertThat(all).contains(">alice<").contains(">bob<").contains(">" + nobodys + "<");
	}

	@Test
	void shouldShowWhoseErrandAJourneyRunsAndWhatTheySaid() {
		// given
		long key = ConsoleFixtures.start(this.client, this.process, "{}");
		long plain = ConsoleFixtures.start(this.client, this.process, "{}");
		errand(key, "alice");
		this.jdbc.update("UPDATE app_errand SET text = ? WHERE process_instance_key = ?", "买<b>两箱</b>水", key);

		// when
		String page = this.ops.get("/journeys/" + key).body();
		String withoutErrand = this.ops.get("/journeys/" + plain).body();

		// then
		assertThat(page).contains("id=\"journey-errand\"")
			.contains("href=\"/journeys?user=alice\"")
			.contains("买&lt;b&gt;两箱&lt;/b&gt;水")
			.doesNotContain("<b>两箱</b>");
		assertThat(withoutErrand).doesNotContain("id=\"journey-errand\"");
	}

	@Test
	void shouldListNothingAndSayWhyWhenAFilterFieldIsNotUnderstood() {
		// given
		long key = ConsoleFixtures.start(this.client, this.process, "{}");
		String base = "/journeys?process=" + this.process.processId();

		// when
		String badDate = this.ops.get(base + "&startedFrom=last+tuesday").body();
		String valueAlone = this.ops.get(base + "&value=42").body();
		HttpResponse<String> bulk = this.ops.post("/journeys/bulk",
				Map.of("process", this.process.processId(), "startedFrom", "last tuesday", "action", "CANCEL"));

		// then
		assertThat(badDate).contains("id=\"filter-problems\"")
			.contains("“last tuesday” is not a date and time")
			.contains("Started from")
			.doesNotContain(">" + key + "<");
		assertThat(valueAlone).contains("“42” needs a variable name").doesNotContain(">" + key + "<");
		assertThat(bulk.statusCode()).isEqualTo(400);
		assertThat(this.queries.processInstances(QueryFilter.any().withProcessInstanceKey(key), 0, 1).items())
			.singleElement()
			.extracting(Views.ProcessInstance::state)
			.isEqualTo("ACTIVE");
	}

	@Test
	void shouldAnswerHtmxWithTheResultsOnly() {
		// given
		long key = ConsoleFixtures.start(this.client, this.process, "{}");

		// when
		HttpResponse<String> response = this.ops.htmx("/journeys?process=" + this.process.processId());

		// then
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("id=\"results\"").contains(">" + key + "<").doesNotContain("<html");
	}

	@Test
	void shouldShowTheJourneyWithItsIncidentJobVariablesAndDiagram() {
		// given
		long key = ConsoleFixtures.start(this.client, this.process, "{\"customer\":\"alice\"}");
		ConsoleFixtures.failJobs(this.client, this.process, 1, "card declined: insufficient funds");
		ConsoleFixtures.incidentOf(this.queries, key);

		// when
		HttpResponse<String> page = this.ops.get("/journeys/" + key);
		HttpResponse<String> diagram = this.ops.get("/journeys/" + key + "/diagram");

		// then
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("card declined: insufficient funds")
			.contains("JOB_NO_RETRIES")
			.contains("test-worker")
			.contains("&quot;alice&quot;")
			.contains("data-incidents=\"charge\"")
			.contains("data-completed=\"start\"")
			.contains("id=\"retry\"");
		assertThat(diagram.statusCode()).isEqualTo(200);
		assertThat(diagram.body()).contains("id=\"" + this.process.processId() + "\"").contains("bpmndi");
	}

	@Test
	void shouldAnswerNotFoundForAnUnknownJourney() {
		assertThat(this.ops.get("/journeys/12345").statusCode()).isEqualTo(404);
	}

	@Test
	void shouldRetryResolvingTheIncidentAndRecordWhoDidIt() {
		// given
		long key = ConsoleFixtures.start(this.client, this.process, "{}");
		ConsoleFixtures.failJobs(this.client, this.process, 1, "timeout talking to the bank");
		ConsoleFixtures.incidentOf(this.queries, key);
		this.ops.get("/journeys/" + key);

		// when
		HttpResponse<String> retry = this.ops.post("/journeys/" + key + "/retry", Map.of("retries", "2"));

		// then
		assertThat(retry.statusCode()).isEqualTo(302);
		assertThat(openIncidents(key)).isEmpty();
		Views.Job job = this.queries.jobs(QueryFilter.any().withProcessInstanceKey(key), 0, 1).items().get(0);
		assertThat(job.retries()).isEqualTo(2);
		String page = this.ops.get("/journeys/" + key).body();
		assertThat(page).contains("Retried: the incident is resolved.").contains("RETRY").contains(">admin<");
		assertThat(this.jdbc.queryForObject(
				"SELECT COUNT(*) FROM app_audit_log WHERE target_key = ? AND action = 'RETRY' AND outcome = 'OK'",
				Integer.class, key))
			.isEqualTo(1);
	}

	@Test
	void shouldRecordARefusedRetry() {
		// given: no incident to resolve
		long key = ConsoleFixtures.start(this.client, this.process, "{}");
		this.ops.get("/journeys/" + key);

		// when
		this.ops.post("/journeys/" + key + "/retry", Map.of());

		// then
		assertThat(this.jdbc.queryForObject(
				"SELECT outcome FROM app_audit_log WHERE target_key = ? AND action = 'RETRY'", String.class, key))
			.isEqualTo("FAILED");
		assertThat(this.ops.get("/journeys/" + key).body()).contains("FAILED");
	}

	@Test
	void shouldEditVariablesThenRetry() {
		// given
		long key = ConsoleFixtures.start(this.client, this.process, "{\"amount\":1}");
		ConsoleFixtures.failJobs(this.client, this.process, 1, "amount too small");
		ConsoleFixtures.incidentOf(this.queries, key);
		this.ops.get("/journeys/" + key);

		// when
		HttpResponse<String> edit = this.ops.post("/journeys/" + key + "/variables",
				Map.of("variables", "{\"amount\":100}", "retry", "true"));

		// then
		assertThat(edit.statusCode()).isEqualTo(302);
		assertThat(this.queries.variables(key)).extracting(Views.Variable::value).contains("100");
		assertThat(openIncidents(key)).isEmpty();
		assertThat(this.jdbc.queryForList("SELECT action FROM app_audit_log WHERE target_key = ? ORDER BY audit_id",
				String.class, key))
			.containsExactly("SET_VARIABLES", "RETRY");
	}

	@Test
	void shouldCancelTheJourney() {
		// given
		long key = ConsoleFixtures.start(this.client, this.process, "{}");
		this.ops.get("/journeys/" + key);

		// when
		this.ops.post("/journeys/" + key + "/cancel", Map.of());

		// then
		String page = this.ops.get("/journeys/" + key).body();
		assertThat(page).contains("Journey canceled.").contains("state-canceled");
		assertThat(this.ops.get("/journeys?state=CANCELED&process=" + this.process.processId()).body())
			.contains(">" + key + "<");
	}

	@Test
	void shouldRetryEveryJourneyOfAFilteredSelectionInBulk() {
		// given
		List<Long> keys = List.of(ConsoleFixtures.start(this.client, this.process, "{}"),
				ConsoleFixtures.start(this.client, this.process, "{}"),
				ConsoleFixtures.start(this.client, this.process, "{}"));
		ConsoleFixtures.failJobs(this.client, this.process, 3, "bank offline");
		keys.forEach((key) -> ConsoleFixtures.incidentOf(this.queries, key));
		this.ops.get("/journeys?state=INCIDENT&process=" + this.process.processId());

		// when
		HttpResponse<String> started = this.ops.post("/journeys/bulk",
				Map.of("state", "INCIDENT", "process", this.process.processId(), "action", "RETRY"));

		// then
		assertThat(started.statusCode()).isEqualTo(302);
		String progress = started.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "");
		String finished = ConsoleFixtures.until(() -> {
			String body = this.ops.htmx(progress).body();
			return body.contains("Finished.") ? body : null;
		});
		assertThat(finished).contains("3 done, 0 failed, of 3").contains("value=\"100\"");
		keys.forEach((key) -> assertThat(openIncidents(key)).isEmpty());
	}

	@Test
	void shouldEscapeWhatUsersTyped() {
		// given
		long key = ConsoleFixtures.start(this.client, this.process, "{\"note\":\"<script>alert(1)</script>\"}");

		// when
		String page = this.ops.get("/journeys/" + key).body();

		// then
		assertThat(page).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>alert(1)");
	}

	@Test
	void shouldKeepTheConsoleFromPeopleWithoutTheOpsRole() {
		// given
		ConsoleFixtures.account(this.jdbc, "plain-user", "secret", "USER");
		ConsoleClient user = ConsoleClient.logIn(this.port, "plain-user", "secret");

		// when / then
		assertThat(user.get("/journeys").statusCode()).isEqualTo(403);
		assertThat(user.get("/incidents").statusCode()).isEqualTo(403);
		assertThat(user.get("/dashboard").statusCode()).isEqualTo(403);
	}

	private List<Views.Incident> openIncidents(long key) {
		return this.queries.incidents(QueryFilter.any().withProcessInstanceKey(key), 0, 10).items();
	}

	private static int count(String page, String state) {
		String marker = "id=\"count-" + state + "\"";
		int at = page.indexOf(marker);
		assertThat(at).as("count for " + state).isPositive();
		String rest = page.substring(at);
		String strong = rest.substring(rest.indexOf("<strong>") + 8, rest.indexOf("</strong>"));
		return Integer.parseInt(strong.trim());
	}

	private void errand(long processInstanceKey, String owner) {
		this.jdbc.update("INSERT INTO app_errand (id, owner, text, status, process_instance_key, plan_json, created_at,"
				+ " updated_at) VALUES (?, ?, 'test', 'running', ?, '{}', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)",
				UUID.randomUUID().toString(), owner, processInstanceKey);
	}

}
