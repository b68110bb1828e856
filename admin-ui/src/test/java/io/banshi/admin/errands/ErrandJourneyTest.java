package io.banshi.admin.errands;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Map;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.banshi.db.TestDatabase;
import io.banshi.engine.BanshiEngine;
import io.banshi.engine.EngineConfiguration;
import io.banshi.engine.testing.ControlledClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationInitializer;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Dev-set errands run to completion on the real application: HTTP, the planner, templates
 * and the compiler, the embedded engine (timers and messages) and the job workers. The
 * engine runs on a clock the test moves, so a reminder next week arrives when the clock
 * reaches it, and not before. Each errand is said "now" by that clock.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ErrandJourneyTest {

	private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	/** The application's engine, on a clock the test moves. */
	@TestConfiguration(proxyBeanMethods = false)
	static class MovableClock {

		@Bean
		ControlledClock engineClock() {
			return new ControlledClock();
		}

		@Bean(destroyMethod = "close")
		BanshiEngine banshiEngine(DataSource dataSource, ControlledClock clock,
				ObjectProvider<FlywayMigrationInitializer> migrations) {
			migrations.ifAvailable((initializer) -> {
			});
			return BanshiEngine.start(EngineConfiguration.builder(dataSource)
				.host("127.0.0.1")
				.port(0)
				.clock(clock)
				.sweepInterval(Duration.ofMillis(50))
				.build());
		}

	}

	@LocalServerPort
	int port;

	@Autowired
	DataSource dataSource;

	@Autowired
	ControlledClock clock;

	private ErrandApiClient api;

	private final ObjectMapper json = new ObjectMapper();

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestDatabase.create("journeys").springProperties().forEach((key, value) -> registry.add(key, () -> value));
		registry.add("banshi.admin-password", () -> "s3cret-for-journey-tests");
	}

	@BeforeEach
	void accounts() {
		ErrandApiClient.accounts(this.dataSource, "USER", "carol", "dave");
		this.api = new ErrandApiClient(this.port);
	}

	@Test
	void shouldBookTheCheapestFlightAfterTheConfirmAndRemindAtItsTime() throws Exception {
		// given: 帮我订下周三去上海的机票并提醒我带充电器 (d01)
		JsonNode created = create("carol", "帮我订下周三去上海的机票并提醒我带充电器");
		String id = created.path("id").asText();
		JsonNode waiting = awaitStatus("carol", id, "waiting_confirm");
		JsonNode options = waiting.path("options");
		assertThat(options).isNotEmpty();
		assertThat(options.get(0).path("index").asInt()).isEqualTo(1);
		assertThat(options.get(0).path("name").asText()).isNotBlank();
		assertThat(options.get(0).path("provider").asText()).isNotBlank();
		double cheapest = options.get(0).path("price").asDouble();
		for (JsonNode option : options) {
			assertThat(option.path("price").asDouble()).isGreaterThanOrEqualTo(cheapest);
		}

		// when
		ErrandApiClient.Answer confirmed = confirm("carol", id, "{\"option\": 1}");

		// then: the cheapest flight is booked, once
		assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
		JsonNode booked = this.api.awaitErrand("carol", id, (e) -> e.path("orders").size() > 0);
		assertThat(booked.path("options")).isEmpty();
		assertThat(booked.path("orders")).singleElement().satisfies((order) -> {
			assertThat(order.path("capability").asText()).isEqualTo("travel.flight");
			assertThat(order.path("option_id").asText()).isEqualTo(options.get(0).path("id").asText());
			assertThat(order.path("amount").asDouble()).isEqualTo(cheapest);
		});
		assertThat(reminders("carol", id)).isZero();

		// when: the clock reaches the reminder
		reachReminder(created);

		// then
		JsonNode inbox = this.api.awaitInbox("carol", (messages) -> reminders(messages, id) > 0);
		assertThat(reminderText(inbox, id)).contains("充电器");
		awaitStatus("carol", id, "completed");
	}

	@Test
	void shouldOrderNothingWhenTheConfirmIsDeclined() throws Exception {
		// given: Find the cheapest iPhone 16 and order it if it's under 6000 yuan (d05)
		String id = create("carol", "Find the cheapest iPhone 16 and order it if it's under 6000 yuan").path("id")
			.asText();
		awaitStatus("carol", id, "waiting_confirm");

		// when
		ErrandApiClient.Answer declined = confirm("carol", id, "{\"decline\": true}");

		// then
		assertThat(declined.status()).as(declined.body()).isEqualTo(200);
		JsonNode errand = awaitStatus("carol", id, "canceled");
		assertThat(errand.path("orders")).isEmpty();
		assertThat(errand.path("options")).isEmpty();
		assertThat(ordersOf(errand)).isZero();
	}

	@Test
	void shouldBuyTheIphoneAfterTheConfirm() throws Exception {
		// d05
		JsonNode errand = confirmFirstAndComplete("dave",
				"Find the cheapest iPhone 16 and order it if it's under 6000 yuan");
		assertThat(errand.path("orders")).singleElement()
			.satisfies((order) -> assertThat(order.path("capability").asText()).isEqualTo("shop.product"));
	}

	@Test
	void shouldBookAHotelForTheWeekendTrip() throws Exception {
		// d02
		JsonNode errand = confirmFirstAndComplete("dave", "周末带家人去杭州玩两天,预算5000元");
		assertThat(errand.path("orders"))
			.anySatisfy((order) -> assertThat(order.path("capability").asText()).isEqualTo("travel.hotel"));
	}

	@Test
	void shouldOrderLunchDelivery() throws Exception {
		// d06
		JsonNode errand = confirmFirstAndComplete("dave", "明天中午帮我点一份麻辣烫外卖");
		assertThat(errand.path("orders")).singleElement()
			.satisfies((order) -> assertThat(order.path("capability").asText()).isEqualTo("food.delivery"));
	}

	@Test
	void shouldWriteTheExpenseToTheLedger() throws Exception {
		// d13
		JsonNode errand = confirmFirstAndComplete("dave", "I spent 45 yuan on lunch today, add it to my expenses");
		assertThat(errand.path("orders")).singleElement().satisfies((order) -> {
			assertThat(order.path("capability").asText()).isEqualTo("finance.ledger");
			assertThat(order.path("amount").asDouble()).isEqualTo(45.0);
		});
	}

	@Test
	void shouldAskForEachConfirmOfParallelBranchesInTurn() throws Exception {
		// given: 后天去成都出差,帮我订机票和酒店 (d16): a flight and a hotel, each confirmed
		String id = create("dave", "后天去成都出差,帮我订机票和酒店").path("id").asText();
		JsonNode first = awaitStatus("dave", id, "waiting_confirm");
		JsonNode firstOptions = first.path("options");

		// when: option 1 of what is shown first, then option 2 of what is shown next
		assertThat(confirm("dave", id, "{\"option\": 1}").status()).isEqualTo(200);
		JsonNode second = awaitStatus("dave", id, "waiting_confirm");
		JsonNode secondOptions = second.path("options");
		assertThat(secondOptions.get(0).path("capability").asText())
			.isNotEqualTo(firstOptions.get(0).path("capability").asText());
		assertThat(confirm("dave", id, "{\"option\": 2}").status()).isEqualTo(200);

		// then: each branch ordered what was picked from the options shown for it
		JsonNode done = awaitStatus("dave", id, "completed");
		assertThat(done.path("orders")).hasSize(2);
		assertThat(optionOrdered(done, firstOptions.get(0).path("capability").asText()))
			.isEqualTo(firstOptions.get(0).path("id").asText());
		assertThat(optionOrdered(done, secondOptions.get(1).path("capability").asText()))
			.isEqualTo(secondOptions.get(1).path("id").asText());
	}

	private static String optionOrdered(JsonNode errand, String capability) {
		for (JsonNode order : errand.path("orders")) {
			if (order.path("capability").asText().equals(capability)) {
				return order.path("option_id").asText();
			}
		}
		return null;
	}

	@Test
	void shouldRemindToCallMomWhenTheClockGetsThere() throws Exception {
		// given: Remind me to call mom tomorrow at 8pm (d03)
		JsonNode created = create("carol", "Remind me to call mom tomorrow at 8pm");
		String id = created.path("id").asText();
		awaitStep("carol", id);
		assertThat(reminders("carol", id)).isZero();

		// when
		reachReminder(created);

		// then
		JsonNode inbox = this.api.awaitInbox("carol", (messages) -> reminders(messages, id) > 0);
		assertThat(reminderText(inbox, id)).contains("call mom");
		awaitStatus("carol", id, "completed");
	}

	@Test
	void shouldBuyDogFoodAndRemindOnSaturdayAndCompensateWhenCanceled() throws Exception {
		// given: Buy 3 bags of dog food and remind me to pick them up on Saturday (d31)
		JsonNode created = create("dave", "Buy 3 bags of dog food and remind me to pick them up on Saturday");
		String id = created.path("id").asText();
		awaitStatus("dave", id, "waiting_confirm");
		assertThat(confirm("dave", id, "{\"option\": 1}").status()).isEqualTo(200);
		JsonNode ordered = this.api.awaitErrand("dave", id, (e) -> e.path("orders").size() > 0);
		assertThat(ordered.path("orders")).singleElement().satisfies((order) -> {
			assertThat(order.path("capability").asText()).isEqualTo("shop.product");
			assertThat(order.path("quantity").asInt()).isEqualTo(3);
		});
		assertThat(ordered.path("status").asText()).isEqualTo("running");

		// when: canceled while it waits for Saturday
		ErrandApiClient.Answer canceled = this.api.send("dave", "DELETE", "/api/errands/" + id, null);

		// then: the process is gone, the order compensated, and no reminder comes
		assertThat(canceled.status()).as(canceled.body()).isEqualTo(200);
		assertThat(canceled.json().path("status").asText()).isEqualTo("canceled");
		assertThat(canceled.json().path("orders")).singleElement()
			.satisfies((order) -> assertThat(order.path("status").asText()).isEqualTo("canceled"));
		reachReminder(created);
		JsonNode later = create("dave", "杭州明天天气怎么样?");
		this.api.awaitInbox("dave", (messages) -> ErrandApiTest.contains(messages, later.path("id").asText()));
		assertThat(reminders("dave", id)).isZero();
	}

	@Test
	void shouldTakeTheErrorPathWhenTheTripIsOverBudget() throws Exception {
		// when: no flight to Shanghai costs 100 CNY
		String id = create("carol", "帮我订下周三去上海的机票,预算100元").path("id").asText();

		// then
		JsonNode errand = awaitStatus("carol", id, "failed");
		assertThat(errand.at("/results/error/code").asText()).isEqualTo("OVER_BUDGET");
		assertThat(errand.path("orders")).isEmpty();
		JsonNode inbox = this.api.awaitInbox("carol", (messages) -> ErrandApiTest.contains(messages, id));
		assertThat(ErrandApiTest.first(inbox, id).path("text").asText()).contains("超出预算");
	}

	@Test
	void shouldRemindAboutAMinuteLaterAsANewUserWould() throws Exception {
		// given: 1分钟后提醒我喝水
		String id = create("dave", "1分钟后提醒我喝水").path("id").asText();
		awaitStep("dave", id);
		assertThat(reminders("dave", id)).isZero();

		// when
		this.clock.advance(Duration.ofSeconds(61));

		// then
		JsonNode inbox = this.api.awaitInbox("dave", (messages) -> reminders(messages, id) > 0);
		assertThat(reminderText(inbox, id)).contains("喝水");
	}

	@Test
	void shouldStopAtAConfirmAndOrderExactlyOnceAsANewUserWould() throws Exception {
		// given: 帮我买两箱农夫山泉
		String id = create("carol", "帮我买两箱农夫山泉").path("id").asText();
		JsonNode waiting = awaitStatus("carol", id, "waiting_confirm");
		assertThat(waiting.path("options")).isNotEmpty();

		// when
		confirm("carol", id, "{\"option\": 1}");
		ErrandApiClient.Answer again = confirm("carol", id, "{\"option\": 1}");

		// then
		JsonNode done = awaitStatus("carol", id, "completed");
		assertThat(again.status()).isIn(200, 409);
		assertThat(done.path("orders")).hasSize(1);
		assertThat(ordersOf(done)).isEqualTo(1);
	}

	private JsonNode confirmFirstAndComplete(String user, String text) throws Exception {
		String id = create(user, text).path("id").asText();
		JsonNode waiting = awaitStatus(user, id, "waiting_confirm");
		assertThat(waiting.path("options")).isNotEmpty();
		assertThat(waiting.path("currentStep").asText()).isNotBlank();
		ErrandApiClient.Answer confirmed = confirm(user, id, "{\"option\": 1}");
		assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
		JsonNode errand = awaitStatus(user, id, "completed");
		assertThat(errand.path("options")).isEmpty();
		return errand;
	}

	private JsonNode create(String user, String text) throws Exception {
		String now = OffsetDateTime.ofInstant(Instant.ofEpochMilli(this.clock.millis()), SHANGHAI).toString();
		ErrandApiClient.Answer created = this.api.send(user, "POST", "/api/errands",
				this.json.writeValueAsString(Map.of("text", text, "now", now, "timezone", "Asia/Shanghai")));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		assertThat(created.json().path("processInstanceKey").asLong()).isPositive();
		return created.json();
	}

	private ErrandApiClient.Answer confirm(String user, String id, String body) throws Exception {
		return this.api.send(user, "POST", "/api/errands/" + id + "/confirm", body);
	}

	private JsonNode awaitStatus(String user, String id, String status) throws Exception {
		return this.api.awaitErrand(user, id, (e) -> e.path("status").asText().equals(status));
	}

	/** Waits until the errand's process stands at a step (for a reminder: its timer). */
	private void awaitStep(String user, String id) throws Exception {
		this.api.awaitErrand(user, id, (e) -> !e.path("currentStep").isNull()
				&& e.path("currentStep").asText().toLowerCase(java.util.Locale.ROOT).contains("remind"));
	}

	/** Moves the engine clock a minute past the plan's {@code remind_at}. */
	private void reachReminder(JsonNode created) {
		Instant at = remindAt(created.at("/plan/slots/remind_at").asText());
		long ahead = at.toEpochMilli() - this.clock.millis();
		assertThat(ahead).as("the reminder is in the future").isPositive();
		this.clock.advance(Duration.ofMillis(ahead).plusMinutes(1));
	}

	private static Instant remindAt(String text) {
		try {
			return OffsetDateTime.parse(text).toInstant();
		}
		catch (DateTimeParseException ex) {
			try {
				return LocalDateTime.parse(text).atZone(SHANGHAI).toInstant();
			}
			catch (DateTimeParseException notLocal) {
				return LocalDate.parse(text.substring(0, 10)).atTime(9, 0).atZone(SHANGHAI).toInstant();
			}
		}
	}

	private int reminders(String user, String id) throws Exception {
		return reminders(this.api.send(user, "GET", "/api/inbox", null).json(), id);
	}

	private static int reminders(JsonNode messages, String id) {
		int count = 0;
		for (JsonNode message : messages) {
			if (message.path("errandId").asText().equals(id) && message.path("kind").asText().equals("reminder")) {
				count++;
			}
		}
		return count;
	}

	private static String reminderText(JsonNode messages, String id) {
		for (JsonNode message : messages) {
			if (message.path("errandId").asText().equals(id) && message.path("kind").asText().equals("reminder")) {
				return message.path("text").asText();
			}
		}
		return null;
	}

	private int ordersOf(JsonNode errand) {
		return new JdbcTemplate(this.dataSource).queryForObject(
				"SELECT COUNT(*) FROM app_order o JOIN app_errand e ON e.process_instance_key = o.process_instance_key"
						+ " WHERE e.id = ? AND o.capability <> 'notify.message'",
				Integer.class, errand.path("id").asText());
	}

}
