package io.banshi.workers.order;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.banshi.workers.SandboxFixture;
import io.banshi.workers.plugin.BusinessFailure;
import io.banshi.workers.plugin.FailureCode;
import io.banshi.workers.plugin.IdempotencyKey;
import io.banshi.workers.plugin.Option;
import io.banshi.workers.plugin.OrderReceipt;
import io.banshi.workers.plugin.OrderStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Orders through the sandbox plugins and the order store: once per idempotency key, also
 * under concurrent calls; stock taken and given back; business failures with their codes,
 * leaving nothing behind.
 */
class OrderingTest {

	private SandboxFixture fixture;

	@BeforeEach
	void createDatabase() {
		this.fixture = new SandboxFixture("ordering");
	}

	@AfterEach
	void closeDatabase() {
		this.fixture.close();
	}

	@Test
	void shouldPlaceOneOrderWhenTheSameKeyOrdersTwice() {
		// given
		Map<String, Object> inputs = Map.of("item", "农夫山泉", "quantity", 2);
		Option water = product("京东超市", inputs);
		IdempotencyKey key = IdempotencyKey.forStep(2251799813685249L, "order_water");

		// when
		OrderReceipt first = this.fixture.registry.order("shop.product", water, inputs, key);
		OrderReceipt second = this.fixture.registry.order("shop.product", water, inputs, key);

		// then
		assertThat(first.replayed()).isFalse();
		assertThat(second.replayed()).isTrue();
		assertThat(second.orderId()).isEqualTo(first.orderId());
		assertThat(first.amount()).isEqualByComparingTo("72");
		assertThat(first.quantity()).isEqualTo(2);
		assertThat(first.processInstanceKey()).isEqualTo(2251799813685249L);
		assertThat(first.status()).isEqualTo(OrderStatus.PLACED);
		assertThat(this.fixture.count("SELECT COUNT(*) FROM app_order")).isEqualTo(1);
		assertThat(product("京东超市", inputs).available()).isEqualTo(498);
	}

	@Test
	void shouldPlaceOneOrderWhenTwoThreadsOrderWithTheSameKeyAtOnce() throws Exception {
		// given
		Map<String, Object> inputs = Map.of("destination", "上海", "date", "2026-12-09", "party_size", 1);
		Option flight = flight("CA1501", inputs);
		int threads = 2;
		for (int round = 0; round < 5; round++) {
			IdempotencyKey key = IdempotencyKey.forJob(4503599627370497L, "order_flight", 100 + round);
			ExecutorService pool = Executors.newFixedThreadPool(threads);
			CountDownLatch start = new CountDownLatch(1);
			List<Future<OrderReceipt>> results = new ArrayList<>();
			for (int i = 0; i < threads; i++) {
				results.add(pool.submit(() -> {
					start.await();
					return this.fixture.registry.order("travel.flight", flight, inputs, key);
				}));
			}

			// when
			start.countDown();
			List<OrderReceipt> receipts = new ArrayList<>();
			for (Future<OrderReceipt> result : results) {
				receipts.add(result.get(30, TimeUnit.SECONDS));
			}
			pool.shutdown();

			// then
			assertThat(receipts).extracting(OrderReceipt::orderId).containsOnly(receipts.get(0).orderId());
			assertThat(receipts).filteredOn(OrderReceipt::replayed).hasSize(threads - 1);
			assertThat(this.fixture.count("SELECT COUNT(*) FROM app_order WHERE idempotency_key = ?", key.value()))
				.isEqualTo(1);
		}
		assertThat(this.fixture.count("SELECT COUNT(*) FROM app_order")).isEqualTo(5);
		assertThat(flight("CA1501", inputs).available()).isEqualTo(30 - 5);
	}

	@Test
	void shouldNeverSellMoreSeatsThanAreLeftUnderConcurrentOrders() throws Exception {
		// given: MU5102 has 2 seats; six people order at once, each under their own key
		Map<String, Object> inputs = Map.of("destination", "上海", "date", "2026-12-09");
		Option flight = flight("MU5102", inputs);
		int buyers = 6;
		ExecutorService pool = Executors.newFixedThreadPool(buyers);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<Object>> results = new ArrayList<>();
		for (int i = 0; i < buyers; i++) {
			IdempotencyKey key = IdempotencyKey.forStep(5000L + i, "order_flight");
			results.add(pool.submit(() -> {
				start.await();
				try {
					return this.fixture.registry.order("travel.flight", flight, inputs, key);
				}
				catch (BusinessFailure failure) {
					return failure.code();
				}
			}));
		}

		// when
		start.countDown();
		List<Object> outcomes = new ArrayList<>();
		for (Future<Object> result : results) {
			outcomes.add(result.get(60, TimeUnit.SECONDS));
		}
		pool.shutdown();

		// then
		assertThat(outcomes).filteredOn(OrderReceipt.class::isInstance).hasSize(2);
		assertThat(outcomes).filteredOn(FailureCode.SOLD_OUT::equals).hasSize(buyers - 2);
		assertThat(this.fixture.count("SELECT COUNT(*) FROM app_order")).isEqualTo(2);
		assertThat(flight("MU5102", inputs).available()).isZero();
	}

