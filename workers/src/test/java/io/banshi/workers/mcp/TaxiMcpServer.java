package io.banshi.workers.mcp;

import java.io.File;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.Wrapper;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;

/**
 * A real third-party MCP server for the tests: the MCP Java SDK's server over streamable
 * HTTP, in an embedded Tomcat on a random port. It offers taxi rides (a capability the
 * catalog lacks: search, book with the idempotency key honoured, cancel) and one more
 * shop for {@code shop.product} (a capability the catalog has).
 */
public final class TaxiMcpServer implements AutoCloseable {

	private final Tomcat tomcat = new Tomcat();

	private final McpSyncServer server;

	/** Bookings by idempotency key, as a careful provider keeps them. */
	final Map<String, Map<String, Object>> bookings = new ConcurrentHashMap<>();

	final AtomicInteger bookCalls = new AtomicInteger();

	final AtomicInteger cancelCalls = new AtomicInteger();

	/**
	 * Starts the server on a free port of 127.0.0.1.
	 * @throws Exception when Tomcat cannot start
	 */
	public TaxiMcpServer() throws Exception {
		McpJsonMapper json = McpJsonMapper.getDefault();
		HttpServletStreamableServerTransportProvider transport = HttpServletStreamableServerTransportProvider.builder()
			.jsonMapper(json)
			.mcpEndpoint("/mcp")
			.build();
		this.server = McpServer.sync(transport)
			.serverInfo("Swift Taxi", "1.0.0")
			.capabilities(McpSchema.ServerCapabilities.builder().tools(true).build())
			.tools(search(json), book(json), cancel(json), shop(json))
			.build();
		File base = Files.createTempDirectory("mcp-tomcat").toFile();
		this.tomcat.setBaseDir(base.getAbsolutePath());
		Connector connector = new Connector();
		connector.setPort(0);
		connector.setProperty("address", "127.0.0.1");
		this.tomcat.getService().addConnector(connector);
		this.tomcat.setConnector(connector);
		Context context = this.tomcat.addContext("", base.getAbsolutePath());
		Wrapper servlet = Tomcat.addServlet(context, "mcp", transport);
		servlet.setAsyncSupported(true);
		context.addServletMappingDecoded("/*", "mcp");
		this.tomcat.start();
	}

	/**
	 * Returns the streamable HTTP endpoint.
	 * @return the URL
	 */
	public String url() {
		return "http://127.0.0.1:" + this.tomcat.getConnector().getLocalPort() + "/mcp";
	}

	private McpServerFeatures.SyncToolSpecification search(McpJsonMapper json) {
		McpSchema.Tool tool = McpSchema.Tool.builder()
			.name("taxi.ride.search")
			.title("叫车报价")
			.description("Quotes taxi rides between two places")
			.inputSchema(json, """
					{"type":"object","properties":{"origin":{"type":"string"},"destination":{"type":"string"}},
					 "required":["destination"]}""")
			.annotations(new McpSchema.ToolAnnotations("Quote rides", true, false, true, true, false))
			.build();
		return McpServerFeatures.SyncToolSpecification.builder().tool(tool).callHandler((exchange, request) -> {
			Object destination = request.arguments().get("destination");
			if ("月球".equals(destination)) {
				return McpSchema.CallToolResult.builder()
					.addTextContent("NOT_FOUND: no road to 月球")
					.isError(true)
					.build();
			}
			return McpSchema.CallToolResult.builder()
				.structuredContent(Map.of("options",
						List.of(Map.of("id", "ride-express", "provider", "Swift Taxi", "name", "快车 to " + destination,
								"price", 38, "eta_minutes", 4, "rating", 4.6),
								Map.of("id", "ride-premium", "provider", "Swift Taxi", "name", "专车 to " + destination,
										"price", 88, "eta_minutes", 2, "rating", 4.9),
								Map.of("id", "ride-pool", "provider", "Swift Taxi", "name", "拼车 to " + destination,
										"price", 19, "eta_minutes", 12, "rating", 4.1, "available", 0))))
				.build();
		}).build();
	}

	private McpServerFeatures.SyncToolSpecification book(McpJsonMapper json) {
		McpSchema.Tool tool = McpSchema.Tool.builder()
			.name("taxi.ride.book")
			.description("Books a quoted ride")
			.inputSchema(json, """
					{"type":"object","properties":{"option_id":{"type":"string"},
					 "idempotency_key":{"type":"string"}},"required":["option_id"]}""")
			.annotations(new McpSchema.ToolAnnotations("Book a ride", false, true, true, true, false))
			.build();
		return McpServerFeatures.SyncToolSpecification.builder().tool(tool).callHandler((exchange, request) -> {
			this.bookCalls.incrementAndGet();
			String option = String.valueOf(request.arguments().get("option_id"));
			if ("ride-pool".equals(option)) {
				return McpSchema.CallToolResult.builder()
					.addTextContent("SOLD_OUT: no shared rides right now")
					.isError(true)
					.build();
			}
			String key = String.valueOf(request.arguments().get("idempotency_key"));
			Map<String, Object> booking = this.bookings.computeIfAbsent(key,
					(k) -> Map.of("ride_id", "R-" + (this.bookings.size() + 1), "option_id", option, "driver", "王师傅"));
			return McpSchema.CallToolResult.builder().structuredContent(booking).build();
		}).build();
	}

	private McpServerFeatures.SyncToolSpecification cancel(McpJsonMapper json) {
		McpSchema.Tool tool = McpSchema.Tool.builder()
			.name("taxi.ride.cancel")
			.description("Cancels a booked ride")
			.inputSchema(json, """
					{"type":"object","properties":{"ride_id":{"type":"string"}}}""")
			.build();
		return McpServerFeatures.SyncToolSpecification.builder().tool(tool).callHandler((exchange, request) -> {
			this.cancelCalls.incrementAndGet();
			this.bookings.values()
				.removeIf((booking) -> booking.get("ride_id").equals(request.arguments().get("ride_id")));
			return McpSchema.CallToolResult.builder().structuredContent(Map.of("canceled", true)).build();
		}).build();
	}

	private McpServerFeatures.SyncToolSpecification shop(McpJsonMapper json) {
		McpSchema.Tool tool = McpSchema.Tool.builder()
			.name("find_products")
			.description("Searches the Swift Taxi gift shop")
			.inputSchema(json, """
					{"type":"object","properties":{"item":{"type":"string"}}}""")
			.meta(Map.of("banshi/capability", "shop.product", "banshi/kind", "query"))
			.build();
		return McpServerFeatures.SyncToolSpecification.builder()
			.tool(tool)
			.callHandler((exchange, request) -> McpSchema.CallToolResult.builder()
				.addTextContent("[{\"id\":\"gift-water\",\"provider\":\"Swift Taxi 商城\","
						+ "\"name\":\"农夫山泉 550ml*24瓶 (车载)\",\"price\":30.5,\"stock\":7,\"rating\":4.2}]")
				.build())
			.build();
	}

	@Override
	public void close() throws LifecycleException {
		this.server.closeGracefully();
		this.tomcat.stop();
		this.tomcat.destroy();
	}

}
