package io.banshi.workers.sandbox;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.banshi.workers.order.OrderAttempt;
import io.banshi.workers.order.OrderDraft;
import io.banshi.workers.plugin.CapabilityPlugin;
import io.banshi.workers.plugin.IdempotencyKey;
import io.banshi.workers.plugin.Inputs;
import io.banshi.workers.plugin.Option;
import io.banshi.workers.plugin.OrderReceipt;

import org.springframework.stereotype.Component;

/**
 * {@code calendar.event} in the sandbox ({@code sbx_calendar_event}): an order creates an
 * event ({@code title}, else {@code item} or {@code remind_text}; at {@code date} and
 * {@code time}, default today at 09:00; with {@code remind_at} when given); a query lists
 * the events of {@code date}. Canceling removes the event from the calendar.
 */
@Component
public class CalendarPlugin implements CapabilityPlugin {

	static final String INSERT = "INSERT INTO sbx_calendar_event (order_id, title, starts_at, remind_at)"
			+ " VALUES (?, ?, ?, ?)";

	static final String SELECT_ID = "SELECT id FROM sbx_calendar_event WHERE order_id = ?";

	static final String SELECT_DAY = "SELECT id, title, starts_at, remind_at FROM sbx_calendar_event"
			+ " WHERE canceled = FALSE AND starts_at >= ? AND starts_at < ? ORDER BY starts_at, id";

	static final String REMOVE = "UPDATE sbx_calendar_event SET canceled = TRUE WHERE order_id = ?";

	private static final LocalTime DEFAULT_TIME = LocalTime.of(9, 0);

	private final Sandbox sandbox;

	/**
	 * Creates the plugin.
	 * @param sandbox the sandbox
	 */
	public CalendarPlugin(Sandbox sandbox) {
		this.sandbox = sandbox;
	}

	@Override
	public String name() {
		return "sandbox.calendar.event";
	}

	@Override
	public Set<String> capabilities() {
		return Set.of("calendar.event");
	}

	@Override
	public List<Option> query(String capability, Map<String, Object> inputs) {
		LocalDate date = Inputs.date(inputs, "date", this.sandbox.today());
		return this.sandbox.jdbc().query(SELECT_DAY, (rs, row) -> {
			Map<String, Object> details = new LinkedHashMap<>();
			details.put("event_id", String.valueOf(rs.getLong("id")));
			details.put("title", rs.getString("title"));
			details.put("starts", rs.getTimestamp("starts_at").toLocalDateTime().toString());
			return new Option("calendar.event", name(), "EV:" + rs.getLong("id"), "日历(沙盒)", rs.getString("title"), null,
					null, rs.getTimestamp("starts_at").toLocalDateTime().toString(), null, null, details);
		}, Timestamp.valueOf(date.atStartOfDay()), Timestamp.valueOf(date.plusDays(1).atStartOfDay()));
	}

	@Override
	public OrderReceipt order(String capability, Option option, Map<String, Object> inputs, IdempotencyKey key) {
		String title = Inputs.text(inputs, "title", "item", "remind_text", "text");
		String eventTitle = (title != null) ? title : "日程";
		LocalDate date = Inputs.date(inputs, "date", this.sandbox.today());
		LocalTime time = (Inputs.time(inputs, "time") != null) ? Inputs.time(inputs, "time") : DEFAULT_TIME;
		LocalDateTime starts = LocalDateTime.of(date, time);
		LocalDateTime remindAt = parse(Inputs.text(inputs, "remind_at"));
		return this.sandbox.orders().place(key, new OrderAttempt() {

			@Override
			public OrderDraft prepare() {
				return new OrderDraft("calendar.event", name(), "日历(沙盒)", "EV:" + starts, eventTitle, 0,
						BigDecimal.ZERO, BigDecimal.ZERO, null, null);
			}

			@Override
			public Map<String, Object> apply(long orderId) {
				var jdbc = CalendarPlugin.this.sandbox.jdbc();
				jdbc.update(INSERT, orderId, eventTitle, Timestamp.valueOf(starts),
						(remindAt != null) ? Timestamp.valueOf(remindAt) : null);
				Map<String, Object> details = new LinkedHashMap<>();
				details.put("event_id", String.valueOf(jdbc.queryForObject(SELECT_ID, Long.class, orderId)));
				details.put("title", eventTitle);
				details.put("starts", starts.toString());
				if (remindAt != null) {
					details.put("remind_at", remindAt.toString());
				}
				return details;
			}

		});
	}

	@Override
	public OrderReceipt cancel(OrderReceipt receipt) {
		return this.sandbox.orders()
			.cancel(receipt.orderId(), (order) -> this.sandbox.jdbc().update(REMOVE, order.orderId()));
	}

	private static LocalDateTime parse(String text) {
		if (text == null || text.length() < 16) {
			return null;
		}
		try {
			return LocalDateTime.parse(text.substring(0, 16));
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

}
