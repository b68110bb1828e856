package io.banshi.workers.sandbox;

import java.math.BigDecimal;

/**
 * An option as it stands at the provider now, read again when it is ordered.
 *
 * @param optionId the option
 * @param provider who sells it
 * @param itemName what it is
 * @param unitPrice the current price of one unit
 * @param amount what the order costs in all
 * @param catalogStock the catalog's stock of the offer (before any order)
 * @param stockUnits how many units the order takes from stock
 */
record Offer(String optionId, String provider, String itemName, BigDecimal unitPrice, BigDecimal amount,
		int catalogStock, int stockUnits) {

}
