package io.banshi.workers.mcp;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.banshi.workers.plugin.BusinessFailure;
import io.banshi.workers.plugin.FailureCode;
import io.banshi.workers.plugin.Inputs;
import io.banshi.workers.plugin.Option;
import io.modelcontextprotocol.spec.McpSchema;

/**
 * How Banshi reads third-party MCP tools: which capability a tool serves, and what its
 * results mean.
 *
 * <p>
 * A tool's capability is its {@code _meta} entry {@value #CAPABILITY_META} when present;
 * else its name when the name is dotted ({@code taxi.ride.search} serves
 * {@code taxi.ride}: a trailing verb is dropped); else {@code mcp.<server>.<tool>}.
 * Results are read from the structured content, or from text content holding JSON: a list
 * of objects, or an object with {@code options}, {@code results} or {@code items}, or one
 * object. A result flagged as error whose text starts with a failure code
 * ({@code SOLD_OUT: no cars nearby}) is a business failure; any other error is technical.
 */
final class McpTools {

	/** The {@code _meta} key naming the capability a tool serves. */
	static final String CAPABILITY_META = "banshi/capability";

	/** The {@code _meta} key naming what the tool does: query, order or cancel. */
	static final String KIND_META = "banshi/kind";

	private static final ObjectMapper json = new ObjectMapper();

	private McpTools() {
	}

	static String capabilityOf(McpSchema.Tool tool, String server) {
		Map<String, Object> meta = tool.meta();
		if (meta != null && meta.get(CAPABILITY_META) != null) {
			return meta.get(CAPABILITY_META).toString().trim().toLowerCase(Locale.ROOT);
		}
		String name = tool.name().toLowerCase(Locale.ROOT);
		String verb = ToolRole.verb(name);
		if (name.matches("[a-z][a-z0-9_]*(\\.[a-z0-9_]+)+")) {
			if (verb != null && name.endsWith("." + verb) && name.indexOf('.') < name.lastIndexOf('.')) {
				return name.substring(0, name.length() - verb.length() - 1);
			}
			return name;
		}
		String base = name.replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
		if (verb != null) {
			base = base.replaceAll("(^" + verb + "_)|(_" + verb + "$)", "");
		}
		return "mcp." + server + "." + base;
	}

	static String serverSlug(String name) {
		String slug = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
		return slug.isEmpty() ? "server" : slug;
	}

	/**
	 * Reads a tool's result as a list of objects.
	 * @throws BusinessFailure for an error result that names a failure code
	 * @throws IllegalStateException for any other error result (technical, retried)
	 */
	static List<Map<String, Object>> objects(McpSchema.CallToolResult result, String tool) {
		String text = text(result);
		if (Boolean.TRUE.equals(result.isError())) {
			for (FailureCode code : FailureCode.values()) {
				if (text.startsWith(code.name())) {
					String reason = text.substring(code.name().length()).replaceFirst("^[:\\s]+", "");
					throw new BusinessFailure(code, reason.isEmpty() ? code.name() : reason);
				}
			}
			throw new IllegalStateException("The MCP tool '" + tool + "' failed: " + text);
		}
		Object value = result.structuredContent();
		if (value == null && !text.isBlank()) {
			try {
				value = json.readValue(text, Object.class);
			}
			catch (JsonProcessingException ex) {
				value = Map.of("name", text);
			}
		}
		if (value instanceof Map<?, ?> map) {
			for (String key : new String[] { "options", "results", "items" }) {
				if (map.get(key) instanceof List<?> list) {
					value = list;
					break;
				}
			}
		}
		List<Map<String, Object>> objects = new ArrayList<>();
		if (value instanceof List<?> list) {
			for (Object item : list) {
				if (item instanceof Map<?, ?> map) {
					objects.add(copy(map));
				}
			}
		}
		else if (value instanceof Map<?, ?> map) {
			objects.add(copy(map));
		}
		return objects;
	}

	static Option option(Map<String, Object> object, String capability, String plugin, String server, int index,
			int quantity) {
		String id = first(object, "id", "option_id", "sku");
		String name = first(object, "name", "title", "summary");
		BigDecimal price = Inputs.decimal(object, "price", "unit_price", "amount");
		BigDecimal total = Inputs.decimal(object, "total");
		if (total == null && price != null) {
			total = price.multiply(BigDecimal.valueOf(quantity));
		}
		String provider = first(object, "provider", "platform", "shop");
		Double rating = (Inputs.decimal(object, "rating") != null) ? Inputs.decimal(object, "rating").doubleValue()
				: null;
		BigDecimal available = Inputs.decimal(object, "available", "stock", "seats_left", "rooms_left");
		return new Option(capability, plugin, (id != null) ? id : capability + "#" + index,
				(provider != null) ? provider : server, (name != null) ? name : id, price, total,
				first(object, "time", "departs", "starts", "date", "eta_minutes"), rating,
				(available != null) ? available.intValue() : null, object, quantity);
	}

	private static String first(Map<String, Object> object, String... keys) {
		return Inputs.text(object, keys);
	}

	private static Map<String, Object> copy(Map<?, ?> map) {
		Map<String, Object> copy = new LinkedHashMap<>();
		map.forEach((key, value) -> {
			if (key != null && value != null) {
				copy.put(key.toString(), value);
			}
		});
		return copy;
	}

	private static String text(McpSchema.CallToolResult result) {
		StringBuilder text = new StringBuilder();
		if (result.content() != null) {
			for (McpSchema.Content content : result.content()) {
				if (content instanceof McpSchema.TextContent part) {
					text.append(part.text());
				}
			}
		}
		return text.toString().trim();
	}

}
