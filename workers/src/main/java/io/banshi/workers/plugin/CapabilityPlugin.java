package io.banshi.workers.plugin;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Serves one or more capabilities of the catalog: answers queries, and for consequential
 * capabilities places and cancels orders. Built-in sandbox plugins are Spring beans;
 * third-party plugins are registered at run time with
 * {@link PluginRegistry#register(CapabilityPlugin)}.
 *
 * <p>
 * Failures: a {@link BusinessFailure} (sold out, price changed, over budget, not found)
 * is permanent and becomes a BPMN error; any other exception is technical and the job is
 * retried. Implementations must be thread-safe: workers call them concurrently.
 */
public interface CapabilityPlugin {

	/**
	 * Returns this plugin's name, unique in the registry; options and orders carry it so
	 * that they come back to the plugin that made them.
	 * @return for example {@code sandbox.flight} or {@code mcp:taxi}
	 */
	String name();

	/**
	 * Returns the catalog capabilities this plugin serves (catalog names such as
	 * {@code travel.flight}, not the more specific names steps may use).
	 * @return the capability names
	 */
	Set<String> capabilities();

	/**
	 * Looks up what a person can choose from. Read-only: never changes stock or places
	 * anything.
	 * @param capability the catalog capability asked for
	 * @param inputs the step's inputs (see the capability's input schema)
	 * @return the options, possibly empty, each with what a person needs to choose it;
	 * sold-out options may be included with {@code available} zero
	 * @throws BusinessFailure when the inputs name something that does not exist (an
	 * unknown city: {@link FailureCode#NOT_FOUND})
	 */
	List<Option> query(String capability, Map<String, Object> inputs);

	/**
	 * Places an order for an option, at most once per idempotency key: a second call with
	 * a key already used returns the order placed the first time (marked
	 * {@link OrderReceipt#replayed()}) and changes nothing. The default refuses, for
	 * plugins whose capabilities are read-only.
	 * @param capability the catalog capability
	 * @param option the option the person confirmed, as the query returned it; may be
	 * {@code null} for capabilities that need no choice (a ledger entry, a calendar
	 * event, a message)
	 * @param inputs the step's inputs ({@code quantity}, {@code budget}, ...)
	 * @param key the idempotency key derived from the ordering job
	 * @return the order
	 * @throws BusinessFailure {@link FailureCode#SOLD_OUT},
	 * {@link FailureCode#PRICE_CHANGED} (the provider now asks a different price than the
	 * option's), {@link FailureCode#OVER_BUDGET} (the amount exceeds the input
	 * {@code budget}) or {@link FailureCode#NOT_FOUND} (the option no longer exists)
	 */
	default OrderReceipt order(String capability, Option option, Map<String, Object> inputs, IdempotencyKey key) {
		throw new BusinessFailure(FailureCode.INVALID_INPUT,
				"Plugin '" + name() + "' cannot order " + capability + ": it only answers queries");
	}

	/**
	 * Cancels an order this plugin placed and compensates it (gives stock back, voids a
	 * ledger entry). Idempotent: canceling a canceled order returns it unchanged.
	 * @param receipt the order, as {@link #order} returned it
	 * @return the order, now canceled
	 * @throws BusinessFailure with {@link FailureCode#NOT_FOUND} when no such order
	 * exists
	 */
	default OrderReceipt cancel(OrderReceipt receipt) {
		throw new BusinessFailure(FailureCode.NOT_FOUND,
				"Plugin '" + name() + "' places no orders, so it cannot cancel order " + receipt.orderId());
	}

}