	@Test
	void shouldFailWithSoldOutWhenNothingIsLeft() {
		// given: CZ3907 has no seats left on any date
		Map<String, Object> inputs = Map.of("destination", "上海", "date", "2026-12-09");
		Option soldOut = flight("CZ3907", inputs);

		// when / then
		assertThatThrownBy(() -> this.fixture.registry.order("travel.flight", soldOut, inputs, IdempotencyKey.of("k1")))
			.isInstanceOfSatisfying(BusinessFailure.class, (failure) -> {
				assertThat(failure.code()).isEqualTo(FailureCode.SOLD_OUT);
				assertThat(failure.errorCode()).isEqualTo("SOLD_OUT");
			})
			.hasMessageContaining("CZ3907")
			.hasMessageContaining("sold out");
		assertThat(this.fixture.count("SELECT COUNT(*) FROM app_order")).isZero();
	}

	@Test
	void shouldSellTheLastSeatsOnceAndThenFailWithSoldOut() {
		// given: MU5102 has 2 seats
		Map<String, Object> inputs = Map.of("destination", "上海", "date", "2026-12-09");
		Option lowStock = flight("MU5102", inputs);
		assertThat(lowStock.available()).isEqualTo(2);

		// when
		this.fixture.registry.order("travel.flight", lowStock, inputs, IdempotencyKey.of("seat-1"));
		this.fixture.registry.order("travel.flight", lowStock, inputs, IdempotencyKey.of("seat-2"));

		// then
		assertThatThrownBy(
				() -> this.fixture.registry.order("travel.flight", lowStock, inputs, IdempotencyKey.of("seat-3")))
			.isInstanceOfSatisfying(BusinessFailure.class,
					(failure) -> assertThat(failure.code()).isEqualTo(FailureCode.SOLD_OUT));
		assertThat(flight("MU5102", inputs).soldOut()).isTrue();
		// Seats are counted per date: the same flight a day later still has both.
		assertThat(flight("MU5102", Map.of("destination", "上海", "date", "2026-12-10")).available()).isEqualTo(2);
		assertThat(this.fixture.count("SELECT COUNT(*) FROM app_order")).isEqualTo(2);
	}

	@Test
	void shouldFailWithSoldOutWhenFewerAreLeftThanAsked() {
		// given: the cheapest iPhone shop has 2 left
		Map<String, Object> inputs = Map.of("item", "iPhone 16", "quantity", 3);
		Option phone = product("百亿补贴数码专营", inputs);

		// when / then
		assertThatThrownBy(() -> this.fixture.registry.order("shop.product", phone, inputs, IdempotencyKey.of("k")))
			.isInstanceOfSatisfying(BusinessFailure.class,
					(failure) -> assertThat(failure.code()).isEqualTo(FailureCode.SOLD_OUT))
			.hasMessageContaining("only 2 left");
	}

	@Test
	void shouldFailWithNotFoundForAnOptionThatDoesNotExist() {
		// given: HU7605 flies on Mondays, Wednesdays and Fridays; 2026-12-08 is a Tuesday
		Map<String, Object> inputs = Map.of("destination", "上海", "date", "2026-12-09");
		Option wednesday = flight("HU7605", inputs);
		Option tuesday = new Option("travel.flight", wednesday.plugin(), "FL:HU7605:2026-12-08", wednesday.provider(),
				wednesday.name(), wednesday.price(), wednesday.total(), wednesday.time(), wednesday.rating(),
				wednesday.available(), wednesday.details());
		Option forged = new Option("travel.flight", wednesday.plugin(), "FL:HU7605:tomorrow", null, null, null, null,
				null, null, null, Map.of());

		// when / then
		for (Option option : List.of(tuesday, forged)) {
			assertThatThrownBy(
					() -> this.fixture.registry.order("travel.flight", option, inputs, IdempotencyKey.of(option.id())))
				.isInstanceOfSatisfying(BusinessFailure.class,
						(failure) -> assertThat(failure.code()).isEqualTo(FailureCode.NOT_FOUND))
				.hasMessageContaining(option.id());
		}
		assertThat(this.fixture.count("SELECT COUNT(*) FROM app_order")).isZero();
	}

