package io.banshi.workers.jobs;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.banshi.workers.SandboxFixture;
import io.banshi.workers.plugin.Inputs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The step handlers as the job workers will call them: a job's variables and headers in,
 * variables or a business error out, on the sandbox. Variables flow from step to step as
 * the engine would merge them into the process.
 */
class StepHandlersTest {

	private static final long ERRAND = 2251799813685249L;

	private SandboxFixture fixture;

	private final List<Notification> inbox = new ArrayList<>();

	private QueryHandler query;

	private CompareHandler compare;

	private ConfirmHandler confirm;

	private OrderHandler order;

	private NotifyHandler notify;

	private RemindHandler remind;

	@BeforeEach
	void createDatabase() {
		this.fixture = new SandboxFixture("handlers");
		StaticListableBeanFactory beans = new StaticListableBeanFactory();
		beans.addBean("inbox", (NotificationSink) this.inbox::add);
		ObjectProvider<NotificationSink> sinks = beans.getBeanProvider(NotificationSink.class);
		this.query = new QueryHandler(this.fixture.registry);
		this.compare = new CompareHandler(this.fixture.registry);
		this.confirm = new ConfirmHandler(this.fixture.registry);
		this.order = new OrderHandler(this.fixture.registry);
		this.notify = new NotifyHandler(this.fixture.registry, sinks);
		this.remind = new RemindHandler(this.fixture.registry, sinks);
	}

	@AfterEach
	void closeDatabase() {
		this.fixture.close();
	}

	@Test
	void shouldBookTheCheapestFlightAfterTheConfirmOnce() {
		// given: 帮我订下周三去上海的机票 (d01), each step with the inputs the planner gives it
		Map<String, Object> trip = Map.of("destination", "上海", "date", "2026-12-09");
		Map<String, Object> process = new HashMap<>(Map.of("errandId", "e-1"));
		process.putAll(complete(this.query.handle(job("query", "s1", "travel.flight", with(process, trip)))));
		process.putAll(complete(
				this.compare.handle(job("compare", "s2", "travel.flight", with(process, Map.of("by", "price"))))));
		process.putAll(complete(this.confirm
			.handle(job("confirm", "s3", "travel.flight", with(process, Map.of("question", "请确认或选择一个选项后再下单。"))))));
		List<?> options = (List<?>) process.get("options");
		assertThat(options).hasSizeGreaterThanOrEqualTo(3);
		Map<?, ?> cheapest = (Map<?, ?>) options.get(0);
		assertThat(cheapest.get("index")).isEqualTo(1);
		assertThat(cheapest.get("flight_no")).isEqualTo("9C8812");
		assertThat(process).containsEntry("awaitingConfirmation", true).containsKey("results_s1");
		process.put("confirmation", Map.of("option", 1));

		// when: the order job runs, and runs again as if redelivered
		StepJob orderJob = job("order", "s4", "travel.flight", with(process, trip));
		Map<String, Object> first = complete(this.order.handle(orderJob));
		Map<String, Object> again = complete(this.order.handle(orderJob));

		// then
		Map<?, ?> receipt = (Map<?, ?>) first.get("order_s4");
		assertThat(receipt.get("option_id")).isEqualTo("FL:9C8812:2026-12-09");
		assertThat(Inputs.decimal(receipt.get("amount"))).isEqualByComparingTo("620");
		assertThat(receipt.get("idempotency_key")).isEqualTo(ERRAND + "/s4");
		assertThat(((Map<?, ?>) again.get("order_s4")).get("order_id")).isEqualTo(receipt.get("order_id"));
		assertThat(this.fixture.count("SELECT COUNT(*) FROM app_order")).isEqualTo(1);
	}

	@Test
	void shouldOfferWhatTheQueryFoundWhenThereWasNoCompare() {
		// given: 明晚7点在海底捞订个4人位 (d32): query, confirm, order
		Map<String, Object> booking = Map.of("item", "海底捞", "party_size", 4, "date", "2026-12-01", "time", "19:00");
		Map<String, Object> process = new HashMap<>(Map.of("errandId", "e-32"));
		process.putAll(complete(this.query.handle(job("query", "s1", "food.restaurant", with(process, booking)))));

		// when
		process.putAll(complete(this.confirm.handle(job("confirm", "s2", "food.restaurant", process))));
		process.put("confirmation", Map.of("option", 1));
		Map<String, Object> result = complete(
				this.order.handle(job("order", "s3", "food.restaurant", with(process, booking))));

		// then
		assertThat((List<?>) process.get("options")).singleElement()
			.satisfies((option) -> assertThat((String) ((Map<?, ?>) option).get("name")).startsWith("海底捞"));
		Map<?, ?> receipt = (Map<?, ?>) result.get("order_s3");
		assertThat((String) receipt.get("option_id")).endsWith(":2026-12-01:19:00");
		assertThat(receipt.get("quantity")).isEqualTo(1);
	}

