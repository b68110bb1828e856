package io.banshi.workers.plugin;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What an order placed: one row of {@code app_order}.
 *
 * @param orderId the order's id
 * @param idempotencyKey the key it was placed under
 * @param processInstanceKey the errand's process instance, or {@code null}
 * @param capability the catalog capability
 * @param plugin the plugin that placed it (and cancels it)
 * @param provider who sells it
 * @param optionId the option ordered
 * @param itemName what was ordered, as a person reads it
 * @param quantity how many (tickets, nights, items)
 * @param unitPrice the price of one, in CNY
 * @param amount what it costs in all, in CNY
 * @param status placed or canceled
 * @param details the capability's own output (for example {@code event_id},
 * {@code entry_id}, {@code balance})
 * @param createdAt when it was placed
 * @param canceledAt when it was canceled, or {@code null}
 * @param replayed true when this call found an order placed earlier under the same key
 * instead of placing one
 */
public record OrderReceipt(long orderId, String idempotencyKey, Long processInstanceKey, String capability,
		String plugin, String provider, String optionId, String itemName, int quantity, BigDecimal unitPrice,
		BigDecimal amount, OrderStatus status, Map<String, Object> details, Instant createdAt, Instant canceledAt,
		boolean replayed) {

	public OrderReceipt {
		details = (details != null) ? Map.copyOf(details) : Map.of();
	}

	/**
	 * Returns the same receipt marked as found rather than placed by this call.
	 * @return the receipt with {@code replayed} set
	 */
	public OrderReceipt asReplayed() {
		return new OrderReceipt(this.orderId, this.idempotencyKey, this.processInstanceKey, this.capability,
				this.plugin, this.provider, this.optionId, this.itemName, this.quantity, this.unitPrice, this.amount,
				this.status, this.details, this.createdAt, this.canceledAt, true);
	}

	/**
	 * Returns this receipt as a map for process variables and JSON.
	 * @return a new map without {@code null} values
	 */
	public Map<String, Object> toMap() {
		Map<String, Object> map = new LinkedHashMap<>(this.details);
		map.put("order_id", this.orderId);
		map.put("idempotency_key", this.idempotencyKey);
		map.put("capability", this.capability);
		map.put("provider", this.provider);
		map.put("option_id", this.optionId);
		map.put("item", this.itemName);
		map.put("quantity", this.quantity);
		map.put("unit_price", this.unitPrice);
		map.put("amount", this.amount);
		map.put("status", this.status.value());
		map.put("created_at", this.createdAt.toString());
		if (this.canceledAt != null) {
			map.put("canceled_at", this.canceledAt.toString());
		}
		return map;
	}

}
