package io.banshi.workers.sandbox;

import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

import io.banshi.workers.plugin.BusinessFailure;
import io.banshi.workers.plugin.FailureCode;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What is left of each offer ({@code sbx_inventory}). An offer's row appears on its first
 * order, starting from the catalog's stock, so a flight on one date can sell out while
 * the same flight on another date has all its seats.
 */
final class Inventory {

	static final String SELECT = "SELECT remaining FROM sbx_inventory WHERE option_id = ?";

	static final String INSERT = "INSERT INTO sbx_inventory (option_id, remaining) VALUES (?, ?)";

	// The guard in the WHERE clause makes taking stock atomic: a row lock, no read first.
	static final String TAKE = "UPDATE sbx_inventory SET remaining = remaining - ? WHERE option_id = ?"
			+ " AND remaining >= ?";

	static final String GIVE_BACK = "UPDATE sbx_inventory SET remaining = remaining + ? WHERE option_id = ?";

	private final JdbcTemplate jdbc;

	Inventory(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Returns what is left of each offer.
	 * @param catalogStock each offer's stock in the catalog, by option id
	 * @return what is left, by option id
	 */
	Map<String, Integer> remaining(Map<String, Integer> catalogStock) {
		Map<String, Integer> result = new HashMap<>(catalogStock);
		if (catalogStock.isEmpty()) {
			return result;
		}
		Collection<String> ids = catalogStock.keySet();
		String in = String.join(",", Collections.nCopies(ids.size(), "?"));
		this.jdbc.query("SELECT option_id, remaining FROM sbx_inventory WHERE option_id IN (" + in + ")", (rs) -> {
			result.put(rs.getString("option_id"), rs.getInt("remaining"));
		}, ids.toArray());
		return result;
	}

	int remaining(String optionId, int catalogStock) {
		return this.jdbc.queryForList(SELECT, Integer.class, optionId).stream().findFirst().orElse(catalogStock);
	}

	/**
	 * Takes stock; call inside the order's transaction.
	 * @throws BusinessFailure with {@code SOLD_OUT} when less than asked is left
	 */
	void take(String optionId, int catalogStock, int quantity, String itemName) {
		if (quantity <= 0) {
			return;
		}
		if (this.jdbc.queryForList(SELECT, Integer.class, optionId).isEmpty()) {
			try {
				this.jdbc.update(INSERT, optionId, catalogStock);
			}
			catch (DuplicateKeyException ex) {
				// Another order created the row first; taking below works on it.
			}
		}
		if (this.jdbc.update(TAKE, quantity, optionId, quantity) == 0) {
			int left = remaining(optionId, catalogStock);
			throw new BusinessFailure(FailureCode.SOLD_OUT, (left <= 0) ? itemName + " is sold out"
					: itemName + ": only " + left + " left, " + quantity + " asked for");
		}
	}

	void giveBack(String optionId, int quantity) {
		if (quantity > 0) {
			this.jdbc.update(GIVE_BACK, quantity, optionId);
		}
	}

}
