package io.banshi.workers.sandbox;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
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
 * {@code travel.train} from the sandbox: high-speed trains on a weekly schedule
 * ({@code sbx_train}), one option per train and seat class, sold by 12306 or by agents
 * that add a service fee. The input {@code seat_class} (二等座, 一等座, 商务座) narrows the
 * result.
 */
@Component
public class TrainPlugin extends StockedPlugin {

	static final String COLUMNS = "train_no, provider, origin, destination, departs, duration_minutes, seat_class,"
			+ " price, seats";

	static final String SELECT_ROUTE = "SELECT " + COLUMNS
			+ " FROM sbx_train WHERE origin = ? AND destination = ? AND weekdays LIKE ? ORDER BY departs, price";

	// A train is offered only on the weekdays it runs.
	static final String SELECT_ON_DAY = "SELECT " + COLUMNS
			+ " FROM sbx_train WHERE train_no = ? AND seat_class = ? AND weekdays LIKE ?";

	/**
	 * Creates the plugin.
	 * @param sandbox the sandbox
	 */
	public TrainPlugin(Sandbox sandbox) {
		super(sandbox, "travel.train");
	}

	@Override
	public List<Option> query(String capability, Map<String, Object> inputs) {
		Trip trip = Trip.of(this.sandbox, inputs);
		int party = Inputs.integer(inputs, 1, "party_size", "quantity");
		String seatClass = Inputs.text(inputs, "seat_class");
		List<Train> trains = this.sandbox.jdbc()
			.query(SELECT_ROUTE, (rs, row) -> Train.read(rs), trip.origin().name(), trip.destination().name(),
					"%" + trip.date().getDayOfWeek().getValue() + "%")
			.stream()
			.filter((train) -> seatClass == null || train.seatClass().equals(seatClass))
			.toList();
		Map<String, Integer> stock = new LinkedHashMap<>();
		trains.forEach((train) -> stock.put(train.optionId(trip.date()), train.seats()));
		Map<String, Integer> left = this.sandbox.inventory().remaining(stock);
		List<Option> options = new ArrayList<>();
		for (Train train : trains) {
			options.add(train.option(name(), trip.date(), left.get(train.optionId(trip.date())), party));
		}
		return options;
	}

	@Override
	Offer offer(String optionId, Map<String, Object> inputs) {
		String[] parts = parts(optionId, "TR", 4);
		LocalDate date = date(parts[3], optionId);
		Train train = this.sandbox.jdbc()
			.query(SELECT_ON_DAY, (rs, row) -> Train.read(rs), parts[1], parts[2],
					"%" + date.getDayOfWeek().getValue() + "%")
			.stream()
			.findFirst()
			.orElseThrow(() -> unknownOption(optionId));
		int party = Inputs.integer(inputs, 1, "party_size", "quantity");
		return new Offer(optionId, train.provider(), train.label(date), train.price(),
				train.price().multiply(BigDecimal.valueOf(party)), train.seats(), party);
	}

	record Train(String number, String provider, String origin, String destination, String departs, int minutes,
			String seatClass, BigDecimal price, int seats) {

		static Train read(ResultSet rs) throws SQLException {
			return new Train(rs.getString("train_no"), rs.getString("provider"), rs.getString("origin"),
					rs.getString("destination"), rs.getString("departs"), rs.getInt("duration_minutes"),
					rs.getString("seat_class"), rs.getBigDecimal("price"), rs.getInt("seats"));
		}

		String optionId(LocalDate date) {
			return "TR:" + this.number + ":" + this.seatClass + ":" + date;
		}

		String label(LocalDate date) {
			return this.number + " " + this.origin + "→" + this.destination + " " + date + " " + this.departs + " "
					+ this.seatClass;
		}

		Option option(String plugin, LocalDate date, int left, int party) {
			LocalDateTime departure = LocalDateTime.of(date, LocalTime.parse(this.departs));
			Map<String, Object> details = new LinkedHashMap<>();
			details.put("train_no", this.number);
			details.put("origin", this.origin);
			details.put("destination", this.destination);
			details.put("date", date.toString());
			details.put("departs", departure.toString());
			details.put("arrives", departure.plusMinutes(this.minutes).toString());
			details.put("duration_minutes", this.minutes);
			details.put("seat_class", this.seatClass);
			details.put("seats_left", left);
			return new Option("travel.train", plugin, optionId(date), this.provider, label(date), this.price,
					this.price.multiply(BigDecimal.valueOf(party)), departure.toString(), null, left, details, party);
		}

	}

}
