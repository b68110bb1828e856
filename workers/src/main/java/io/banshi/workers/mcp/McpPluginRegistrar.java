package io.banshi.workers.mcp;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.banshi.workers.order.OrderStore;
import io.banshi.workers.plugin.PluginRegistry;
import io.banshi.workflows.catalog.Capability;
import io.banshi.workflows.catalog.CapabilityCatalog;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import jakarta.annotation.PreDestroy;

import org.springframework.stereotype.Component;

/**
 * Registers third-party plugins by URL at run time, over MCP with the streamable HTTP
 * transport. The server's tools become capabilities: those the catalog lacks are added to
 * it (input schema from the tool's), those it has gain one more provider, so
 * {@code compare} asks the third party along with the built-in plugin. See
 * {@link McpTools} for how tools map to capabilities.
 *
 * <p>
 * Registration first connects, initializes the MCP session and lists the tools; only when
 * all of that worked and at least one tool is usable does it change the catalog and the
 * registry. Nothing is connected at application start, so a missing server never keeps
 * the application from starting.
 */
@Component
public class McpPluginRegistrar {

	/** How long connecting, initializing and each tool call may take. */
	static final Duration TIMEOUT = Duration.ofSeconds(10);

	private final PluginRegistry registry;

	private final CapabilityCatalog catalog;

	private final OrderStore orders;

	private final ObjectMapper json = new ObjectMapper();

	private final Map<String, McpPlugin> plugins = new LinkedHashMap<>();

	/**
	 * Creates the registrar.
	 * @param registry where plugins are registered
	 * @param orders the order store the plugins' orders are recorded in
	 */
	public McpPluginRegistrar(PluginRegistry registry, OrderStore orders) {
		this.registry = registry;
		this.catalog = registry.catalog();
		this.orders = orders;
	}

	/**
	 * Connects to an MCP server and registers its tools as a plugin named
	 * {@code mcp:<server name>}.
	 * @param url the server's streamable HTTP endpoint, for example
	 * {@code http://localhost:3001/mcp}
	 * @return the registered plugin
	 * @throws McpRegistrationException when the URL is not an http(s) URL, nothing
	 * answers, the answer is not MCP, the server offers no tools, or a plugin for that
	 * server is registered already; nothing changed then
	 */
	public synchronized McpPlugin register(String url) {
		URI uri = parse(url);
		McpSyncClient client = connect(uri, url);
		try {
			String server = McpTools.serverSlug(client.getServerInfo().name());
			String name = "mcp:" + server;
			if (this.plugins.containsKey(name)
					|| this.registry.plugins().stream().anyMatch((plugin) -> plugin.name().equals(name))) {
				throw new McpRegistrationException(
						"A plugin for the MCP server '" + server + "' is registered already (" + url + ")", null);
			}
			List<McpSchema.Tool> tools = listTools(client, url);
			Map<String, McpPlugin.Tools> byCapability = new LinkedHashMap<>();
			Map<String, McpSchema.Tool> described = new LinkedHashMap<>();
			for (McpSchema.Tool tool : tools) {
				String capability = McpTools.capabilityOf(tool, server);
				ToolRole role = ToolRole.of(tool);
				byCapability.merge(capability, new McpPlugin.Tools(null, null, null).with(role, tool),
						(a, b) -> a.with(role, tool));
				if (role == ToolRole.QUERY || !described.containsKey(capability)) {
					described.put(capability, tool);
				}
			}
			List<Capability> added = new ArrayList<>();
			for (Map.Entry<String, McpPlugin.Tools> entry : byCapability.entrySet()) {
				if (this.catalog.all().stream().noneMatch((known) -> known.name().equals(entry.getKey()))) {
					added.add(capability(entry.getKey(), described.get(entry.getKey()), entry.getValue()));
				}
			}
			McpPlugin plugin = new McpPlugin(name, url, server, client, byCapability, this.orders);
			// Everything was checked; from here on the catalog and the registry change.
			added.forEach(this.catalog::register);
			this.registry.register(plugin);
			this.plugins.put(name, plugin);
			return plugin;
		}
		catch (RuntimeException ex) {
			client.closeGracefully();
			throw ex;
		}
	}

	/**
	 * Unregisters a plugin and closes its connection; the capabilities it added stay in
	 * the catalog (steps of existing plans may name them).
	 * @param name the plugin's name
	 * @return true when it was registered
	 */
	public synchronized boolean unregister(String name) {
		McpPlugin plugin = this.plugins.remove(name);
		if (plugin == null) {
			return false;
		}
		this.registry.unregister(name);
		plugin.close();
		return true;
	}