	@Test
	void shouldFailWithPriceChangedWhenTheShopAsksMoreAtCheckout() {
		// given: this shop lists 2299 but asks 12% more at checkout
		Map<String, Object> inputs = Map.of("item", "茅台");
		Option moutai = product("名酒专营店", inputs);

		// when / then
		assertThatThrownBy(() -> this.fixture.registry.order("shop.product", moutai, inputs, IdempotencyKey.of("m")))
			.isInstanceOfSatisfying(BusinessFailure.class,
					(failure) -> assertThat(failure.code()).isEqualTo(FailureCode.PRICE_CHANGED))
			.hasMessageContaining("2574.88")
			.hasMessageContaining("2299");
		assertThat(this.fixture.count("SELECT COUNT(*) FROM app_order")).isZero();
		assertThat(product("名酒专营店", inputs).available()).isEqualTo(30);
	}

	@Test
	void shouldFailWithPriceChangedWhenTheFareChangedAfterTheQuery() {
		// given
		Map<String, Object> inputs = Map.of("destination", "上海", "date", "2026-12-09");
		Option flight = flight("9C8812", inputs);
		this.fixture.jdbc.update("UPDATE sbx_flight SET price = 720 WHERE flight_no = '9C8812'");

		// when / then
		assertThatThrownBy(() -> this.fixture.registry.order("travel.flight", flight, inputs, IdempotencyKey.of("f")))
			.isInstanceOfSatisfying(BusinessFailure.class,
					(failure) -> assertThat(failure.code()).isEqualTo(FailureCode.PRICE_CHANGED))
			.hasMessageContaining("720")
			.hasMessageContaining("620");
	}

	@Test
	void shouldFailWithOverBudgetAndOrderNothing() {
		// given: two nights for four at a Hangzhou hotel, on a budget too small
		Map<String, Object> inputs = Map.of("destination", "杭州", "date", "2026-12-05", "nights", 2, "party_size", 4,
				"budget", 500);
		Option hotel = this.fixture.registry.query("travel.hotel", inputs)
			.stream()
			.filter((option) -> !option.soldOut())
			.findFirst()
			.orElseThrow();

		// when / then
		assertThatThrownBy(() -> this.fixture.registry.order("travel.hotel", hotel, inputs, IdempotencyKey.of("h")))
			.isInstanceOfSatisfying(BusinessFailure.class,
					(failure) -> assertThat(failure.code()).isEqualTo(FailureCode.OVER_BUDGET))
			.hasMessageContaining("500");
		assertThat(this.fixture.count("SELECT COUNT(*) FROM app_order")).isZero();
		assertThat(this.fixture.count("SELECT COUNT(*) FROM sbx_inventory")).isZero();
	}

	@Test
	void shouldPlaceTheOrderUnderAKeyThatOnlySawABusinessFailureBefore() {
		// given: the first attempt is over budget and leaves no order behind
		Map<String, Object> tight = Map.of("item", "农夫山泉", "quantity", 2, "budget", 50);
		Map<String, Object> enough = Map.of("item", "农夫山泉", "quantity", 2, "budget", 100);
		Option water = product("京东超市", tight);
		IdempotencyKey key = IdempotencyKey.of("retry-after-failure");
		assertThatThrownBy(() -> this.fixture.registry.order("shop.product", water, tight, key))
			.isInstanceOf(BusinessFailure.class);

		// when
		OrderReceipt receipt = this.fixture.registry.order("shop.product", water, enough, key);

		// then
		assertThat(receipt.replayed()).isFalse();
		assertThat(receipt.amount()).isEqualByComparingTo("72");
	}

	@Test
	void shouldGiveStockBackWhenCanceledAndCancelOnlyOnce() {
		// given
		Map<String, Object> inputs = Map.of("destination", "杭州", "date", "2026-12-05", "nights", 2, "party_size", 4);
		Option hotel = this.fixture.registry.query("travel.hotel", inputs)
			.stream()
			.filter((option) -> option.available() != null && option.available() >= 2)
			.findFirst()
			.orElseThrow();
		int before = hotel.available();
		OrderReceipt receipt = this.fixture.registry.order("travel.hotel", hotel, inputs, IdempotencyKey.of("stay"));
		assertThat(available(inputs, hotel)).isEqualTo(before - 2);

		// when
		OrderReceipt canceled = this.fixture.registry.cancel(receipt);
		OrderReceipt again = this.fixture.registry.cancel(receipt);

		// then
		assertThat(canceled.status()).isEqualTo(OrderStatus.CANCELED);
		assertThat(canceled.canceledAt()).isNotNull();
		assertThat(again.status()).isEqualTo(OrderStatus.CANCELED);
		assertThat(again.canceledAt()).isEqualTo(canceled.canceledAt());
		assertThat(available(inputs, hotel)).isEqualTo(before);
	}

