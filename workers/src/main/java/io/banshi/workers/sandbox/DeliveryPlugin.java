package io.banshi.workers.sandbox;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.banshi.workers.plugin.Inputs;
import io.banshi.workers.plugin.Option;

import org.springframework.stereotype.Component;

/**
 * {@code food.delivery} from the sandbox ({@code sbx_dish}): dishes from shops on two
 * delivery platforms, with the portions each shop can still make on a day and how long
 * delivery takes. Options rank by time through their delivery time in minutes.
 */
@Component
public class DeliveryPlugin extends StockedPlugin {

	static final String COLUMNS = "id, name, shop, tags, provider, price, eta_minutes, rating, stock";

	static final String SELECT_ALL = "SELECT " + COLUMNS + " FROM sbx_dish ORDER BY id";

	static final String SELECT_ONE = "SELECT " + COLUMNS + " FROM sbx_dish WHERE id = ?";

	/**
	 * Creates the plugin.
	 * @param sandbox the sandbox
	 */
	public DeliveryPlugin(Sandbox sandbox) {
		super(sandbox, "food.delivery");
	}

	@Override
	public List<Option> query(String capability, Map<String, Object> inputs) {
		String item = Inputs.text(inputs, "item", "name");
		LocalDate date = Inputs.date(inputs, "date", this.sandbox.today());
		int quantity = Math.max(1, Inputs.integer(inputs, 1, "quantity"));
		List<Dish> all = this.sandbox.jdbc().query(SELECT_ALL, (rs, row) -> Dish.read(rs));
		int best = all.stream().mapToInt((dish) -> Keywords.score(item, dish.tags(), dish.name())).max().orElse(0);
		if (best == 0) {
			return List.of();
		}
		List<Dish> matching = all.stream()
			.filter((dish) -> Keywords.score(item, dish.tags(), dish.name()) == best)
			.toList();
		Map<String, Integer> stock = new LinkedHashMap<>();
		matching.forEach((dish) -> stock.put(dish.optionId(date), dish.stock()));
		Map<String, Integer> left = this.sandbox.inventory().remaining(stock);
		String time = (Inputs.time(inputs, "time") != null) ? Inputs.time(inputs, "time").toString() : null;
		List<Option> options = new ArrayList<>();
		for (Dish dish : matching) {
			Map<String, Object> details = new LinkedHashMap<>();
			details.put("shop", dish.shop());
			details.put("eta_minutes", dish.eta());
			details.put("date", date.toString());
			if (time != null) {
				details.put("deliver_at", date + "T" + time);
			}
			details.put("quantity", quantity);
			details.put("portions_left", left.get(dish.optionId(date)));
			options.add(new Option("food.delivery", name(), dish.optionId(date), dish.provider(),
					dish.name() + " · " + dish.shop(), dish.price(),
					dish.price().multiply(BigDecimal.valueOf(quantity)), String.valueOf(dish.eta()), dish.rating(),
					left.get(dish.optionId(date)), details, quantity));
		}
		return options;
	}

	@Override
	Offer offer(String optionId, Map<String, Object> inputs) {
		String[] parts = parts(optionId, "DL", 3);
		Dish dish = this.sandbox.jdbc()
			.query(SELECT_ONE, (rs, row) -> Dish.read(rs), id(parts[1], optionId))
			.stream()
			.findFirst()
			.orElseThrow(() -> unknownOption(optionId));
		int quantity = Math.max(1, Inputs.integer(inputs, 1, "quantity"));
		return new Offer(optionId, dish.provider(), dish.name() + " · " + dish.shop(), dish.price(),
				dish.price().multiply(BigDecimal.valueOf(quantity)), dish.stock(), quantity);
	}

	record Dish(long id, String name, String shop, String tags, String provider, BigDecimal price, int eta,
			double rating, int stock) {

		static Dish read(ResultSet rs) throws SQLException {
			return new Dish(rs.getLong("id"), rs.getString("name"), rs.getString("shop"), rs.getString("tags"),
					rs.getString("provider"), rs.getBigDecimal("price"), rs.getInt("eta_minutes"),
					rs.getDouble("rating"), rs.getInt("stock"));
		}

		String optionId(LocalDate date) {
			return "DL:" + this.id + ":" + date;
		}

	}

}
