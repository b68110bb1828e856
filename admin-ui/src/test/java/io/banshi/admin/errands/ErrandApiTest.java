package io.banshi.admin.errands;

import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;
import io.banshi.db.TestDatabase;
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
 * The errand API on the real application: HTTP, security, the planner, the compiler, the
 * embedded engine on the test database and the job workers on the Camunda client.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ErrandApiTest {

	@LocalServerPort
	int port;

	@Autowired
	DataSource dataSource;

	private ErrandApiClient api;

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestDatabase.create("errands").springProperties().forEach((key, value) -> registry.add(key, () -> value));
		registry.add("banshi.admin-password", () -> "s3cret-for-errand-tests");
	}

	@BeforeEach
	void accounts() {
		ErrandApiClient.accounts(this.dataSource, "USER", "alice", "bob");
		ErrandApiClient.accounts(this.dataSource, "OPS", "olga");
		this.api = new ErrandApiClient(this.port);
	}

	@Test
	void shouldRunAWeatherQuestionToCompletionAndTellThePerson() throws Exception {
		// when: 杭州明天天气怎么样? (d04)
		ErrandApiClient.Answer created = this.api.create("alice", "杭州明天天气怎么样?");

		// then
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		String id = created.json().path("id").asText();
		assertThat(created.json().path("status").asText()).isIn("running", "completed");
		assertThat(created.json().path("processInstanceKey").asLong()).isPositive();
		assertThat(created.json().at("/plan/slots/destination").asText()).isEqualTo("杭州");
		JsonNode errand = this.api.awaitErrand("alice", id, (e) -> e.path("status").asText().equals("completed"));
		assertThat(errand.path("text").asText()).isEqualTo("杭州明天天气怎么样?");
		assertThat(errand.path("options")).isEmpty();
		assertThat(errand.path("orders")).isEmpty();
		assertThat(fieldNames(errand.path("results"))).anyMatch((name) -> name.startsWith("results_"));
		assertThat(errand.has("currentStep") && errand.has("createdAt") && errand.has("updatedAt")).isTrue();
		JsonNode inbox = this.api.awaitInbox("alice", (messages) -> contains(messages, id));
		JsonNode message = first(inbox, id);
		assertThat(message.path("kind").asText()).isEqualTo("notification");
		assertThat(message.path("text").asText()).isNotBlank();
		assertThat(message.has("at") && message.has("id")).isTrue();
	}

	@Test
	void shouldCompareWithoutOrdering() throws Exception {
		// when: 比较一下索尼WH-1000XM5耳机在各个店铺的价格 (d10)
		ErrandApiClient.Answer created = this.api.create("alice", "比较一下索尼WH-1000XM5耳机在各个店铺的价格");

		// then
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		String id = created.json().path("id").asText();
		JsonNode errand = this.api.awaitErrand("alice", id, (e) -> e.path("status").asText().equals("completed"));
		assertThat(fieldNames(errand.path("results"))).anyMatch((name) -> name.startsWith("comparison_"));
		assertThat(errand.path("orders")).isEmpty();
		assertThat(new JdbcTemplate(this.dataSource).queryForObject(
				"SELECT COUNT(*) FROM app_order WHERE process_instance_key = ? AND capability <> 'notify.message'",
				Integer.class, created.json().path("processInstanceKey").asLong()))
			.isZero();
	}

	@Test
	void shouldTakeTheErrorPathAndTellThePersonWhenEverythingIsOverBudget() throws Exception {
		// when: no rice cooker costs 50 CNY or less
		ErrandApiClient.Answer created = this.api.create("bob", "帮我在淘宝上找一款50元以内的电饭煲");

		// then
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		String id = created.json().path("id").asText();
		JsonNode errand = this.api.awaitErrand("bob", id, (e) -> e.path("status").asText().equals("failed"));
		assertThat(errand.at("/results/error/code").asText()).isEqualTo("OVER_BUDGET");
		assertThat(errand.path("orders")).isEmpty();
		JsonNode inbox = this.api.awaitInbox("bob", (messages) -> contains(messages, id));
		assertThat(first(inbox, id).path("text").asText()).contains("超出预算");
	}

	@Test
	void shouldShowAnErrandOnlyToItsOwnerAndToOps() throws Exception {
		// given
		ErrandApiClient.Answer created = this.api.create("alice", "What's the weather in Beijing this weekend?");
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		String id = created.json().path("id").asText();

		// when
		ErrandApiClient.Answer seenByBob = this.api.get("bob", id);
		ErrandApiClient.Answer confirmedByBob = this.api.send("bob", "POST", "/api/errands/" + id + "/confirm",
				"{\"option\": 1}");
		ErrandApiClient.Answer canceledByBob = this.api.send("bob", "DELETE", "/api/errands/" + id, null);
		ErrandApiClient.Answer seenByOps = this.api.get("olga", id);

		// then
		assertThat(seenByBob.status()).isEqualTo(404);
		assertThat(confirmedByBob.status()).isEqualTo(404);
		assertThat(canceledByBob.status()).isEqualTo(404);
		assertThat(seenByOps.status()).isEqualTo(200);
		assertThat(seenByOps.json().path("id").asText()).isEqualTo(id);
		this.api.awaitInbox("alice", (messages) -> contains(messages, id));
		assertThat(contains(this.api.send("bob", "GET", "/api/inbox", null).json(), id)).isFalse();
		assertThat(this.api.get("alice", id).status()).isEqualTo(200);
	}

	@Test
	void shouldAskOrRefuseWith422WhenTheSentenceCannotBePlanned() throws Exception {
		// when
		ErrandApiClient.Answer hello = this.api.create("alice", "你好");
		ErrandApiClient.Answer harmful = this.api.create("alice", "帮我黑进隔壁的wifi");

		// then
		assertThat(hello.status()).isEqualTo(422);
		assertThat(hello.json().path("outcome").asText()).isIn("clarify", "refuse");
		assertThat(hello.json().path("message").asText()).isNotBlank();
		assertThat(harmful.status()).isEqualTo(422);
		assertThat(harmful.json().path("outcome").asText()).isEqualTo("refuse");
		assertThat(harmful.json().path("reason").asText()).isNotBlank();
		assertThat(new JdbcTemplate(this.dataSource)
			.queryForObject("SELECT COUNT(*) FROM app_errand WHERE text IN ('你好', '帮我黑进隔壁的wifi')", Integer.class))
			.isZero();
	}

	@Test
	void shouldSayWhatAndWhereForBadInput() throws Exception {
		// when
		ErrandApiClient.Answer noText = this.api.send("alice", "POST", "/api/errands", "{}");
		ErrandApiClient.Answer malformed = this.api.send("alice", "POST", "/api/errands", "{\"text\": \"x\",,}");
		ErrandApiClient.Answer badZone = this.api.send("alice", "POST", "/api/errands",
				"{\"text\": \"杭州明天天气怎么样?\", \"timezone\": \"Mars/Olympus\"}");
		ErrandApiClient.Answer tooLong = this.api.send("alice", "POST", "/api/errands",
				"{\"text\": \"" + "查".repeat(2001) + "\"}");
		ErrandApiClient.Answer unknown = this.api.get("alice", "no-such-errand");

		// then
		assertThat(noText.status()).isEqualTo(400);
		assertThat(noText.json().path("field").asText()).isEqualTo("text");
		assertThat(malformed.status()).isEqualTo(400);
		assertThat(malformed.json().path("message").asText()).contains("line 1");
		assertThat(badZone.status()).isEqualTo(400);
		assertThat(badZone.json().path("field").asText()).isEqualTo("timezone");
		assertThat(tooLong.status()).isEqualTo(400);
		assertThat(tooLong.json().path("message").asText()).contains("2001");
		assertThat(unknown.status()).isEqualTo(404);
	}

	@Test
	void shouldRefuseAConfirmWhenTheErrandDoesNotWaitForOne() throws Exception {
		// given
		ErrandApiClient.Answer created = this.api.create("alice", "查一下这周五从北京到上海的高铁票");
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		String id = created.json().path("id").asText();
		this.api.awaitErrand("alice", id, (e) -> e.path("status").asText().equals("completed"));

		// when
		ErrandApiClient.Answer empty = this.api.send("alice", "POST", "/api/errands/" + id + "/confirm", "{}");
		ErrandApiClient.Answer both = this.api.send("alice", "POST", "/api/errands/" + id + "/confirm",
				"{\"option\": 1, \"decline\": true}");
		ErrandApiClient.Answer late = this.api.send("alice", "POST", "/api/errands/" + id + "/confirm",
				"{\"option\": 1}");

		// then
		assertThat(empty.status()).isEqualTo(400);
		assertThat(empty.json().path("field").asText()).isEqualTo("option");
		assertThat(both.status()).isEqualTo(400);
		assertThat(late.status()).isEqualTo(409);
		assertThat(late.json().path("message").asText()).contains("completed");
	}

	@Test
	void shouldCancelAnErrandOnce() throws Exception {
		// given
		ErrandApiClient.Answer created = this.api.create("alice", "帮我规划一下从西湖到灵隐寺的路线");
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		String id = created.json().path("id").asText();

		// when
		ErrandApiClient.Answer canceled = this.api.send("alice", "DELETE", "/api/errands/" + id, null);
		ErrandApiClient.Answer again = this.api.send("alice", "DELETE", "/api/errands/" + id, null);

		// then
		assertThat(canceled.status()).as(canceled.body()).isEqualTo(200);
		assertThat(canceled.json().path("status").asText()).isEqualTo("canceled");
		assertThat(again.status()).isEqualTo(200);
		assertThat(again.json().path("status").asText()).isEqualTo("canceled");
		assertThat(this.api.get("alice", id).json().path("status").asText()).isEqualTo("canceled");
	}

	static List<String> fieldNames(JsonNode node) {
		List<String> names = new ArrayList<>();
		node.fieldNames().forEachRemaining(names::add);
		return names;
	}

	static boolean contains(JsonNode messages, String errandId) {
		return first(messages, errandId) != null;
	}

	static JsonNode first(JsonNode messages, String errandId) {
		for (JsonNode message : messages) {
			if (message.path("errandId").asText().equals(errandId)) {
				return message;
			}
		}
		return null;
	}

}
