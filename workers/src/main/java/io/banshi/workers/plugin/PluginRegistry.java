package io.banshi.workers.plugin;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.banshi.workflows.catalog.Capability;
import io.banshi.workflows.catalog.CapabilityCatalog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Picks the plugins that serve a step's capability and routes queries, comparisons,
 * orders and cancellations to them. A step may use a more specific name than the
 * catalog's ({@code travel.flight.search}); it is served by the plugins of the catalog
 * capability it falls under ({@code travel.flight}). Built-in plugins come from the
 * Spring context; third-party plugins are added with {@link #register(CapabilityPlugin)}.
 */
@Component
public class PluginRegistry {

	private static final Logger logger = LoggerFactory.getLogger(PluginRegistry.class);

	private final CapabilityCatalog catalog;

	private final List<CapabilityPlugin> plugins = new CopyOnWriteArrayList<>();

	/**
	 * Creates a registry.
	 * @param catalog the capability catalog the step names are resolved against
	 * @param plugins the plugins known at start (the built-in ones)
	 */
	public PluginRegistry(CapabilityCatalog catalog, List<CapabilityPlugin> plugins) {
		this.catalog = catalog;
		plugins.forEach(this::register);
	}

	/**
	 * Returns the catalog this registry resolves capability names against.
	 * @return the catalog
	 */
	public CapabilityCatalog catalog() {
		return this.catalog;
	}

	/**
	 * Adds a plugin.
	 * @param plugin the plugin
	 * @throws IllegalArgumentException when a plugin of the same name is registered, or
	 * the plugin serves a capability the catalog does not know
	 */
	public synchronized void register(CapabilityPlugin plugin) {
		if (find(plugin.name()) != null) {
			throw new IllegalArgumentException("A plugin named '" + plugin.name() + "' is registered already");
		}
		for (String capability : plugin.capabilities()) {
			if (this.catalog.find(capability).filter((found) -> found.name().equals(capability)).isEmpty()) {
				throw new IllegalArgumentException("Plugin '" + plugin.name() + "' serves '" + capability
						+ "', which is not a capability of the catalog");
			}
		}
		this.plugins.add(plugin);
	}

	/**
	 * Removes a plugin; its capabilities stay in the catalog.
	 * @param name the plugin's name
	 * @return true when a plugin was removed
	 */
	public synchronized boolean unregister(String name) {
		return this.plugins.removeIf((plugin) -> plugin.name().equals(name));
	}

	/**
	 * Returns every registered plugin.
	 * @return the plugins, built-in first
	 */
	public List<CapabilityPlugin> plugins() {
		return List.copyOf(this.plugins);
	}

	/**
	 * Returns the catalog capability a step's capability name falls under.
	 * @param used the name the step uses, for example {@code travel.flight.search}
	 * @return the catalog capability
	 * @throws BusinessFailure with {@link FailureCode#NOT_FOUND} when the catalog has
	 * none
	 */
	public Capability capability(String used) {
		return this.catalog.find(used)
			.orElseThrow(
					() -> new BusinessFailure(FailureCode.NOT_FOUND, "No capability '" + used + "' in the catalog"));
	}

	/**
	 * Returns the plugins serving a step's capability, in registration order.
	 * @param used the name the step uses
	 * @return the plugins, never empty
	 * @throws BusinessFailure with {@link FailureCode#NOT_FOUND} when the capability is
	 * unknown or no plugin serves it
	 */
	public List<CapabilityPlugin> pluginsFor(String used) {
		String name = capability(used).name();
		List<CapabilityPlugin> serving = this.plugins.stream()
			.filter((plugin) -> plugin.capabilities().contains(name))
			.toList();
		if (serving.isEmpty()) {
			throw new BusinessFailure(FailureCode.NOT_FOUND, "No plugin serves the capability '" + name + "'");
		}
		return serving;
	}

	/**
	 * Asks every plugin serving the capability and gathers their options. A plugin that
	 * fails technically is skipped as long as another one answered; when all fail, the
	 * first failure is thrown.
	 * @param used the step's capability name
	 * @param inputs the step's inputs
	 * @return the options of all plugins
	 * @throws BusinessFailure when a plugin reports one (for example an unknown city)
	 */
	public List<Option> query(String used, Map<String, Object> inputs) {
		String name = capability(used).name();
		List<Option> options = new ArrayList<>();
		RuntimeException firstFailure = null;
		int answered = 0;
		for (CapabilityPlugin plugin : pluginsFor(used)) {
			try {
				options.addAll(plugin.query(name, inputs));
				answered++;
			}
			catch (BusinessFailure ex) {
				throw ex;
			}
			catch (RuntimeException ex) {
				logger.warn("Plugin '{}' failed to answer a query for {}: {}", plugin.name(), name, ex.toString());
				firstFailure = (firstFailure != null) ? firstFailure : ex;
			}
		}
		if (answered == 0 && firstFailure != null) {
			throw firstFailure;
		}
		return options;
	}

	/**
	 * Asks every provider of the capability and ranks what they offer. Options that are
	 * sold out, or whose cost exceeds the budget, are left out of the ranking and listed
	 * apart.
	 * @param used the step's capability name
	 * @param inputs the step's inputs; {@code budget} (a number, or an object with an
	 * {@code amount}) is applied when present
	 * @param by how to rank
	 * @return the comparison
	 */
	public Comparison compare(String used, Map<String, Object> inputs, Ranking by) {
		return rank(used, query(used, inputs), Inputs.decimal(inputs, "budget"), by);
	}

	/**
	 * Ranks options found earlier (by a {@code query} step), as {@link #compare} does.
	 * @param used the step's capability name
	 * @param options the options to rank
	 * @param budget the budget, or {@code null} for none
	 * @param by how to rank
	 * @return the comparison
	 */
	public Comparison rank(String used, List<Option> options, BigDecimal budget, Ranking by) {
		String name = capability(used).name();
		List<Option> ranked = new ArrayList<>();
		List<Option> overBudget = new ArrayList<>();
		List<Option> soldOut = new ArrayList<>();
		for (Option option : options) {
			BigDecimal cost = Ranking.cost(option);
			if (option.soldOut()) {
				soldOut.add(option);
			}
			else if (budget != null && cost != null && cost.compareTo(budget) > 0) {
				overBudget.add(option);
			}
			else {
				ranked.add(option);
			}
		}
		ranked.sort(by.comparator());
		return new Comparison(name, by, budget, ranked, overBudget, soldOut);
	}

	/**
	 * Orders an option from the plugin that offered it (the option's {@code plugin}), or,
	 * for an order without an option, from the first plugin serving the capability.
	 * @param used the step's capability name
	 * @param option the confirmed option, or {@code null} for capabilities that need no
	 * choice
	 * @param inputs the step's inputs
	 * @param key the idempotency key derived from the job
	 * @return the order, new or found under the key
	 * @throws BusinessFailure as {@link CapabilityPlugin#order} does, and with
	 * {@link FailureCode#INVALID_INPUT} when the capability is not consequential or the
	 * option is an offer of another capability
	 */
	public OrderReceipt order(String used, Option option, Map<String, Object> inputs, IdempotencyKey key) {
		Capability capability = capability(used);
		if (!capability.consequential()) {
			throw new BusinessFailure(FailureCode.INVALID_INPUT,
					"'" + capability.name() + "' only answers queries; nothing can be ordered from it");
		}
		if (option != null && option.capability() != null && !option.capability().equals(capability.name())) {
			throw new BusinessFailure(FailureCode.INVALID_INPUT, "Option '" + option.id() + "' is an offer of "
					+ option.capability() + ", not of " + capability.name());
		}
		CapabilityPlugin plugin = (option != null && option.plugin() != null) ? pluginNamed(option.plugin())
				: pluginsFor(used).get(0);
		return plugin.order(capability.name(), option, inputs, key);
	}

	/**
	 * Cancels an order through the plugin that placed it; idempotent.
	 * @param receipt the order
	 * @return the canceled order
	 */
	public OrderReceipt cancel(OrderReceipt receipt) {
		return pluginNamed(receipt.plugin()).cancel(receipt);
	}

	private CapabilityPlugin pluginNamed(String name) {
		CapabilityPlugin plugin = find(name);
		if (plugin == null) {
			throw new BusinessFailure(FailureCode.NOT_FOUND, "No plugin named '" + name + "' is registered");
		}
		return plugin;
	}

	private CapabilityPlugin find(String name) {
		return this.plugins.stream().filter((plugin) -> plugin.name().equals(name)).findFirst().orElse(null);
	}

}
