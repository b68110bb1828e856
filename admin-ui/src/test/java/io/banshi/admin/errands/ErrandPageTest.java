package io.banshi.admin.errands;

import java.net.http.HttpResponse;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.banshi.admin.console.ConsoleClient;
import io.banshi.db.TestDatabase;
import io.banshi.engine.query.EngineQueries;
import io.banshi.engine.query.QueryFilter;
import io.banshi.workflows.conversation.ConversationPlanner;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The errand page on the real application: form login, CSRF, the conversation planner,
 * drafts kept and run as planned, the embedded engine and the job workers, the event
 * stream, the inbox and clearing one's history, over real HTTP.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ErrandPageTest {

	private static final String IPHONE = "Find the cheapest iPhone 16 and order it if it's under 6000 yuan";

	@LocalServerPort
	int port;

	@Autowired
	DataSource dataSource;

	@Autowired
	EngineQueries engine;

	@Autowired
	ConversationPlanner conversations;

	private final ObjectMapper json = new ObjectMapper();

	private JdbcTemplate jdbc;

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestDatabase.create("errand_page").springProperties().forEach((key, value) -> registry.add(key, () -> value));
		registry.add("banshi.admin-password", () -> "s3cret-for-errand-page-tests");
	}

	@BeforeEach
	void accounts() {
		ErrandApiClient.accounts(this.dataSource, "USER", "paula", "quinn", "rosa", "sam", "tess", "uma", "vera",
				"walt");
		this.jdbc = new JdbcTemplate(this.dataSource);
	}

	@Test
	void shouldShowThePlanAndItsDiagramAndRunExactlyThePlanShown() {
		// given
		ConsoleClient paula = ConsoleClient.logIn(this.port, "paula", "paula");
		paula.get("/errands");

		// when: planned
		HttpResponse<String> planned = paula.post("/errands", Map.of("text", IPHONE));

		// then: a draft, shown, with nothing running
		String id = errandId(planned);
		HttpResponse<String> page = paula.get("/errands/" + id);
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains(IPHONE.replace("'", "&#39;"))
			.contains("Look up products")
			.contains("Ask you to pick before anything is bought")
			.contains("iPhone 16")
			.contains("Budget (CNY)")
			.contains(">Ranked by</span>: <span>price, lowest first</span>")
			.contains("id=\"run\"")
			.contains("id=\"drop\"")
			.contains("/errands/" + id + "/diagram");
		Map<String, Object> draft = row(id);
		assertThat(draft.get("status")).isEqualTo("planned");
		assertThat(draft.get("process_instance_key")).isNull();
		String bpmn = (String) draft.get("bpmn_xml");
		String plan = (String) draft.get("plan_json");
		HttpResponse<String> diagram = paula.get("/errands/" + id + "/diagram");
		assertThat(diagram.statusCode()).isEqualTo(200);
		assertThat(diagram.body()).isEqualTo(bpmn).contains("bpmndi:BPMNDiagram");
		assertThat(processInstances(id)).isZero();

		// when: run
		paula.get("/errands/" + id);
		HttpResponse<String> run = paula.post("/errands/" + id + "/run", Map.of());

		// then: the draft's process started, with the plan it had (not planned again)
		assertThat(run.statusCode()).isEqualTo(302);
		assertThat(run.headers().firstValue("Location").orElseThrow()).endsWith("/errands/" + id);
		Map<String, Object> running = row(id);
		assertThat(running.get("process_instance_key")).isNotNull();
		assertThat(running.get("status")).isIn("running", "waiting_confirm");
		assertThat(running.get("plan_json")).isEqualTo(plan);
		assertThat(running.get("bpmn_xml")).isEqualTo(bpmn);
		assertThat(processInstances(id)).isEqualTo(1);
		assertThat(this.conversations.history("paula")).containsExactly(IPHONE);

		// when: run again (a second click, another tab)
		paula.get("/errands/" + id);
		HttpResponse<String> again = paula.post("/errands/" + id + "/run", Map.of());

		// then: nothing more started, and the page says why
		assertThat(again.statusCode()).isEqualTo(302);
		assertThat(processInstances(id)).isEqualTo(1);
		assertThat(paula.get("/errands/" + id).body()).contains("This plan is not waiting to run any more");
	}

	@Test
	void shouldDropADraftWithoutRunningAnything() {
		// given
		ConsoleClient quinn = ConsoleClient.logIn(this.port, "quinn", "quinn");
		quinn.get("/errands");
		String id = errandId(quinn.post("/errands", Map.of("text", "帮我买两箱农夫山泉")));

		// when
		quinn.get("/errands/" + id);
		HttpResponse<String> dropped = quinn.post("/errands/" + id + "/drop", Map.of());

		// then
		assertThat(dropped.statusCode()).isEqualTo(302);
		assertThat(dropped.headers().firstValue("Location").orElseThrow()).endsWith("/errands");
		assertThat(quinn.get("/errands").body()).contains("The plan is dropped; nothing ran.");
		assertThat(count("SELECT COUNT(*) FROM app_errand WHERE id = ?", id)).isZero();
		assertThat(processInstances(id)).isZero();
		assertThat(quinn.get("/errands/" + id).statusCode()).isEqualTo(404);
	}

	@Test
	void shouldShowAQuestionBackOrARefusalAsSuchAndRecordNothing() {
		// given
		ConsoleClient rosa = ConsoleClient.logIn(this.port, "rosa", "rosa");
		rosa.get("/errands");

		// when
		HttpResponse<String> hello = rosa.post("/errands", Map.of("text", "你好"));
		HttpResponse<String> harmful = rosa.post("/errands", Map.of("text", "帮我黑进隔壁的wifi"));

		// then
		assertThat(hello.statusCode()).isEqualTo(200);
		assertThat(hello.body()).containsAnyOf("id=\"planner-question\"", "id=\"planner-refusal\"");
		assertThat(harmful.statusCode()).isEqualTo(200);
		assertThat(harmful.body()).contains("id=\"planner-refusal\"").contains("Banshi will not do this:");
		assertThat(harmful.body()).contains("帮我黑进隔壁的wifi");
		assertThat(count("SELECT COUNT(*) FROM app_errand WHERE owner = ?", "rosa")).isZero();
	}

	@Test
	void shouldRefuseBadInputClearlyAndChangeNothing() {
		// given
		ConsoleClient uma = ConsoleClient.logIn(this.port, "uma", "uma");
		uma.get("/errands");
		int before = count("SELECT COUNT(*) FROM app_errand WHERE owner = ?", "uma");

		// when
		HttpResponse<String> empty = uma.post("/errands", Map.of("text", "   "));
		HttpResponse<String> tooLong = uma.post("/errands", Map.of("text", "查".repeat(2001)));
		HttpResponse<String> forged = uma.postWithoutToken("/errands", Map.of("text", IPHONE));

		// then
		assertThat(empty.statusCode()).isEqualTo(200);
		assertThat(empty.body()).contains("id=\"problem\"").contains("Say what you want done: the sentence is empty.");
		assertThat(tooLong.statusCode()).isEqualTo(200);
		assertThat(tooLong.body()).contains("That is too long: at most 2000 characters.");
		assertThat(forged.statusCode()).isEqualTo(403);
		assertThat(count("SELECT COUNT(*) FROM app_errand WHERE owner = ?", "uma")).isEqualTo(before);
		assertThat(this.conversations.history("uma")).isEmpty();
	}

	@Test
	void shouldPlanAFollowUpInThePersonsConversation() {
		// given
		ConsoleClient sam = ConsoleClient.logIn(this.port, "sam", "sam");
		sam.get("/errands");
		String weather = errandId(sam.post("/errands", Map.of("text", "杭州天气如何?")));

		// when
		sam.get("/errands");
		String clothes = errandId(sam.post("/errands", Map.of("text", "适合穿什么?")));

		// then
		assertThat(sam.get("/errands/" + weather).body()).contains("杭州");
		assertThat(row(clothes).get("plan_json").toString()).contains("杭州");
		assertThat(sam.get("/errands/" + clothes).body()).contains("杭州");
	}

	@Test
	void shouldEscapeWhatThePersonSaid() {
		// given
		ConsoleClient sam = ConsoleClient.logIn(this.port, "sam", "sam");
		sam.get("/errands");

		// when
		String id = errandId(sam.post("/errands", Map.of("text", "杭州明天天气怎么样?<img src=x onerror=alert(1)>")));

		// then
		String page = sam.get("/errands/" + id).body();
		assertThat(page).doesNotContain("<img src=x").contains("&lt;img src=x onerror=alert(1)&gt;");
		assertThat(sam.get("/errands").body()).doesNotContain("<img src=x").contains("&lt;img src=x");
	}

	// The timeouts only keep a broken build from hanging on a stream that never ends.
	@Test
	@Timeout(value = 5, unit = TimeUnit.MINUTES)
	void shouldStreamProgressToTheConfirmAndOnToTheEndThenCloseTheStream() throws Exception {
		// given: a running errand
		ConsoleClient tess = ConsoleClient.logIn(this.port, "tess", "tess");
		tess.get("/errands");
		String id = errandId(tess.post("/errands", Map.of("text", IPHONE)));
		tess.get("/errands/" + id);
		tess.post("/errands/" + id + "/run", Map.of());

		// when
		HttpResponse<Stream<String>> stream = tess.lines("/errands/" + id + "/events");

		// then: it reaches the confirm with the options a person picks from
		assertThat(stream.statusCode()).isEqualTo(200);
		assertThat(stream.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/event-stream");
		Iterator<String> lines = stream.body().iterator();
		JsonNode waiting = next(lines, (e) -> e.path("status").asText().equals("waiting_confirm"));
		assertThat(waiting.path("options")).isNotEmpty();
		assertThat(waiting.path("options").get(0).path("name").asText()).isNotBlank();
		HttpResponse<String> live = tess.get("/errands/" + id + "/live");
		assertThat(live.body()).contains("id=\"options\"").contains("Take the one picked").doesNotContain("<html");
		assertThat(live.body()).as("a plugin's field is named in the person's words")
			.contains(">in stock</span>: ")
			.doesNotContain(">stock</span>")
			.contains(">Ranking of products</dt>")
			.doesNotContain(">ranked_shop_product<");

		// when: the person picks the first option on the page
		tess.get("/errands/" + id);
		HttpResponse<String> picked = tess.post("/errands/" + id + "/confirm", Map.of("option", "1"));

		// then: the same stream goes on to the end, with the order, and closes
		assertThat(picked.statusCode()).isEqualTo(302);
		JsonNode completed = next(lines, (e) -> e.path("status").asText().equals("completed"));
		assertThat(completed.path("orders")).hasSize(1);
		while (lines.hasNext()) {
			assertThat(lines.next()).doesNotStartWith("data:");
		}
		String page = tess.get("/errands/" + id).body();
		assertThat(page).contains("Done").contains("id=\"orders\"").doesNotContain("data-events=\"/errands");
	}

	@Test
	@Timeout(value = 5, unit = TimeUnit.MINUTES)
	void shouldRefuseAPickThatIsNoOption() throws Exception {
		// given: an errand waiting at its confirm
		ConsoleClient tess = ConsoleClient.logIn(this.port, "tess", "tess");
		tess.get("/errands");
		String id = errandId(tess.post("/errands", Map.of("text", IPHONE)));
		tess.get("/errands/" + id);
		tess.post("/errands/" + id + "/run", Map.of());
		next(tess.lines("/errands/" + id + "/events").body().iterator(),
				(e) -> e.path("status").asText().equals("waiting_confirm"));

		// when
		tess.get("/errands/" + id);
		tess.post("/errands/" + id + "/confirm", Map.of("option", "99"));
		String outOfRange = tess.get("/errands/" + id).body();
		tess.post("/errands/" + id + "/confirm", Map.of("option", "first"));
		String notANumber = tess.get("/errands/" + id).body();

		// then
		assertThat(outOfRange).contains("That option is not one of those offered.");
		assertThat(notANumber).contains("Pick one of the options, or decline.");
		assertThat(row(id).get("status")).isEqualTo("waiting_confirm");
		assertThat(count("SELECT COUNT(*) FROM app_order WHERE process_instance_key = ? AND capability <> ?",
				row(id).get("process_instance_key"), "notify.message"))
			.isZero();
	}

	@Test
	@Timeout(value = 5, unit = TimeUnit.MINUTES)
	void shouldOrderNothingWhenThePersonDeclinesOnThePage() throws Exception {
		// given: an errand waiting at its confirm
		ConsoleClient tess = ConsoleClient.logIn(this.port, "tess", "tess");
		tess.get("/errands");
		String id = errandId(tess.post("/errands", Map.of("text", IPHONE)));
		tess.get("/errands/" + id);
		tess.post("/errands/" + id + "/run", Map.of());
		Iterator<String> lines = tess.lines("/errands/" + id + "/events").body().iterator();
		next(lines, (e) -> e.path("status").asText().equals("waiting_confirm"));

		// when: declined (the first option is still ticked, as the form sends it)
		tess.get("/errands/" + id);
		HttpResponse<String> declined = tess.post("/errands/" + id + "/confirm",
				Map.of("option", "1", "decline", "true"));

		// then
		assertThat(declined.statusCode()).isEqualTo(302);
		JsonNode canceled = next(lines, (e) -> e.path("status").asText().equals("canceled"));
		assertThat(canceled.path("orders")).isEmpty();
		assertThat(tess.get("/errands/" + id).body()).contains("Declined: nothing is ordered.").contains("Canceled");
	}

	@Test
	void shouldClearTheConversationAndTheTextsButKeepRunningErrandsRunning() {
		// given: one errand running (its reminder is next week), one draft, a
		// conversation
		ConsoleClient vera = ConsoleClient.logIn(this.port, "vera", "vera");
		vera.get("/errands");
		String running = errandId(vera.post("/errands", Map.of("text", "下周五晚上提醒我给车加油")));
		vera.get("/errands/" + running);
		vera.post("/errands/" + running + "/run", Map.of());
		vera.get("/errands");
		String draft = errandId(vera.post("/errands", Map.of("text", "杭州明天天气怎么样?")));
		assertThat(this.conversations.history("vera")).isNotEmpty();

		// when: asked first, then a forged request, then confirmed
		HttpResponse<String> asked = vera.get("/errands/history/clear");
		HttpResponse<String> forged = vera.postWithoutToken("/errands/history/clear", Map.of());
		assertThat(forged.statusCode()).isEqualTo(403);
		assertThat(this.conversations.history("vera")).isNotEmpty();
		HttpResponse<String> cleared = vera.post("/errands/history/clear", Map.of());

		// then
		assertThat(asked.body()).contains("Clear my history?").contains("id=\"clear-confirm\"");
		assertThat(cleared.statusCode()).isEqualTo(302);
		String list = vera.get("/errands").body();
		assertThat(list).contains("Your history is cleared.")
			.contains("Running errands keep running")
			.doesNotContain("给车加油")
			.doesNotContain("杭州明天天气怎么样");
		assertThat(this.conversations.history("vera")).isEmpty();
		assertThat(row(running).get("text")).isEqualTo("");
		assertThat(row(running).get("status")).isEqualTo("running");
		long key = ((Number) row(running).get("process_instance_key")).longValue();
		assertThat(this.engine.processInstances(QueryFilter.any().withProcessInstanceKey(key), 0, 1).items())
			.singleElement()
			.satisfies((instance) -> assertThat(instance.state()).isEqualTo("ACTIVE"));
		assertThat(count("SELECT COUNT(*) FROM app_errand WHERE id = ?", draft)).isZero();
	}

	@Test
	void shouldShowAPersonNothingOfAnotherPersonsErrand() throws Exception {
		// given: walt's errand, running
		ConsoleClient walt = ConsoleClient.logIn(this.port, "walt", "walt");
		walt.get("/errands");
		String text = "帮我买两箱农夫山泉,送到家里";
		String id = errandId(walt.post("/errands", Map.of("text", text)));
		String draft = errandId(walt.post("/errands", Map.of("text", text)));
		walt.get("/errands/" + id);
		walt.post("/errands/" + id + "/run", Map.of());
		ConsoleClient quinn = ConsoleClient.logIn(this.port, "quinn", "quinn");

		// when / then: every page, fragment, stream and action answers 404
		for (String path : List.of("/errands/" + id, "/errands/" + id + "/live", "/errands/" + id + "/diagram",
				"/errands/" + draft)) {
			HttpResponse<String> seen = quinn.get(path);
			assertThat(seen.statusCode()).as(path).isEqualTo(404);
			assertThat(seen.body()).as(path).doesNotContain("农夫山泉");
		}
		assertThat(quinn.lines("/errands/" + id + "/events").statusCode()).isEqualTo(404);
		quinn.get("/errands");
		for (String action : List.of("/errands/" + draft + "/run", "/errands/" + draft + "/drop",
				"/errands/" + id + "/confirm", "/errands/" + id + "/cancel")) {
			assertThat(quinn.post(action, Map.of("option", "1")).statusCode()).as(action).isEqualTo(404);
		}
		assertThat(quinn.get("/errands").body()).doesNotContain("农夫山泉").doesNotContain(id);
		assertThat(row(draft).get("status")).isEqualTo("planned");
		assertThat(row(id).get("status")).isNotEqualTo("canceled");
	}

	/**
	 * Reads server-sent events until one says the errand is as expected.
	 */
	private JsonNode next(Iterator<String> lines, Predicate<JsonNode> expected) throws Exception {
		while (lines.hasNext()) {
			String line = lines.next();
			if (line.startsWith("data:")) {
				JsonNode errand = this.json.readTree(line.substring("data:".length()));
				if (expected.test(errand)) {
					return errand;
				}
			}
		}
		throw new AssertionError("The stream ended before the errand got as expected");
	}

	private static String errandId(HttpResponse<String> planned) {
		assertThat(planned.statusCode()).as(planned.body()).isEqualTo(302);
		String location = planned.headers().firstValue("Location").orElseThrow();
		assertThat(location).matches(".*/errands/[0-9a-f-]{36}");
		return location.substring(location.lastIndexOf('/') + 1);
	}

	private Map<String, Object> row(String id) {
		return this.jdbc
			.queryForMap("SELECT status, text, process_id, process_instance_key, plan_json, bpmn_xml"
					+ " FROM app_errand WHERE id = ?", id)
			.entrySet()
			.stream()
			.collect(java.util.HashMap::new,
					(map, e) -> map.put(e.getKey().toLowerCase(java.util.Locale.ROOT), e.getValue()),
					java.util.HashMap::putAll);
	}

	private int count(String sql, Object... args) {
		return this.jdbc.queryForObject(sql, Integer.class, args);
	}

	/**
	 * Counts the process instances started for an errand (a template's process id is
	 * shared by the errands that run it).
	 */
	private int processInstances(String errandId) {
		return this.engine.processInstances(QueryFilter.any().withVariable("errandId", "\"" + errandId + "\""), 0, 10)
			.items()
			.size();
	}

}