	@Test
	void shouldOrderWhatWasPickedForEachCapabilityOnParallelBranches() {
		// given: 后天去成都出差,帮我订机票和酒店 (d16): two branches sharing the process's variables
		Map<String, Object> flightInputs = Map.of("destination", "成都", "date", "2026-12-02");
		Map<String, Object> hotelInputs = Map.of("destination", "成都", "date", "2026-12-02", "nights", 1);
		Map<String, Object> process = new HashMap<>(Map.of("errandId", "e-16"));
		process.putAll(complete(this.query.handle(job("query", "f1", "travel.flight", with(process, flightInputs)))));
		process.putAll(complete(this.query.handle(job("query", "h1", "travel.hotel", with(process, hotelInputs)))));
		process.putAll(complete(this.compare.handle(job("compare", "f2", "travel.flight", process))));
		process.putAll(complete(this.compare.handle(job("compare", "h2", "travel.hotel", process))));
		process.putAll(complete(this.confirm.handle(job("confirm", "f3", "travel.flight", process))));
		process.putAll(complete(this.confirm.handle(job("confirm", "h3", "travel.hotel", process))));
		process.put("confirmation", Map.of("option", 1));

		// when
		Map<String, Object> flight = complete(
				this.order.handle(job("order", "f4", "travel.flight", with(process, flightInputs))));
		Map<String, Object> hotel = complete(
				this.order.handle(job("order", "h4", "travel.hotel", with(process, hotelInputs))));

		// then
		assertThat((String) ((Map<?, ?>) flight.get("order_f4")).get("option_id")).startsWith("FL:");
		assertThat(((Map<?, ?>) flight.get("order_f4")).get("capability")).isEqualTo("travel.flight");
		assertThat((String) ((Map<?, ?>) hotel.get("order_h4")).get("option_id")).startsWith("HT:");
		assertThat(process).containsKeys("options_travel_flight", "options_travel_hotel", "ranked_travel_flight");
	}

	@Test
	void shouldOrderTheOptionThePersonPicked() {
		// given: 帮我买两箱农夫山泉 (d14), the person picks option 2
		Map<String, Object> process = new HashMap<>(Map.of("item", "农夫山泉", "quantity", 2));
		process.putAll(complete(this.compare.handle(job("compare", "s2", "shop.product", process))));
		Map<?, ?> second = (Map<?, ?>) ((List<?>) process.get("options")).get(1);
		process.put("confirmation", Map.of("option", 2));

		// when
		Map<String, Object> result = complete(this.order.handle(job("order", "s4", "shop.product", process)));

		// then
		Map<?, ?> receipt = (Map<?, ?>) result.get("order_s4");
		assertThat(receipt.get("option_id")).isEqualTo(second.get("id"));
		assertThat(receipt.get("quantity")).isEqualTo(2);
	}

	@Test
	void shouldThrowOverBudgetWhenEveryOptionCostsTooMuch() {
		// given: a hotel in Shenzhen for three nights on 300 yuan
		Map<String, Object> process = Map.of("destination", "深圳", "date", "2026-12-12", "nights", 3, "budget", 300);

		// when
		StepResult result = this.compare.handle(job("compare", "s2", "travel.hotel", process));

		// then
		assertThat(result).isInstanceOfSatisfying(StepResult.BusinessError.class, (error) -> {
			assertThat(error.code()).isEqualTo("OVER_BUDGET");
			assertThat(error.message()).contains("300");
			assertThat(error.variables()).containsEntry("businessError", "OVER_BUDGET");
		});
	}

