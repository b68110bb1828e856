package io.banshi.workers.sandbox;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.banshi.workers.plugin.Inputs;
import io.banshi.workers.plugin.Option;

import org.springframework.stereotype.Component;

/**
 * {@code travel.flight} from the sandbox: airlines fly a weekly schedule
 * ({@code sbx_flight}), so every date has departures. Fares are the schedule's price, 10%
 * more on Fridays and Sundays. Without an origin a trip starts in
 * {@link Sandbox#HOME_CITY}; without a date it is today.
 */
@Component
public class FlightPlugin extends StockedPlugin {

	static final String COLUMNS = "flight_no, provider, origin, destination, weekdays, departs, duration_minutes,"
			+ " price, seats, rating";

	static final String SELECT_ROUTE = "SELECT " + COLUMNS
			+ " FROM sbx_flight WHERE origin = ? AND destination = ? AND weekdays LIKE ? ORDER BY departs";

	// A flight is offered only on the weekdays it flies.
	static final String SELECT_ON_DAY = "SELECT " + COLUMNS
			+ " FROM sbx_flight WHERE flight_no = ? AND weekdays LIKE ?";

	/**
	 * Creates the plugin.
	 * @param sandbox the sandbox
	 */
	public FlightPlugin(Sandbox sandbox) {
		super(sandbox, "travel.flight");
	}

	@Override
	public List<Option> query(String capability, Map<String, Object> inputs) {
		Trip trip = Trip.of(this.sandbox, inputs);
		int party = Inputs.integer(inputs, 1, "party_size", "quantity");
		List<Flight> flights = this.sandbox.jdbc()
			.query(SELECT_ROUTE, (rs, row) -> Flight.read(rs), trip.origin().name(), trip.destination().name(),
					"%" + trip.date().getDayOfWeek().getValue() + "%");
		Map<String, Integer> stock = new LinkedHashMap<>();
		flights.forEach((flight) -> stock.put(flight.optionId(trip.date()), flight.seats()));
		Map<String, Integer> left = this.sandbox.inventory().remaining(stock);
		List<Option> options = new ArrayList<>();
		for (Flight flight : flights) {
			String id = flight.optionId(trip.date());
			options.add(flight.option(name(), trip.date(), left.get(id), party));
		}
		return options;
	}

	@Override
	Offer offer(String optionId, Map<String, Object> inputs) {
		String[] parts = parts(optionId, "FL", 3);
		LocalDate date = date(parts[2], optionId);
		Flight flight = this.sandbox.jdbc()
			.query(SELECT_ON_DAY, (rs, row) -> Flight.read(rs), parts[1], "%" + date.getDayOfWeek().getValue() + "%")
			.stream()
			.findFirst()
			.orElseThrow(() -> unknownOption(optionId));
		int party = Inputs.integer(inputs, 1, "party_size", "quantity");
		BigDecimal fare = flight.fare(date);
		return new Offer(optionId, flight.provider(), flight.label(date), fare,
				fare.multiply(BigDecimal.valueOf(party)), flight.seats(), party);
	}

	record Flight(String number, String provider, String origin, String destination, String departs, int minutes,
			BigDecimal price, int seats, double rating) {

		static Flight read(ResultSet rs) throws SQLException {
			return new Flight(rs.getString("flight_no"), rs.getString("provider"), rs.getString("origin"),
					rs.getString("destination"), rs.getString("departs"), rs.getInt("duration_minutes"),
					rs.getBigDecimal("price"), rs.getInt("seats"), rs.getDouble("rating"));
		}

		String optionId(LocalDate date) {
			return "FL:" + this.number + ":" + date;
		}

		BigDecimal fare(LocalDate date) {
			DayOfWeek day = date.getDayOfWeek();
			BigDecimal factor = (day == DayOfWeek.FRIDAY || day == DayOfWeek.SUNDAY) ? new BigDecimal("1.10")
					: BigDecimal.ONE;
			return this.price.multiply(factor).setScale(0, RoundingMode.HALF_UP);
		}

		String label(LocalDate date) {
			return this.number + " " + this.origin + "→" + this.destination + " " + date + " " + this.departs;
		}

		Option option(String plugin, LocalDate date, int left, int party) {
			LocalDateTime departure = LocalDateTime.of(date, LocalTime.parse(this.departs));
			LocalDateTime arrival = departure.plusMinutes(this.minutes);
			BigDecimal fare = fare(date);
			Map<String, Object> details = new LinkedHashMap<>();
			details.put("flight_no", this.number);
			details.put("origin", this.origin);
			details.put("destination", this.destination);
			details.put("date", date.toString());
			details.put("departs", departure.toString());
			details.put("arrives", arrival.toString());
			details.put("duration_minutes", this.minutes);
			details.put("seats_left", left);
			return new Option("travel.flight", plugin, optionId(date), this.provider, label(date), fare,
					fare.multiply(BigDecimal.valueOf(party)), departure.toString(), this.rating, left, details, party);
		}

	}

}