	/**
	 * Returns the registered third-party plugins.
	 * @return the plugins, oldest first
	 */
	public synchronized List<McpPlugin> plugins() {
		return List.copyOf(this.plugins.values());
	}

	/**
	 * Closes every connection when the application stops.
	 */
	@PreDestroy
	public synchronized void close() {
		for (String name : List.copyOf(this.plugins.keySet())) {
			unregister(name);
		}
	}

	private static URI parse(String url) {
		if (url == null || url.isBlank()) {
			throw new McpRegistrationException("An MCP plugin needs a URL", null);
		}
		try {
			URI uri = new URI(url.trim());
			String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
			if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
				throw new McpRegistrationException(
						"'" + url + "' is not an http(s) URL of an MCP server (streamable HTTP)", null);
			}
			return uri;
		}
		catch (URISyntaxException ex) {
			throw new McpRegistrationException("'" + url + "' is not a URL: " + ex.getMessage(), ex);
		}
	}

	private static McpSyncClient connect(URI uri, String url) {
		String base = uri.getScheme() + "://" + uri.getRawAuthority();
		String endpoint = (uri.getRawPath() == null || uri.getRawPath().isEmpty()) ? "/mcp" : uri.getRawPath();
		if (uri.getRawQuery() != null) {
			endpoint += "?" + uri.getRawQuery();
		}
		HttpClientStreamableHttpTransport transport = HttpClientStreamableHttpTransport.builder(base)
			.endpoint(endpoint)
			.connectTimeout(TIMEOUT)
			.httpRequestCustomizer((request, method, target, body, context) -> {
				// JSON is UTF-8, but servlet containers read a body without a charset as
				// ISO-8859-1; saying so keeps Chinese arguments intact.
				if ("POST".equals(method)) {
					request.setHeader("Content-Type", "application/json; charset=utf-8");
				}
			})
			.build();
		McpSyncClient client = McpClient.sync(transport)
			.requestTimeout(TIMEOUT)
			.initializationTimeout(TIMEOUT)
			.clientInfo(new McpSchema.Implementation("banshi", "0.1.0"))
			.build();
		try {
			client.initialize();
			return client;
		}
		catch (RuntimeException ex) {
			client.closeGracefully();
			throw new McpRegistrationException("No MCP server answered at " + url + ": " + describe(ex), ex);
		}
	}

	private static List<McpSchema.Tool> listTools(McpSyncClient client, String url) {
		if (client.getServerCapabilities() == null || client.getServerCapabilities().tools() == null) {
			throw new McpRegistrationException("The MCP server at " + url + " offers no tools", null);
		}
		List<McpSchema.Tool> tools = new ArrayList<>();
		try {
			McpSchema.ListToolsResult page = client.listTools();
			tools.addAll(page.tools());
			while (page.nextCursor() != null && !page.nextCursor().isBlank()) {
				page = client.listTools(page.nextCursor());
				tools.addAll(page.tools());
			}
		}
		catch (RuntimeException ex) {
			throw new McpRegistrationException(
					"Could not list the tools of the MCP server at " + url + ": " + describe(ex), ex);
		}
		if (tools.isEmpty()) {
			throw new McpRegistrationException("The MCP server at " + url + " offers no tools", null);
		}
		return tools;
	}

	private Capability capability(String name, McpSchema.Tool tool, McpPlugin.Tools tools) {
		String description = (tool.description() != null) ? tool.description()
				: ((tool.title() != null) ? tool.title() : tool.name());
		JsonNode input = (tool.inputSchema() != null) ? this.json.valueToTree(tool.inputSchema())
				: this.json.createObjectNode().put("type", "object");
		JsonNode output;
		if (tool.outputSchema() != null) {
			output = this.json.valueToTree(tool.outputSchema());
		}
		else {
			ObjectNode array = this.json.createObjectNode().put("type", "array");
			array.putObject("items").put("type", "object");
			output = array;
		}
		return new Capability(name, description, description, tools.order() != null, input, output);
	}

	private static String describe(Throwable ex) {
		Throwable cause = ex;
		StringBuilder text = new StringBuilder();
		while (cause != null) {
			if (cause.getMessage() != null && !text.toString().contains(cause.getMessage())) {
				text.append((text.length() > 0) ? "; " : "").append(cause.getMessage());
			}
			cause = (cause.getCause() != cause) ? cause.getCause() : null;
		}
		return (text.length() > 0) ? text.toString() : ex.getClass().getSimpleName();
	}

}
