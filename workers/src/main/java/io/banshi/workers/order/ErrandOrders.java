package io.banshi.workers.order;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import io.banshi.workers.plugin.OrderReceipt;
import io.banshi.workers.plugin.OrderStatus;
import io.banshi.workers.plugin.PluginRegistry;

import org.springframework.stereotype.Component;

/**
 * The orders of one errand, and their compensation when the errand is canceled: each
 * placed order is canceled through the plugin that placed it (stock given back, entry
 * voided). Canceling again changes nothing, so a cancellation that was interrupted can
 * simply be repeated.
 */
@Component
public class ErrandOrders {

	private final OrderStore orders;

	private final PluginRegistry registry;

	/**
	 * Creates the service.
	 * @param orders the order store
	 * @param registry the plugins that placed the orders
	 */
	public ErrandOrders(OrderStore orders, PluginRegistry registry) {
		this.orders = orders;
		this.registry = registry;
	}

	/**
	 * Returns an errand's orders, oldest first.
	 * @param processInstanceKey the errand's process instance
	 * @return its orders, placed and canceled
	 */
	public List<OrderReceipt> of(long processInstanceKey) {
		return this.orders.forProcessInstance(processInstanceKey);
	}

	/**
	 * Cancels every placed order of an errand, newest first. When one cannot be canceled
	 * the others still are, and the first failure is thrown at the end.
	 * @param processInstanceKey the errand's process instance
	 * @return the errand's orders afterwards
	 */
	public List<OrderReceipt> cancelAll(long processInstanceKey) {
		List<OrderReceipt> placed = new ArrayList<>(
				of(processInstanceKey).stream().filter((order) -> order.status() == OrderStatus.PLACED).toList());
		Collections.reverse(placed);
		RuntimeException firstFailure = null;
		for (OrderReceipt order : placed) {
			try {
				this.registry.cancel(order);
			}
			catch (RuntimeException ex) {
				firstFailure = (firstFailure != null) ? firstFailure : ex;
			}
		}
		if (firstFailure != null) {
			throw firstFailure;
		}
		return of(processInstanceKey);
	}

}
