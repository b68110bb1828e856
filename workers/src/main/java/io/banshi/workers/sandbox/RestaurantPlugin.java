package io.banshi.workers.sandbox;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.banshi.workers.plugin.Inputs;
import io.banshi.workers.plugin.Option;

import org.springframework.stereotype.Component;

/**
 * {@code food.restaurant} from the sandbox ({@code sbx_restaurant}): restaurants in each
 * city with their cuisine, price per person and booking slots. Each option is a table at
 * the slot nearest the asked {@code time} (19:00 when none was given) on {@code date};
 * {@code slots} lists the slots of that day that still have a table. A booking takes one
 * table; its amount is the price per person times the party.
 */
@Component
public class RestaurantPlugin extends StockedPlugin {

	static final String COLUMNS = "id, city, name, cuisine, tags, area, provider, price_per_person, rating, slots,"
			+ " tables_per_slot";

	static final String SELECT_CITY = "SELECT " + COLUMNS + " FROM sbx_restaurant WHERE city = ? ORDER BY id";

	static final String SELECT_ONE = "SELECT " + COLUMNS + " FROM sbx_restaurant WHERE id = ?";

	private static final LocalTime DINNER = LocalTime.of(19, 0);

	/**
	 * Creates the plugin.
	 * @param sandbox the sandbox
	 */
	public RestaurantPlugin(Sandbox sandbox) {
		super(sandbox, "food.restaurant");
	}

	@Override
	public List<Option> query(String capability, Map<String, Object> inputs) {
		String cityText = Inputs.text(inputs, "destination", "city");
		City city = this.sandbox.cities().require((cityText != null) ? cityText : Sandbox.HOME_CITY, "destination");
		LocalDate date = Inputs.date(inputs, "date", this.sandbox.today());
		LocalTime wanted = (Inputs.time(inputs, "time") != null) ? Inputs.time(inputs, "time") : DINNER;
		int party = Math.max(1, Inputs.integer(inputs, 2, "party_size"));
		String item = Inputs.text(inputs, "item");
		List<Restaurant> restaurants = this.sandbox.jdbc()
			.query(SELECT_CITY, (rs, row) -> Restaurant.read(rs), city.name());
		if (item != null) {
			int best = restaurants.stream().mapToInt((r) -> r.score(item)).max().orElse(0);
			if (best > 0) {
				restaurants = restaurants.stream().filter((r) -> r.score(item) == best).toList();
			}
		}
		Map<String, Integer> stock = new LinkedHashMap<>();
		for (Restaurant restaurant : restaurants) {
			restaurant.slots().forEach((slot) -> stock.put(restaurant.optionId(date, slot), restaurant.tables()));
		}
		Map<String, Integer> left = this.sandbox.inventory().remaining(stock);
		List<Option> options = new ArrayList<>();
		for (Restaurant restaurant : restaurants) {
			LocalTime slot = restaurant.nearest(wanted);
			List<String> open = restaurant.slots()
				.stream()
				.filter((s) -> left.get(restaurant.optionId(date, s)) > 0)
				.map(LocalTime::toString)
				.toList();
			Map<String, Object> details = new LinkedHashMap<>();
			details.put("city", restaurant.city());
			details.put("area", restaurant.area());
			details.put("cuisine", restaurant.cuisine());
			details.put("price_per_person", restaurant.price());
			details.put("party_size", party);
			details.put("date", date.toString());
			details.put("slot", slot.toString());
			details.put("slots", open);
			String id = restaurant.optionId(date, slot);
			options.add(new Option("food.restaurant", name(), id, restaurant.provider(), restaurant.name(),
					restaurant.price(), restaurant.price().multiply(BigDecimal.valueOf(party)), date + "T" + slot,
					restaurant.rating(), left.get(id), details));
		}
		return options;
	}

	@Override
	Offer offer(String optionId, Map<String, Object> inputs) {
		String[] parts = parts(optionId, "RS", 4);
		Restaurant restaurant = this.sandbox.jdbc()
			.query(SELECT_ONE, (rs, row) -> Restaurant.read(rs), id(parts[1], optionId))
			.stream()
			.findFirst()
			.orElseThrow(() -> unknownOption(optionId));
		int party = Math.max(1, Inputs.integer(inputs, 2, "party_size"));
		return new Offer(optionId, restaurant.provider(),
				restaurant.name() + " " + parts[2] + " " + parts[3] + " " + party + "位", restaurant.price(),
				restaurant.price().multiply(BigDecimal.valueOf(party)), restaurant.tables(), 1);
	}

	record Restaurant(long id, String city, String name, String cuisine, String tags, String area, String provider,
			BigDecimal price, double rating, List<LocalTime> slots, int tables) {

		static Restaurant read(ResultSet rs) throws SQLException {
			List<LocalTime> slots = new ArrayList<>();
			for (String slot : rs.getString("slots").split(",")) {
				slots.add(LocalTime.parse(slot.trim()));
			}
			return new Restaurant(rs.getLong("id"), rs.getString("city"), rs.getString("name"), rs.getString("cuisine"),
					rs.getString("tags"), rs.getString("area"), rs.getString("provider"),
					rs.getBigDecimal("price_per_person"), rs.getDouble("rating"), List.copyOf(slots),
					rs.getInt("tables_per_slot"));
		}

		String optionId(LocalDate date, LocalTime slot) {
			return "RS:" + this.id + ":" + date + ":" + slot;
		}

		int score(String item) {
			return Keywords.score(item, this.tags, this.name, this.cuisine);
		}

		LocalTime nearest(LocalTime wanted) {
			return this.slots.stream()
				.min(Comparator.comparing((LocalTime slot) -> Math.abs(Duration.between(slot, wanted).toMinutes())))
				.orElse(wanted);
		}

	}

}
