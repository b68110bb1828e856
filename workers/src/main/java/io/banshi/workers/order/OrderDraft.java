package io.banshi.workers.order;

import java.math.BigDecimal;

/**
 * What a plugin is about to order, as it stands at the provider now; the order store
 * checks it against what the person confirmed and the budget before anything is written.
 *
 * @param capability the catalog capability
 * @param plugin the plugin placing the order
 * @param provider who sells it
 * @param optionId the option
 * @param itemName what it is, as a person reads it
 * @param quantity how many units are taken from stock (tickets, room nights, items; zero
 * for orders without stock)
 * @param unitPrice the provider's current price of one unit
 * @param amount what it costs in all now
 * @param confirmedUnitPrice the unit price the person saw and confirmed, or {@code null}
 * when nothing was quoted (then the price is not re-checked)
 * @param budget the errand's budget, or {@code null} for none
 */
public record OrderDraft(String capability, String plugin, String provider, String optionId, String itemName,
		int quantity, BigDecimal unitPrice, BigDecimal amount, BigDecimal confirmedUnitPrice, BigDecimal budget) {

}
