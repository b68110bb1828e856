package io.banshi.workers.order;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import javax.sql.DataSource;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.banshi.workers.plugin.BusinessFailure;
import io.banshi.workers.plugin.FailureCode;
import io.banshi.workers.plugin.IdempotencyKey;
import io.banshi.workers.plugin.OrderReceipt;
import io.banshi.workers.plugin.OrderStatus;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The platform's orders ({@code app_order}), whichever plugin placed them.
 *
 * <p>
 * An order is placed at most once per idempotency key. The key's unique constraint
 * decides, not a look-up before the insert: of two calls racing with the same key, one
 * inserts and the other fails on the constraint, waits for the winner to commit and
 * returns its order. Checks (price, budget), the order row and the plugin's effects
 * (stock taken) share one transaction, so a business failure leaves nothing behind.
 */
@Component
public class OrderStore {

	static final String INSERT = "INSERT INTO app_order (idempotency_key, process_instance_key, capability, provider,"
			+ " plugin, option_id, item_name, quantity, unit_price, amount, status, created_at)"
			+ " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'placed', ?)";

	static final String SELECT_ID_BY_KEY = "SELECT id FROM app_order WHERE idempotency_key = ?";

	static final String UPDATE_DETAILS = "UPDATE app_order SET details = ? WHERE id = ?";

	// Only a placed order moves to canceled: of two cancellations, one updates a row and
	// compensates, the other finds it done.
	static final String CANCEL = "UPDATE app_order SET status = 'canceled', canceled_at = ? WHERE id = ?"
			+ " AND status = 'placed'";

	static final String COLUMNS = "id, idempotency_key, process_instance_key, capability, provider, plugin, option_id,"
			+ " item_name, quantity, unit_price, amount, status, details, created_at, canceled_at";

	static final String SELECT_BY_ID = "SELECT " + COLUMNS + " FROM app_order WHERE id = ?";

	static final String SELECT_BY_KEY = "SELECT " + COLUMNS + " FROM app_order WHERE idempotency_key = ?";

	static final String SELECT_BY_PROCESS_INSTANCE = "SELECT " + COLUMNS
			+ " FROM app_order WHERE process_instance_key = ? ORDER BY id";

	/** How long a call that lost the race on a key waits for the winner's order. */
	private static final long RACE_WAIT_MILLIS = 10_000;

	private static final TypeReference<Map<String, Object>> DETAILS = new TypeReference<>() {
	};

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final ObjectMapper json = new ObjectMapper();

	/**
	 * Creates the store on the platform database.
	 * @param dataSource the database holding {@code app_order}
	 */
	@Autowired
	public OrderStore(DataSource dataSource) {
		this(dataSource, Clock.systemUTC());
	}

	/**
	 * Creates the store with a clock for the timestamps.
	 * @param dataSource the database holding {@code app_order}
	 * @param clock the clock
	 */
	public OrderStore(DataSource dataSource, Clock clock) {
		this.jdbc = new JdbcTemplate(dataSource);
		this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
		this.clock = clock;
	}

	/**
	 * Runs work in a transaction of this store's database (plugins use it to take and
	 * give back stock together with the order).
	 * @param work the work
	 */
	public void inTransaction(Runnable work) {
		this.transactions.executeWithoutResult((status) -> work.run());
	}

	/**
	 * Places an order once per key.
	 * @param key the idempotency key
	 * @param attempt the plugin's part: what to order and how to carry it out
	 * @return the new order, or the one placed earlier under the key (then
	 * {@link OrderReceipt#replayed()} is true and nothing changed)
	 * @throws BusinessFailure {@code PRICE_CHANGED} when the current unit price differs
	 * from the confirmed one, {@code OVER_BUDGET} when the amount exceeds the budget, or
	 * whatever the attempt throws ({@code SOLD_OUT}, {@code NOT_FOUND}); nothing is
	 * written then
	 */
	public OrderReceipt place(IdempotencyKey key, OrderAttempt attempt) {
		long deadline = System.currentTimeMillis() + RACE_WAIT_MILLIS;
		while (true) {
			Optional<OrderReceipt> existing = find(key.value());
			if (existing.isPresent()) {
				return existing.get().asReplayed();
			}
			try {
				return this.transactions.execute((status) -> placeOnce(key, attempt));
			}
			catch (KeyTaken | PessimisticLockingFailureException ex) {
				// Another call holds or just placed this key. Its order becomes visible
				// when it commits; if it rolled back (a business failure), try again.
				if (System.currentTimeMillis() > deadline) {
					throw new IllegalStateException(
							"Gave up waiting for the order under idempotency key '" + key.value() + "'", ex);
				}
				pause();
			}
		}
	}