	@Test
	void shouldReturnTheCanceledOrderWhenTheSameKeyOrdersAgain() {
		// given
		Map<String, Object> inputs = Map.of("item", "纸巾");
		Option tissues = product("京东超市", inputs);
		IdempotencyKey key = IdempotencyKey.of("canceled-key");
		OrderReceipt placed = this.fixture.registry.order("shop.product", tissues, inputs, key);
		this.fixture.registry.cancel(placed);

		// when
		OrderReceipt replay = this.fixture.registry.order("shop.product", tissues, inputs, key);

		// then
		assertThat(replay.replayed()).isTrue();
		assertThat(replay.status()).isEqualTo(OrderStatus.CANCELED);
		assertThat(product("京东超市", inputs).available()).isEqualTo(400);
	}

	@Test
	void shouldBookATableAndCountItAgainstTheSlot() {
		// given
		Map<String, Object> inputs = Map.of("destination", "北京", "item", "海底捞", "date", "2026-12-01", "time", "19:00",
				"party_size", 4);
		Option table = this.fixture.registry.query("food.restaurant", inputs).get(0);

		// when
		OrderReceipt receipt = this.fixture.registry.order("food.restaurant", table, inputs,
				IdempotencyKey.of("table"));

		// then
		assertThat(receipt.quantity()).isEqualTo(1);
		assertThat(receipt.amount()).isEqualByComparingTo(table.price().multiply(BigDecimal.valueOf(4)));
		assertThat(this.fixture.registry.query("food.restaurant", inputs).get(0).available())
			.isEqualTo(table.available() - 1);
	}

	@Test
	void shouldWriteALedgerEntryOnceAndVoidItOnCancel() {
		// given: I spent 45 yuan on lunch today
		Map<String, Object> inputs = Map.of("amount", 45, "item", "lunch", "date", "2026-11-30");
		IdempotencyKey key = IdempotencyKey.forStep(7L, "write_ledger");

		// when
		OrderReceipt receipt = this.fixture.registry.order("finance.ledger", null, inputs, key);
		this.fixture.registry.order("finance.ledger", null, inputs, key);
		this.fixture.registry.order("finance.ledger", null, Map.of("amount", 32, "item", "打车", "date", "2026-11-30"),
				IdempotencyKey.forStep(8L, "taxi"));
		List<Option> month = this.fixture.registry.query("finance.ledger", Map.of("date", "2026-11-15"));

		// then
		assertThat(receipt.details()).containsEntry("category", "餐饮").containsKey("entry_id");
		assertThat(new BigDecimal(receipt.details().get("balance").toString())).isEqualByComparingTo("45");
		assertThat(month.get(0).price()).isEqualByComparingTo("77");
		assertThat(month).hasSize(3);
		this.fixture.registry.cancel(receipt);
		assertThat(this.fixture.registry.query("finance.ledger", Map.of("date", "2026-11-15")).get(0).price())
			.isEqualByComparingTo("32");
	}

	@Test
	void shouldRefuseALedgerEntryWithoutAmount() {
		assertThatThrownBy(
				() -> this.fixture.registry.order("finance.ledger", null, Map.of("item", "午饭"), IdempotencyKey.of("x")))
			.isInstanceOfSatisfying(BusinessFailure.class,
					(failure) -> assertThat(failure.code()).isEqualTo(FailureCode.INVALID_INPUT));
	}

	@Test
	void shouldCreateACalendarEventOnce() {
		// given: 下周一上午10点和张三开会
		Map<String, Object> inputs = Map.of("title", "和张三开会", "date", "2026-12-07", "time", "10:00");
		IdempotencyKey key = IdempotencyKey.forStep(9L, "create_event");

		// when
		OrderReceipt receipt = this.fixture.registry.order("calendar.event", null, inputs, key);
		this.fixture.registry.order("calendar.event", null, inputs, key);
		List<Option> day = this.fixture.registry.query("calendar.event", Map.of("date", "2026-12-07"));

		// then
		assertThat(receipt.details()).containsEntry("starts", "2026-12-07T10:00").containsKey("event_id");
		assertThat(day).singleElement().satisfies((event) -> assertThat(event.name()).isEqualTo("和张三开会"));
		this.fixture.registry.cancel(receipt);
		assertThat(this.fixture.registry.query("calendar.event", Map.of("date", "2026-12-07"))).isEmpty();
	}

