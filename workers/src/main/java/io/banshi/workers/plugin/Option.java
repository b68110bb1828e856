package io.banshi.workers.plugin;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One result of a query: something a person can choose, with what they need to choose it.
 * Options travel through process variables as maps ({@link #toMap()} and
 * {@link #fromMap(Map)}), so the option confirmed at {@code confirm} is the one handed to
 * {@code order}.
 *
 * @param capability the catalog capability that produced it, for example
 * {@code travel.flight}
 * @param plugin the name of the plugin that answered; orders for this option go back to
 * it
 * @param id identifies the option at its plugin (stable between query and order)
 * @param provider who sells or serves it: an airline, a shop, a platform
 * @param name what it is, as a person reads it
 * @param price the unit price in CNY (per ticket, night, person, item); {@code null} when
 * it has none
 * @param total what the errand would pay for what was asked (price times tickets, nights,
 * items); {@code null} when it has none
 * @param time when it happens, ISO date-time or date ({@code 2026-12-09T08:00}), or a
 * duration in minutes for routes and deliveries; may be {@code null}
 * @param rating rating from 0 to 5 (10 for films); may be {@code null}
 * @param available how many are left (seats, rooms, tables, stock); {@code null} when
 * unlimited
 * @param details the capability's own output fields ({@code flight_no}, {@code departs},
 * {@code seats_left}, ...)
 * @param wanted how many of {@code available} ordering it for what was asked would take
 * (tickets for the party, rooms, items); at least 1
 */
public record Option(String capability, String plugin, String id, String provider, String name, BigDecimal price,
		BigDecimal total, String time, Double rating, Integer available, Map<String, Object> details, int wanted) {

	public Option {
		details = (details != null) ? Map.copyOf(details) : Map.of();
		wanted = Math.max(1, wanted);
	}

	/**
	 * An option of which one unit is wanted.
	 * @param capability the catalog capability
	 * @param plugin the plugin that answered
	 * @param id the option's id at its plugin
	 * @param provider who sells or serves it
	 * @param name what it is
	 * @param price the unit price, or {@code null}
	 * @param total what the errand would pay, or {@code null}
	 * @param time when it happens, or {@code null}
	 * @param rating its rating, or {@code null}
	 * @param available how many are left, or {@code null} when unlimited
	 * @param details the capability's own output fields
	 */
	public Option(String capability, String plugin, String id, String provider, String name, BigDecimal price,
			BigDecimal total, String time, Double rating, Integer available, Map<String, Object> details) {
		this(capability, plugin, id, provider, name, price, total, time, rating, available, details, 1);
	}

	/**
	 * Tells whether too little is left of this option for what was asked: none at all, or
	 * fewer than {@link #wanted()} (two seats left for a party of three).
	 * @return true when it cannot be ordered as asked
	 */
	public boolean soldOut() {
		return this.available != null && this.available < this.wanted;
	}

	/**
	 * Returns this option as a map for process variables and JSON: the capability's own
	 * fields and the common ones ({@code id}, {@code provider}, {@code name},
	 * {@code price}, {@code total}, {@code time}, {@code rating}, {@code available},
	 * {@code plugin}, {@code capability}).
	 * @return a new mutable map without {@code null} values
	 */
	public Map<String, Object> toMap() {
		Map<String, Object> map = new LinkedHashMap<>(this.details);
		put(map, "id", this.id);
		put(map, "provider", this.provider);
		put(map, "name", this.name);
		put(map, "price", this.price);
		put(map, "total", this.total);
		put(map, "time", this.time);
		put(map, "rating", this.rating);
		put(map, "available", this.available);
		if (this.wanted > 1) {
			map.put("wanted", this.wanted);
		}
		put(map, "plugin", this.plugin);
		put(map, "capability", this.capability);
		return map;
	}

	/**
	 * Reads an option back from the map {@link #toMap()} made (for example from the
	 * {@code confirm} step's chosen option).
	 * @param map the map
	 * @return the option
	 * @throws BusinessFailure with {@link FailureCode#NOT_FOUND} when the map has no
	 * {@code id}
	 */
	public static Option fromMap(Map<String, ?> map) {
		if (map == null || map.get("id") == null) {
			throw new BusinessFailure(FailureCode.NOT_FOUND, "No option was chosen (the option has no id)");
		}
		Map<String, Object> details = new LinkedHashMap<>(map);
		for (String common : new String[] { "id", "provider", "name", "price", "total", "time", "rating", "available",
				"wanted", "plugin", "capability" }) {
			details.remove(common);
		}
		details.values().removeIf((value) -> value == null);
		return new Option(text(map.get("capability")), text(map.get("plugin")), text(map.get("id")),
				text(map.get("provider")), text(map.get("name")), Inputs.decimal(map.get("price")),
				Inputs.decimal(map.get("total")), text(map.get("time")), number(map.get("rating")),
				integer(map.get("available")), details,
				(integer(map.get("wanted")) != null) ? integer(map.get("wanted")) : 1);
	}

	private static void put(Map<String, Object> map, String key, Object value) {
		if (value != null) {
			map.put(key, value);
		}
	}

	private static String text(Object value) {
		return (value != null) ? value.toString() : null;
	}

	private static Double number(Object value) {
		BigDecimal decimal = Inputs.decimal(value);
		return (decimal != null) ? decimal.doubleValue() : null;
	}

	private static Integer integer(Object value) {
		BigDecimal decimal = Inputs.decimal(value);
		return (decimal != null) ? decimal.intValue() : null;
	}

}
