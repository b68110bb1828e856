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
import java.util.concurrent.atomic.AtomicInteger;

import io.banshi.workers.SandboxFixture;
import io.banshi.workers.plugin.BusinessFailure;
import io.banshi.workers.plugin.FailureCode;
import io.banshi.workers.plugin.IdempotencyKey;
import io.banshi.workers.plugin.OrderReceipt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The order store on its own: the unique idempotency key, not a look-up, keeps a second
 * order out when two calls both find no order and both try to place one.
 */
class OrderStoreTest {

	private SandboxFixture fixture;

	@BeforeEach
	void createDatabase() {
		this.fixture = new SandboxFixture("order_store");
	}

	@AfterEach
	void closeDatabase() {
		this.fixture.close();
	}

	@Test
	void shouldPlaceOneOrderWhenBothCallsPassTheLookUpBeforeEitherInserts() throws Exception {
		// given: each call waits in prepare() until both have looked for the key and
		// found nothing, so only the unique constraint can tell them apart
		CountDownLatch bothPrepared = new CountDownLatch(2);
		AtomicInteger applied = new AtomicInteger();
		OrderAttempt attempt = new OrderAttempt() {

			@Override
			public OrderDraft prepare() {
				bothPrepared.countDown();
				try {
					bothPrepared.await(10, TimeUnit.SECONDS);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
				return new OrderDraft("shop.product", "test", "京东", "PR:1", "iPhone", 1, new BigDecimal("5999"),
						new BigDecimal("5999"), new BigDecimal("5999"), null);
			}

			@Override
			public Map<String, Object> apply(long orderId) {
				applied.incrementAndGet();
				return Map.of("applied_to", orderId);
			}

		};
		IdempotencyKey key = IdempotencyKey.forStep(1L, "order");
		ExecutorService pool = Executors.newFixedThreadPool(2);
		List<Future<OrderReceipt>> results = new ArrayList<>();

		// when
		for (int i = 0; i < 2; i++) {
			results.add(pool.submit(() -> this.fixture.orders.place(key, attempt)));
		}
		OrderReceipt a = results.get(0).get(30, TimeUnit.SECONDS);
		OrderReceipt b = results.get(1).get(30, TimeUnit.SECONDS);
		pool.shutdown();

		// then
		assertThat(a.orderId()).isEqualTo(b.orderId());
		assertThat(a.replayed() ^ b.replayed()).isTrue();
		assertThat(applied).hasValue(1);
		assertThat(this.fixture.count("SELECT COUNT(*) FROM app_order")).isEqualTo(1);
		assertThat(a.details()).containsKey("applied_to");
	}

	@Test
	void shouldRollBackTheOrderRowWhenTheEffectFails() {
		// given
		OrderAttempt failing = new OrderAttempt() {

			@Override
			public OrderDraft prepare() {
				return new OrderDraft("shop.product", "test", "京东", "PR:1", "iPhone", 1, BigDecimal.TEN, BigDecimal.TEN,
						null, null);
			}

			@Override
			public Map<String, Object> apply(long orderId) {
				throw new BusinessFailure(FailureCode.SOLD_OUT, "iPhone is sold out");
			}

		};

		// when / then
		assertThatThrownBy(() -> this.fixture.orders.place(IdempotencyKey.of("k"), failing))
			.isInstanceOf(BusinessFailure.class);
		assertThat(this.fixture.count("SELECT COUNT(*) FROM app_order")).isZero();
		assertThat(this.fixture.orders.find("k")).isEmpty();
	}

	@Test
	void shouldFailWithNotFoundWhenCancelingAnUnknownOrder() {
		assertThatThrownBy(() -> this.fixture.orders.cancel(12345L, (order) -> {
		})).isInstanceOfSatisfying(BusinessFailure.class,
				(failure) -> assertThat(failure.code()).isEqualTo(FailureCode.NOT_FOUND));
	}

	@Test
	void shouldDeriveKeysFromTheProcessInstanceAndElement() {
		// when
		IdempotencyKey step = IdempotencyKey.forStep(2251799813685249L, "order_flight");
		IdempotencyKey job = IdempotencyKey.forJob(2251799813685249L, "order_flight", 2251799813685262L);

		// then
		assertThat(step.value()).isEqualTo("2251799813685249/order_flight");
		assertThat(step.processInstanceKey()).isEqualTo(2251799813685249L);
		assertThat(job.value()).isEqualTo("2251799813685249/order_flight/2251799813685262");
		assertThat(IdempotencyKey.forStep(2251799813685249L, "order_flight")).isEqualTo(step);
		assertThatThrownBy(() -> IdempotencyKey.of("x".repeat(192))).isInstanceOf(IllegalArgumentException.class);
	}

}