	private OrderReceipt placeOnce(IdempotencyKey key, OrderAttempt attempt) {
		OrderDraft draft = attempt.prepare();
		if (draft.confirmedUnitPrice() != null && draft.unitPrice().compareTo(draft.confirmedUnitPrice()) != 0) {
			throw new BusinessFailure(FailureCode.PRICE_CHANGED,
					draft.itemName() + " (" + draft.provider() + ") now costs " + plain(draft.unitPrice())
							+ " CNY instead of the confirmed " + plain(draft.confirmedUnitPrice()) + " CNY");
		}
		if (draft.budget() != null && draft.amount().compareTo(draft.budget()) > 0) {
			throw new BusinessFailure(FailureCode.OVER_BUDGET, draft.itemName() + " (" + draft.provider() + ") costs "
					+ plain(draft.amount()) + " CNY, more than the budget of " + plain(draft.budget()) + " CNY");
		}
		Instant now = this.clock.instant();
		try {
			this.jdbc.update(INSERT, key.value(), key.processInstanceKey(), draft.capability(), draft.provider(),
					draft.plugin(), draft.optionId(), truncate(draft.itemName(), 255), draft.quantity(),
					draft.unitPrice(), draft.amount(), Timestamp.from(now));
		}
		catch (DuplicateKeyException ex) {
			throw new KeyTaken(ex);
		}
		catch (DataIntegrityViolationException ex) {
			// Some drivers report a unique violation under a concurrent insert only
			// generically; the key decides whether it was ours.
			if (exists(key.value())) {
				throw new KeyTaken(ex);
			}
			throw ex;
		}
		long id = this.jdbc.queryForObject(SELECT_ID_BY_KEY, Long.class, key.value());
		Map<String, Object> details = attempt.apply(id);
		if (details != null && !details.isEmpty()) {
			this.jdbc.update(UPDATE_DETAILS, write(details), id);
		}
		return get(id);
	}

	/**
	 * Cancels an order once: marks it canceled and runs the compensation in the same
	 * transaction. Canceling a canceled order changes nothing and returns it.
	 * @param orderId the order
	 * @param compensation gives back what the order took (stock, an entry); runs only for
	 * the call that actually cancels
	 * @return the canceled order
	 * @throws BusinessFailure with {@code NOT_FOUND} when there is no such order
	 */
	public OrderReceipt cancel(long orderId, Consumer<OrderReceipt> compensation) {
		return this.transactions.execute((status) -> {
			OrderReceipt order = get(orderId);
			if (this.jdbc.update(CANCEL, Timestamp.from(this.clock.instant()), orderId) == 1) {
				compensation.accept(order);
			}
			return get(orderId);
		});
	}

	/**
	 * Finds the order placed under a key.
	 * @param key the idempotency key
	 * @return the order, or empty
	 */
	public Optional<OrderReceipt> find(String key) {
		return this.jdbc.query(SELECT_BY_KEY, this::map, key).stream().findFirst();
	}

	/**
	 * Returns an order by id.
	 * @param orderId the id
	 * @return the order
	 * @throws BusinessFailure with {@code NOT_FOUND} when there is none
	 */
	public OrderReceipt get(long orderId) {
		return this.jdbc.query(SELECT_BY_ID, this::map, orderId)
			.stream()
			.findFirst()
			.orElseThrow(() -> new BusinessFailure(FailureCode.NOT_FOUND, "No order " + orderId));
	}

	/**
	 * Returns the orders of one errand, oldest first.
	 * @param processInstanceKey the errand's process instance
	 * @return the orders, placed and canceled
	 */
	public List<OrderReceipt> forProcessInstance(long processInstanceKey) {
		return this.jdbc.query(SELECT_BY_PROCESS_INSTANCE, this::map, processInstanceKey);
	}

	private boolean exists(String key) {
		return !this.jdbc.queryForList(SELECT_ID_BY_KEY, Long.class, key).isEmpty();
	}

	private OrderReceipt map(ResultSet rs, int row) throws SQLException {
		long pik = rs.getLong("process_instance_key");
		Long processInstanceKey = rs.wasNull() ? null : pik;
		Timestamp canceledAt = rs.getTimestamp("canceled_at");
		return new OrderReceipt(rs.getLong("id"), rs.getString("idempotency_key"), processInstanceKey,
				rs.getString("capability"), rs.getString("plugin"), rs.getString("provider"), rs.getString("option_id"),
				rs.getString("item_name"), rs.getInt("quantity"), rs.getBigDecimal("unit_price"),
				rs.getBigDecimal("amount"), OrderStatus.of(rs.getString("status")), read(rs.getString("details")),
				rs.getTimestamp("created_at").toInstant(), (canceledAt != null) ? canceledAt.toInstant() : null, false);
	}

	private String write(Map<String, Object> details) {
		try {
			return this.json.writeValueAsString(details);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalArgumentException("Order details cannot be written as JSON: " + details, ex);
		}
	}

	private Map<String, Object> read(String details) {
		if (details == null || details.isBlank()) {
			return Map.of();
		}
		try {
			return this.json.readValue(details, DETAILS);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("Stored order details are not JSON: " + details, ex);
		}
	}

	private static String plain(BigDecimal value) {
		return value.stripTrailingZeros().toPlainString();
	}

	private static String truncate(String text, int length) {
		return (text.length() <= length) ? text : text.substring(0, length);
	}

	private static void pause() {
		try {
			Thread.sleep(50);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for a concurrent order", ex);
		}
	}

	/**
	 * The key was taken by another call; the transaction rolls back and we look again.
	 */
	private static final class KeyTaken extends RuntimeException {

		KeyTaken(Throwable cause) {
			super(cause);
		}

	}

}
