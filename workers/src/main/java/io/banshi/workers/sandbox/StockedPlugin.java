package io.banshi.workers.sandbox;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import io.banshi.workers.order.OrderAttempt;
import io.banshi.workers.order.OrderDraft;
import io.banshi.workers.plugin.BusinessFailure;
import io.banshi.workers.plugin.CapabilityPlugin;
import io.banshi.workers.plugin.FailureCode;
import io.banshi.workers.plugin.IdempotencyKey;
import io.banshi.workers.plugin.Inputs;
import io.banshi.workers.plugin.Option;
import io.banshi.workers.plugin.OrderReceipt;

/**
 * A sandbox plugin whose orders take stock: seats, rooms, tables, portions, items. The
 * order re-reads the option ({@link #offer}), lets the order store check price and
 * budget, and takes stock in the same transaction; cancel gives the stock back.
 */
abstract class StockedPlugin implements CapabilityPlugin {

	protected final Sandbox sandbox;

	private final String capability;

	StockedPlugin(Sandbox sandbox, String capability) {
		this.sandbox = sandbox;
		this.capability = capability;
	}

	@Override
	public String name() {
		return "sandbox." + this.capability;
	}

	@Override
	public Set<String> capabilities() {
		return Set.of(this.capability);
	}

	/**
	 * Reads an option as it stands now, for the given inputs (which say how many).
	 * @throws BusinessFailure with {@code NOT_FOUND} when it no longer exists
	 */
	abstract Offer offer(String optionId, Map<String, Object> inputs);

	@Override
	public OrderReceipt order(String capability, Option option, Map<String, Object> inputs, IdempotencyKey key) {
		if (option == null) {
			throw new BusinessFailure(FailureCode.INVALID_INPUT,
					"Ordering " + capability + " needs the option the person chose");
		}
		BigDecimal budget = Inputs.decimal(inputs, "budget");
		return this.sandbox.orders().place(key, new OrderAttempt() {

			private Offer offer;

			@Override
			public OrderDraft prepare() {
				this.offer = offer(option.id(), inputs);
				return new OrderDraft(StockedPlugin.this.capability, name(), this.offer.provider(), option.id(),
						this.offer.itemName(), this.offer.stockUnits(), this.offer.unitPrice(), this.offer.amount(),
						option.price(), budget);
			}

			@Override
			public Map<String, Object> apply(long orderId) {
				StockedPlugin.this.sandbox.inventory()
					.take(option.id(), this.offer.catalogStock(), this.offer.stockUnits(), this.offer.itemName());
				return details(option, inputs);
			}

		});
	}

	/**
	 * What to keep with the order besides the common fields; by default the option's own
	 * fields.
	 */
	Map<String, Object> details(Option option, Map<String, Object> inputs) {
		return new LinkedHashMap<>(option.details());
	}

	@Override
	public OrderReceipt cancel(OrderReceipt receipt) {
		return this.sandbox.orders()
			.cancel(receipt.orderId(),
					(order) -> this.sandbox.inventory().giveBack(order.optionId(), order.quantity()));
	}

	static BusinessFailure unknownOption(String optionId) {
		return new BusinessFailure(FailureCode.NOT_FOUND, "No option '" + optionId + "' in the sandbox catalog");
	}

	static LocalDate date(String text, String optionId) {
		try {
			return LocalDate.parse(text);
		}
		catch (DateTimeParseException ex) {
			throw unknownOption(optionId);
		}
	}

	static long id(String text, String optionId) {
		try {
			return Long.parseLong(text);
		}
		catch (NumberFormatException ex) {
			throw unknownOption(optionId);
		}
	}

	static String[] parts(String optionId, String prefix, int count) {
		String[] parts = (optionId != null) ? optionId.split(":", count) : new String[0];
		if (parts.length != count || !parts[0].equals(prefix)) {
			throw unknownOption(optionId);
		}
		return parts;
	}

}