	@Test
	void shouldThrowSoldOutFromTheOrderAndTellThePersonWhy() {
		// given: the sold-out flight was picked
		Map<String, Object> process = new HashMap<>(Map.of("destination", "上海", "date", "2026-12-09"));
		Map<String, Object> soldOut = this.fixture.registry.query("travel.flight", process)
			.stream()
			.filter((option) -> "CZ3907".equals(option.details().get("flight_no")))
			.findFirst()
			.orElseThrow()
			.toMap();
		soldOut.put("index", 1);
		process.put("options", List.of(soldOut));
		process.put("confirmation", Map.of("option", 1));

		// when
		StepResult result = this.order.handle(job("order", "s4", "travel.flight", process));

		// then
		assertThat(result).isInstanceOf(StepResult.BusinessError.class);
		StepResult.BusinessError error = (StepResult.BusinessError) result;
		assertThat(error.code()).isEqualTo("SOLD_OUT");
		process.putAll(error.variables());
		process.put("reason", "SOLD_OUT");
		Map<String, Object> told = complete(this.notify.handle(job("notify", "s4_failed", "notify.message", process)));
		assertThat((String) ((Map<?, ?>) told.get("notification_s4_failed")).get("text")).startsWith("没有货了")
			.contains("CZ3907");
		assertThat(this.inbox).singleElement().satisfies((message) -> {
			assertThat(message.kind()).isEqualTo("notification");
			assertThat(message.processInstanceKey()).isEqualTo(ERRAND);
		});
	}

	@Test
	void shouldWriteTheLedgerWithoutOptionsAfterAProposal() {
		// given: I spent 45 yuan on lunch today (d13)
		Map<String, Object> process = new HashMap<>(Map.of("amount", 45, "item", "lunch", "date", "2026-11-30"));
		process.putAll(complete(this.confirm.handle(job("confirm", "s1", "finance.ledger", process))));
		assertThat((List<?>) process.get("options")).singleElement()
			.satisfies((proposal) -> assertThat(((Map<?, ?>) proposal).get("id")).isEqualTo("proposal"));
		process.put("confirmation", Map.of("option", 1));

		// when
		Map<String, Object> result = complete(this.order.handle(job("order", "s2", "finance.ledger", process)));

		// then
		Map<?, ?> receipt = (Map<?, ?>) result.get("order_s2");
		assertThat(receipt.get("category")).isEqualTo("餐饮");
		assertThat(new BigDecimal(receipt.get("balance").toString())).isEqualByComparingTo("45");
	}

	@Test
	void shouldRemindOncePerRoundOfARepeatingReminder() {
		// given: 每天早上7点提醒我吃药, two rounds, the first delivered twice
		Map<String, Object> process = Map.of("remind_text", "吃药", "repeat", "daily");
		StepJob monday = new StepJob("remind", ERRAND, "s1", 100L, Map.of("stepId", "s1"), process);
		StepJob tuesday = new StepJob("remind", ERRAND, "s1", 200L, Map.of("stepId", "s1"), process);

		// when
		this.remind.handle(monday);
		this.remind.handle(monday);
		Map<String, Object> second = complete(this.remind.handle(tuesday));

		// then
		assertThat(this.fixture.count("SELECT COUNT(*) FROM sbx_message")).isEqualTo(2);
		assertThat(((Map<?, ?>) second.get("reminder_s1")).get("text")).isEqualTo("提醒:吃药");
		assertThat(this.inbox).extracting(Notification::key)
			.containsExactly(ERRAND + "/s1/100", ERRAND + "/s1/100", ERRAND + "/s1/200");
	}

	@Test
	void shouldThrowNotFoundFromAQueryForAnUnknownCity() {
		// when
		StepResult result = this.query.handle(job("query", "s1", "weather.forecast", Map.of("destination", "亚特兰蒂斯")));

		// then
		assertThat(result).isInstanceOfSatisfying(StepResult.BusinessError.class,
				(error) -> assertThat(error.code()).isEqualTo("NOT_FOUND"));
	}

	private static StepJob job(String type, String stepId, String capability, Map<String, Object> variables) {
		return new StepJob(type, ERRAND, stepId, 1000L + stepId.hashCode(),
				Map.of("stepId", stepId, "capability", capability), variables);
	}

	private static Map<String, Object> with(Map<String, Object> process, Map<String, Object> inputs) {
		Map<String, Object> variables = new HashMap<>(process);
		variables.putAll(inputs);
		return variables;
	}

	private static Map<String, Object> complete(StepResult result) {
		assertThat(result).isInstanceOf(StepResult.Complete.class);
		return ((StepResult.Complete) result).variables();
	}

}
