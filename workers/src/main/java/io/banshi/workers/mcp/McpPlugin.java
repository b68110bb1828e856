package io.banshi.workers.mcp;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.banshi.workers.order.OrderAttempt;
import io.banshi.workers.order.OrderDraft;
import io.banshi.workers.order.OrderStore;
import io.banshi.workers.plugin.BusinessFailure;
import io.banshi.workers.plugin.CapabilityPlugin;
import io.banshi.workers.plugin.FailureCode;
import io.banshi.workers.plugin.IdempotencyKey;
import io.banshi.workers.plugin.Inputs;
import io.banshi.workers.plugin.Option;
import io.banshi.workers.plugin.OrderReceipt;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;

/**
 * A third-party plugin reached over MCP: each capability it serves maps to the server's
 * tools for querying, ordering and canceling. Orders are recorded in the order store
 * under their idempotency key like every other order, and the key is passed to the order
 * tool as {@code idempotency_key} so the server can recognise a repeated call too; the
 * tool is called inside the order's transaction, so a failing tool leaves no order.
 */
public final class McpPlugin implements CapabilityPlugin, AutoCloseable {

	private final String name;

	private final String url;

	private final String server;

	private final McpSyncClient client;

	private final Map<String, Tools> tools;

	private final OrderStore orders;

	McpPlugin(String name, String url, String server, McpSyncClient client, Map<String, Tools> tools,
			OrderStore orders) {
		this.name = name;
		this.url = url;
		this.server = server;
		this.client = client;
		this.tools = Map.copyOf(tools);
		this.orders = orders;
	}

	@Override
	public String name() {
		return this.name;
	}

	/**
	 * Returns the URL the plugin was registered with.
	 * @return the MCP endpoint
	 */
	public String url() {
		return this.url;
	}

	@Override
	public Set<String> capabilities() {
		return this.tools.keySet();
	}

	/**
	 * Returns the tool names serving each capability, for display.
	 * @return for each capability, its query, order and cancel tools (those it has)
	 */
	public Map<String, List<String>> toolNames() {
		Map<String, List<String>> names = new LinkedHashMap<>();
		this.tools.forEach((capability, tools) -> names.put(capability, tools.names()));
		return names;
	}

	@Override
	public List<Option> query(String capability, Map<String, Object> inputs) {
		Tools tools = tools(capability);
		if (tools.query() == null) {
			return List.of();
		}
		List<Map<String, Object>> objects = McpTools.objects(call(tools.query(), inputs), tools.query().name());
		int quantity = Math.max(1, Inputs.integer(inputs, 1, "quantity", "party_size"));
		List<Option> options = new ArrayList<>();
		for (int i = 0; i < objects.size(); i++) {
			options.add(McpTools.option(objects.get(i), capability, this.name, this.server, i + 1, quantity));
		}
		return options;
	}

	@Override
	public OrderReceipt order(String capability, Option option, Map<String, Object> inputs, IdempotencyKey key) {
		Tools tools = tools(capability);
		if (tools.order() == null) {
			return CapabilityPlugin.super.order(capability, option, inputs, key);
		}
		int quantity = Math.max(1, Inputs.integer(inputs, 1, "quantity", "party_size"));
		BigDecimal budget = Inputs.decimal(inputs, "budget");
		return this.orders.place(key, new OrderAttempt() {

			@Override
			public OrderDraft prepare() {
				BigDecimal price = (option != null && option.price() != null) ? option.price() : BigDecimal.ZERO;
				BigDecimal amount = (option != null && option.total() != null) ? option.total()
						: price.multiply(BigDecimal.valueOf(quantity));
				String optionId = (option != null) ? option.id() : capability;
				String item = (option != null && option.name() != null) ? option.name() : capability;
				String provider = (option != null && option.provider() != null) ? option.provider()
						: McpPlugin.this.server;
				return new OrderDraft(capability, McpPlugin.this.name, provider, optionId, item, quantity, price,
						amount, null, budget);
			}

			@Override
			public Map<String, Object> apply(long orderId) {
				Map<String, Object> arguments = new LinkedHashMap<>(inputs);
				if (option != null) {
					arguments.put("option_id", option.id());
				}
				arguments.put("quantity", quantity);
				arguments.put("idempotency_key", key.value());
				List<Map<String, Object>> result = McpTools.objects(call(tools.order(), arguments),
						tools.order().name());
				return result.isEmpty() ? Map.of() : result.get(0);
			}

		});
	}

	@Override
	public OrderReceipt cancel(OrderReceipt receipt) {
		Tools tools = tools(receipt.capability());
		return this.orders.cancel(receipt.orderId(), (order) -> {
			if (tools.cancel() != null) {
				Map<String, Object> arguments = new LinkedHashMap<>(order.details());
				arguments.put("option_id", order.optionId());
				arguments.put("idempotency_key", order.idempotencyKey());
				McpTools.objects(call(tools.cancel(), arguments), tools.cancel().name());
			}
		});
	}

	/**
	 * Closes the connection to the server.
	 */
	@Override
	public void close() {
		this.client.closeGracefully();
	}

	private McpSchema.CallToolResult call(McpSchema.Tool tool, Map<String, Object> arguments) {
		return this.client.callTool(new McpSchema.CallToolRequest(tool.name(), arguments));
	}

	private Tools tools(String capability) {
		Tools tools = this.tools.get(capability);
		if (tools == null) {
			throw new BusinessFailure(FailureCode.NOT_FOUND,
					"The MCP plugin '" + this.name + "' does not serve '" + capability + "'");
		}
		return tools;
	}

	/** The tools serving one capability. */
	record Tools(McpSchema.Tool query, McpSchema.Tool order, McpSchema.Tool cancel) {

		List<String> names() {
			List<String> names = new ArrayList<>();
			for (McpSchema.Tool tool : new McpSchema.Tool[] { this.query, this.order, this.cancel }) {
				if (tool != null) {
					names.add(tool.name());
				}
			}
			return names;
		}

		Tools with(ToolRole role, McpSchema.Tool tool) {
			return switch (role) {
				case QUERY -> new Tools(tool, this.order, this.cancel);
				case ORDER -> new Tools(this.query, tool, this.cancel);
				case CANCEL -> new Tools(this.query, this.order, tool);
			};
		}

	}

}
