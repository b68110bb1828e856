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
 * {@code travel.hotel} from the sandbox ({@code sbx_hotel}): hotels in each city's
 * districts, sold through several platforms. A stay is {@code nights} nights (default 1)
 * from {@code date} (default today) in one room per two guests; rooms are counted per
 * check-in date. An {@code area} (or an {@code item} naming a district, 天河区) narrows the
 * result when some hotel is there.
 */
@Component
public class HotelPlugin extends StockedPlugin {

	static final String COLUMNS = "id, city, name, area, provider, price_per_night, rating, rooms";

	static final String SELECT_CITY = "SELECT " + COLUMNS + " FROM sbx_hotel WHERE city = ? ORDER BY id";

	static final String SELECT_ONE = "SELECT " + COLUMNS + " FROM sbx_hotel WHERE id = ?";

	/**
	 * Creates the plugin.
	 * @param sandbox the sandbox
	 */
	public HotelPlugin(Sandbox sandbox) {
		super(sandbox, "travel.hotel");
	}

	@Override
	public List<Option> query(String capability, Map<String, Object> inputs) {
		City city = this.sandbox.cities().require(Inputs.text(inputs, "destination", "city"), "destination");
		LocalDate date = Inputs.date(inputs, "date", this.sandbox.today());
		Stay stay = Stay.of(inputs);
		List<Hotel> hotels = this.sandbox.jdbc().query(SELECT_CITY, (rs, row) -> Hotel.read(rs), city.name());
		String area = Inputs.text(inputs, "area", "item");
		if (area != null) {
			List<Hotel> inArea = hotels.stream()
				.filter((hotel) -> area.contains(hotel.area()) || hotel.area().contains(area)
						|| hotel.name().contains(area))
				.toList();
			hotels = inArea.isEmpty() ? hotels : inArea;
		}
		Map<String, Integer> stock = new LinkedHashMap<>();
		hotels.forEach((hotel) -> stock.put(hotel.optionId(date), hotel.rooms()));
		Map<String, Integer> left = this.sandbox.inventory().remaining(stock);
		List<Option> options = new ArrayList<>();
		for (Hotel hotel : hotels) {
			options.add(hotel.option(name(), date, left.get(hotel.optionId(date)), stay));
		}
		return options;
	}

	@Override
	Offer offer(String optionId, Map<String, Object> inputs) {
		String[] parts = parts(optionId, "HT", 3);
		Hotel hotel = this.sandbox.jdbc()
			.query(SELECT_ONE, (rs, row) -> Hotel.read(rs), id(parts[1], optionId))
			.stream()
			.findFirst()
			.orElseThrow(() -> unknownOption(optionId));
		Stay stay = Stay.of(inputs);
		return new Offer(optionId, hotel.provider(), hotel.name() + " " + parts[2] + " " + stay.nights() + "晚",
				hotel.price(), hotel.price().multiply(BigDecimal.valueOf((long) stay.nights() * stay.rooms())),
				hotel.rooms(), stay.rooms());
	}

	record Stay(int nights, int rooms) {

		static Stay of(Map<String, Object> inputs) {
			int nights = Math.max(1, Inputs.integer(inputs, 1, "nights"));
			int guests = Math.max(1, Inputs.integer(inputs, 1, "party_size"));
			return new Stay(nights, Math.max(Inputs.integer(inputs, 0, "rooms"), (guests + 1) / 2));
		}

	}

	record Hotel(long id, String city, String name, String area, String provider, BigDecimal price, double rating,
			int rooms) {

		static Hotel read(ResultSet rs) throws SQLException {
			return new Hotel(rs.getLong("id"), rs.getString("city"), rs.getString("name"), rs.getString("area"),
					rs.getString("provider"), rs.getBigDecimal("price_per_night"), rs.getDouble("rating"),
					rs.getInt("rooms"));
		}

		String optionId(LocalDate date) {
			return "HT:" + this.id + ":" + date;
		}

		Option option(String plugin, LocalDate date, int left, Stay stay) {
			Map<String, Object> details = new LinkedHashMap<>();
			details.put("city", this.city);
			details.put("area", this.area);
			details.put("check_in", date.toString());
			details.put("check_out", date.plusDays(stay.nights()).toString());
			details.put("nights", stay.nights());
			details.put("rooms", stay.rooms());
			details.put("price_per_night", this.price);
			details.put("rooms_left", left);
			return new Option("travel.hotel", plugin, optionId(date), this.provider, this.name, this.price,
					this.price.multiply(BigDecimal.valueOf((long) stay.nights() * stay.rooms())), date.toString(),
					this.rating, left, details, stay.rooms());
		}

	}

}
