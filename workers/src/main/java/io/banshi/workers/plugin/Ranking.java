package io.banshi.workers.plugin;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.Locale;

/**
 * How {@code compare} orders options.
 */
public enum Ranking {

	/** Cheapest first (by what the errand would pay, else by unit price). */
	PRICE(Comparator.comparing(Ranking::cost, Comparator.nullsLast(Comparator.naturalOrder()))),

	/** Earliest or fastest first (by the option's time). */
	TIME(Comparator.comparing(Option::time, Comparator.nullsLast(Ranking::compareTimes))),

	/** Best rated first. */
	RATING(Comparator.comparing(Option::rating, Comparator.nullsLast(Comparator.reverseOrder())));

	private final Comparator<Option> order;

	Ranking(Comparator<Option> order) {
		this.order = order;
	}

	/**
	 * Returns the order this ranking puts options in; ties go to the cheaper, then the
	 * better rated option.
	 * @return the comparator
	 */
	public Comparator<Option> comparator() {
		return this.order.thenComparing(Ranking::cost, Comparator.nullsLast(Comparator.naturalOrder()))
			.thenComparing(Option::rating, Comparator.nullsLast(Comparator.reverseOrder()));
	}

	/**
	 * Reads a ranking from a step input ({@code price}, {@code cheapest}, {@code time},
	 * {@code earliest}, {@code fastest}, {@code rating}, {@code best}, any case).
	 * @param value the input, may be {@code null}
	 * @return the ranking; {@link #PRICE} when the value is missing or unknown
	 */
	public static Ranking of(String value) {
		if (value == null) {
			return PRICE;
		}
		return switch (value.trim().toLowerCase(Locale.ROOT)) {
			case "time", "earliest", "fastest", "duration", "eta" -> TIME;
			case "rating", "best", "score", "quality" -> RATING;
			default -> PRICE;
		};
	}

	/**
	 * What choosing the option would cost: its total when known, else its price.
	 * @param option the option
	 * @return the cost, or {@code null}
	 */
	static BigDecimal cost(Option option) {
		return (option.total() != null) ? option.total() : option.price();
	}

	private static int compareTimes(String a, String b) {
		// Times are ISO date-times or minute counts; numbers compare as numbers.
		BigDecimal na = Inputs.decimal(a.matches("-?\\d+(\\.\\d+)?") ? a : null);
		BigDecimal nb = Inputs.decimal(b.matches("-?\\d+(\\.\\d+)?") ? b : null);
		if (na != null && nb != null) {
			return na.compareTo(nb);
		}
		return a.compareTo(b);
	}

}
