package io.banshi.workers.sandbox;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.banshi.workers.order.OrderAttempt;
import io.banshi.workers.order.OrderDraft;
import io.banshi.workers.plugin.BusinessFailure;
import io.banshi.workers.plugin.CapabilityPlugin;
import io.banshi.workers.plugin.FailureCode;
import io.banshi.workers.plugin.IdempotencyKey;
import io.banshi.workers.plugin.Inputs;
import io.banshi.workers.plugin.Option;
import io.banshi.workers.plugin.OrderReceipt;

import org.springframework.stereotype.Component;

/**
 * {@code notify.message} in the sandbox ({@code sbx_message}): an order sends a message
 * ({@code text}, else {@code remind_text} or {@code item}) once per idempotency key; a
 * query lists the latest messages. A sent message cannot be taken back, so canceling only
 * marks the order canceled.
 */
@Component
public class MessagePlugin implements CapabilityPlugin {

	static final String INSERT = "INSERT INTO sbx_message (order_id, body, sent_at) VALUES (?, ?, ?)";

	static final String SELECT_ID = "SELECT id FROM sbx_message WHERE order_id = ?";

	static final String SELECT_LATEST = "SELECT id, body, sent_at FROM sbx_message ORDER BY sent_at DESC, id DESC";

	private static final int LATEST = 20;

	private final Sandbox sandbox;

	/**
	 * Creates the plugin.
	 * @param sandbox the sandbox
	 */
	public MessagePlugin(Sandbox sandbox) {
		this.sandbox = sandbox;
	}

	@Override
	public String name() {
		return "sandbox.notify.message";
	}

	@Override
	public Set<String> capabilities() {
		return Set.of("notify.message");
	}

	@Override
	public List<Option> query(String capability, Map<String, Object> inputs) {
		List<Option> messages = this.sandbox.jdbc().query(SELECT_LATEST, (rs, row) -> {
			Map<String, Object> details = new LinkedHashMap<>();
			details.put("message_id", String.valueOf(rs.getLong("id")));
			details.put("sent_at", rs.getTimestamp("sent_at").toInstant().toString());
			return new Option("notify.message", name(), "MS:" + rs.getLong("id"), "消息(沙盒)", rs.getString("body"), null,
					null, rs.getTimestamp("sent_at").toInstant().toString(), null, null, details);
		});
		return messages.subList(0, Math.min(LATEST, messages.size()));
	}

	@Override
	public OrderReceipt order(String capability, Option option, Map<String, Object> inputs, IdempotencyKey key) {
		String text = Inputs.text(inputs, "text", "remind_text", "item", "title");
		if (text == null) {
			throw new BusinessFailure(FailureCode.INVALID_INPUT, "A message needs a text");
		}
		String body = (text.length() > 1000) ? text.substring(0, 1000) : text;
		return this.sandbox.orders().place(key, new OrderAttempt() {

			@Override
			public OrderDraft prepare() {
				return new OrderDraft("notify.message", name(), "消息(沙盒)", "MS:new", body, 0, BigDecimal.ZERO,
						BigDecimal.ZERO, null, null);
			}

			@Override
			public Map<String, Object> apply(long orderId) {
				var jdbc = MessagePlugin.this.sandbox.jdbc();
				Timestamp now = Timestamp.from(MessagePlugin.this.sandbox.clock().instant());
				jdbc.update(INSERT, orderId, body, now);
				Map<String, Object> details = new LinkedHashMap<>();
				details.put("message_id", String.valueOf(jdbc.queryForObject(SELECT_ID, Long.class, orderId)));
				details.put("sent_at", now.toInstant().toString());
				return details;
			}

		});
	}

	@Override
	public OrderReceipt cancel(OrderReceipt receipt) {
		return this.sandbox.orders().cancel(receipt.orderId(), (order) -> {
			// A message that was read cannot be unsent; the order just records the
			// cancellation.
		});
	}

}
