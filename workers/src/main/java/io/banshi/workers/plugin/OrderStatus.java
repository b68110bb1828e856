package io.banshi.workers.plugin;

import java.util.Locale;

/**
 * Where an order stands.
 */
public enum OrderStatus {

	/** Placed: stock taken, money counted. */
	PLACED,

	/** Canceled and compensated: stock given back. */
	CANCELED;

	/**
	 * Returns the lower-case name stored in {@code app_order.status}.
	 * @return {@code placed} or {@code canceled}
	 */
	public String value() {
		return name().toLowerCase(Locale.ROOT);
	}

	/**
	 * Reads a stored status.
	 * @param value {@code placed} or {@code canceled}
	 * @return the status
	 */
	public static OrderStatus of(String value) {
		return valueOf(value.toUpperCase(Locale.ROOT));
	}

}