	@Test
	void shouldSendAMessageOnce() {
		// given
		Map<String, Object> inputs = Map.of("text", "预算不够,行程没有预订");
		IdempotencyKey key = IdempotencyKey.forStep(10L, "notify_user");

		// when
		this.fixture.registry.order("notify.message", null, inputs, key);
		this.fixture.registry.order("notify.message", null, inputs, key);

		// then
		assertThat(this.fixture.registry.query("notify.message", Map.of())).singleElement()
			.satisfies((message) -> assertThat(message.name()).isEqualTo("预算不够,行程没有预订"));
	}

	@Test
	void shouldListTheOrdersOfOneErrand() {
		// given
		Map<String, Object> inputs = Map.of("item", "咖啡");
		Option coffee = this.fixture.registry.query("shop.product", inputs).get(0);
		this.fixture.registry.order("shop.product", coffee, inputs, IdempotencyKey.forStep(42L, "a"));
		this.fixture.registry.order("shop.product", coffee, inputs, IdempotencyKey.forStep(42L, "b"));
		this.fixture.registry.order("shop.product", coffee, inputs, IdempotencyKey.forStep(43L, "a"));

		// when
		List<OrderReceipt> orders = this.fixture.orders.forProcessInstance(42L);

		// then
		assertThat(orders).extracting(OrderReceipt::idempotencyKey).containsExactly("42/a", "42/b");
	}

	@Test
	void shouldCompensateEveryOrderOfACanceledErrand() {
		// given: a trip with a flight, a hotel and a ledger entry, and another errand
		long errand = 900L;
		Map<String, Object> trip = Map.of("destination", "上海", "date", "2026-12-09", "nights", 1);
		Option flight = flight("CA1501", trip);
		Option hotel = this.fixture.registry.query("travel.hotel", Map.of("destination", "上海", "date", "2026-12-09"))
			.stream()
			.filter((option) -> !option.soldOut())
			.findFirst()
			.orElseThrow();
		this.fixture.registry.order("travel.flight", flight, trip, IdempotencyKey.forStep(errand, "order_flight"));
		this.fixture.registry.order("travel.hotel", hotel, trip, IdempotencyKey.forStep(errand, "order_hotel"));
		this.fixture.registry.order("finance.ledger", null, Map.of("amount", 1240, "item", "机票"),
				IdempotencyKey.forStep(errand, "ledger"));
		this.fixture.registry.order("travel.flight", flight, trip, IdempotencyKey.forStep(901L, "order_flight"));
		ErrandOrders errands = new ErrandOrders(this.fixture.orders, this.fixture.registry);

		// when
		List<OrderReceipt> after = errands.cancelAll(errand);
		errands.cancelAll(errand);

		// then
		assertThat(after).hasSize(3).allSatisfy((order) -> assertThat(order.status()).isEqualTo(OrderStatus.CANCELED));
		assertThat(errands.of(901L)).singleElement()
			.satisfies((order) -> assertThat(order.status()).isEqualTo(OrderStatus.PLACED));
		assertThat(flight("CA1501", trip).available()).isEqualTo(30 - 1);
		assertThat(this.fixture.registry.query("travel.hotel", Map.of("destination", "上海", "date", "2026-12-09"))
			.stream()
			.filter((option) -> option.id().equals(hotel.id()))
			.findFirst()
			.orElseThrow()
			.available()).isEqualTo(hotel.available());
		assertThat(this.fixture.registry.query("finance.ledger", Map.of()).get(0).price()).isEqualByComparingTo("0");
	}

	private Option flight(String number, Map<String, Object> inputs) {
		return this.fixture.registry.query("travel.flight", inputs)
			.stream()
			.filter((option) -> number.equals(option.details().get("flight_no")))
			.findFirst()
			.orElseThrow();
	}

	private Option product(String shop, Map<String, Object> inputs) {
		return this.fixture.registry.query("shop.product", inputs)
			.stream()
			.filter((option) -> shop.equals(option.details().get("shop")))
			.findFirst()
			.orElseThrow();
	}

	private int available(Map<String, Object> inputs, Option option) {
		return this.fixture.registry.query("travel.hotel", inputs)
			.stream()
			.filter((candidate) -> candidate.id().equals(option.id()))
			.findFirst()
			.orElseThrow()
			.available();
	}

}
