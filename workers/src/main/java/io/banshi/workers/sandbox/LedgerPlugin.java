package io.banshi.workers.sandbox;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
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
 * {@code finance.ledger} in the sandbox ({@code sbx_ledger_entry}): an order writes an
 * expense ({@code amount}, what it was for, {@code date}), sorted into a category by
 * keywords (餐饮, 交通, 购物, 娱乐, 居住, 其他); the {@code balance} it reports is what was spent in
 * that month so far. A query lists the entries of the month of {@code date} (or of its
 * week when {@code period} is {@code week}), matching {@code item} against entry and
 * category when given, after a first option that sums them up. Canceling voids the entry.
 */
@Component
public class LedgerPlugin implements CapabilityPlugin {

	static final String INSERT = "INSERT INTO sbx_ledger_entry (order_id, amount, item, category, entry_date)"
			+ " VALUES (?, ?, ?, ?, ?)";

	static final String SELECT_ID = "SELECT id FROM sbx_ledger_entry WHERE order_id = ?";

	static final String SELECT_PERIOD = "SELECT id, amount, item, category, entry_date FROM sbx_ledger_entry"
			+ " WHERE canceled = FALSE AND entry_date BETWEEN ? AND ? ORDER BY entry_date, id";

	static final String SUM_PERIOD = "SELECT COALESCE(SUM(amount), 0) FROM sbx_ledger_entry"
			+ " WHERE canceled = FALSE AND entry_date BETWEEN ? AND ?";

	static final String VOID = "UPDATE sbx_ledger_entry SET canceled = TRUE WHERE order_id = ?";

	private static final Map<String, List<String>> CATEGORIES = categories();

	private final Sandbox sandbox;

	/**
	 * Creates the plugin.
	 * @param sandbox the sandbox
	 */
	public LedgerPlugin(Sandbox sandbox) {
		this.sandbox = sandbox;
	}

	@Override
	public String name() {
		return "sandbox.finance.ledger";
	}

	@Override
	public Set<String> capabilities() {
		return Set.of("finance.ledger");
	}

	@Override
	public List<Option> query(String capability, Map<String, Object> inputs) {
		LocalDate date = Inputs.date(inputs, "date", this.sandbox.today());
		boolean week = "week".equalsIgnoreCase(Inputs.text(inputs, "period"));
		LocalDate from = week ? date.with(DayOfWeek.MONDAY) : date.withDayOfMonth(1);
		LocalDate to = week ? from.plusDays(6) : date.with(TemporalAdjusters.lastDayOfMonth());
		String item = Inputs.text(inputs, "item");
		List<Option> entries = new ArrayList<>();
		this.sandbox.jdbc().query(SELECT_PERIOD, (rs) -> {
			String what = rs.getString("item");
			String category = rs.getString("category");
			if (item == null || Keywords.score(item, what, category) > 0 || category.equals(category(item))) {
				Map<String, Object> details = new LinkedHashMap<>();
				details.put("entry_id", String.valueOf(rs.getLong("id")));
				details.put("amount", rs.getBigDecimal("amount"));
				details.put("category", category);
				entries.add(new Option("finance.ledger", name(), "LG:" + rs.getLong("id"), "账本(沙盒)",
						(what != null) ? what : category, rs.getBigDecimal("amount"), rs.getBigDecimal("amount"),
						rs.getDate("entry_date").toLocalDate().toString(), null, null, details));
			}
		}, Date.valueOf(from), Date.valueOf(to));
		BigDecimal total = entries.stream().map(Option::price).reduce(BigDecimal.ZERO, BigDecimal::add);
		Map<String, Object> summary = new LinkedHashMap<>();
		summary.put("from", from.toString());
		summary.put("to", to.toString());
		summary.put("count", entries.size());
		summary.put("amount", total);
		summary.put("category", (item != null) ? category(item) : "全部");
		List<Option> options = new ArrayList<>();
		options.add(new Option("finance.ledger", name(), "LG:summary:" + from + ":" + to, "账本(沙盒)",
				from + "~" + to + " 支出合计", total, total, from.toString(), null, null, summary));
		options.addAll(entries);
		return options;
	}

	@Override
	public OrderReceipt order(String capability, Option option, Map<String, Object> inputs, IdempotencyKey key) {
		BigDecimal amount = Inputs.decimal(inputs, "amount", "price");
		if (amount == null || amount.signum() <= 0) {
			throw new BusinessFailure(FailureCode.INVALID_INPUT, "A ledger entry needs a positive amount");
		}
		String item = Inputs.text(inputs, "item", "text", "title");
		LocalDate date = Inputs.date(inputs, "date", this.sandbox.today());
		String category = category(item);
		String label = (item != null) ? item : category;
		return this.sandbox.orders().place(key, new OrderAttempt() {

			@Override
			public OrderDraft prepare() {
				return new OrderDraft("finance.ledger", name(), "账本(沙盒)", "LG:" + date, label, 1, amount, amount, null,
						null);
			}

			@Override
			public Map<String, Object> apply(long orderId) {
				var jdbc = LedgerPlugin.this.sandbox.jdbc();
				jdbc.update(INSERT, orderId, amount, item, category, Date.valueOf(date));
				long entry = jdbc.queryForObject(SELECT_ID, Long.class, orderId);
				BigDecimal spent = jdbc.queryForObject(SUM_PERIOD, BigDecimal.class,
						Date.valueOf(date.withDayOfMonth(1)),
						Date.valueOf(date.with(TemporalAdjusters.lastDayOfMonth())));
				Map<String, Object> details = new LinkedHashMap<>();
				details.put("entry_id", String.valueOf(entry));
				details.put("date", date.toString());
				details.put("category", category);
				details.put("balance", spent);
				return details;
			}

		});
	}

	@Override
	public OrderReceipt cancel(OrderReceipt receipt) {
		return this.sandbox.orders()
			.cancel(receipt.orderId(), (order) -> this.sandbox.jdbc().update(VOID, order.orderId()));
	}

	/**
	 * Sorts an expense into a category by keywords.
	 * @param item what it was for, may be {@code null}
	 * @return the category, {@code 其他} when no keyword matches
	 */
	static String category(String item) {
		if (item == null) {
			return "其他";
		}
		String text = item.toLowerCase(Locale.ROOT);
		for (Map.Entry<String, List<String>> entry : CATEGORIES.entrySet()) {
			if (entry.getValue().stream().anyMatch(text::contains)) {
				return entry.getKey();
			}
		}
		return "其他";
	}

	private static Map<String, List<String>> categories() {
		Map<String, List<String>> categories = new LinkedHashMap<>();
		categories.put("餐饮", List.of("饭", "餐", "外卖", "咖啡", "奶茶", "吃", "菜", "lunch", "dinner", "breakfast", "meal",
				"food", "coffee", "restaurant", "takeout"));
		categories.put("交通", List.of("打车", "出租", "地铁", "公交", "车", "油", "机票", "火车", "高铁", "taxi", "uber", "didi",
				"metro", "bus", "fuel", "gas", "flight", "train"));
		categories.put("居住", List.of("房租", "水电", "物业", "rent", "utilities"));
		categories.put("娱乐", List.of("电影", "游戏", "演出", "ktv", "movie", "game", "concert"));
		categories.put("购物", List.of("买", "购", "超市", "衣", "shopping", "groceries", "clothes", "buy"));
		return categories;
	}

}
