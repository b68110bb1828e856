package io.banshi.workers.mcp;

import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import com.sun.net.httpserver.HttpServer;
import io.banshi.workers.SandboxFixture;
import io.banshi.workers.plugin.BusinessFailure;
import io.banshi.workers.plugin.Comparison;
import io.banshi.workers.plugin.FailureCode;
import io.banshi.workers.plugin.IdempotencyKey;
import io.banshi.workers.plugin.Option;
import io.banshi.workers.plugin.OrderReceipt;
import io.banshi.workers.plugin.OrderStatus;
import io.banshi.workers.plugin.Ranking;
import io.banshi.workflows.catalog.Capability;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Third-party plugins over MCP, against a real MCP server (the SDK's server on streamable
 * HTTP in an embedded Tomcat) started by the test.
 */
class McpPluginRegistrarTest {

	private SandboxFixture fixture;

	private TaxiMcpServer server;

	private McpPluginRegistrar registrar;

	@BeforeEach
	void start() throws Exception {
		this.fixture = new SandboxFixture("mcp");
		this.server = new TaxiMcpServer();
		this.registrar = new McpPluginRegistrar(this.fixture.registry, this.fixture.orders);
	}

	@AfterEach
	void stop() throws Exception {
		this.registrar.close();
		this.server.close();
		this.fixture.close();
	}

	@Test
	void shouldTurnTheServersToolsIntoCapabilities() {
		// when
		McpPlugin plugin = this.registrar.register(this.server.url());

		// then
		assertThat(plugin.name()).isEqualTo("mcp:swift_taxi");
		assertThat(plugin.capabilities()).containsExactlyInAnyOrder("taxi.ride", "shop.product");
		assertThat(plugin.toolNames().get("taxi.ride")).containsExactly("taxi.ride.search", "taxi.ride.book",
				"taxi.ride.cancel");
		Capability taxi = this.fixture.catalog.find("taxi.ride.search").orElseThrow();
		assertThat(taxi.name()).isEqualTo("taxi.ride");
		assertThat(taxi.consequential()).isTrue();
		assertThat(taxi.input().path("properties").has("destination")).isTrue();
		assertThat(taxi.input().path("required").get(0).asText()).isEqualTo("destination");
		assertThat(this.fixture.catalog.all()).hasSize(14);
		assertThat(this.fixture.registry.pluginsFor("taxi.ride")).containsExactly(plugin);
	}

	@Test
	void shouldQueryThroughTheServersTool() {
		// given
		this.registrar.register(this.server.url());

		// when
		List<Option> rides = this.fixture.registry.query("taxi.ride.search", Map.of("destination", "西湖"));

		// then
		assertThat(rides).extracting(Option::id).containsExactly("ride-express", "ride-premium", "ride-pool");
		assertThat(rides.get(0).name()).isEqualTo("快车 to 西湖");
		assertThat(rides.get(0).price()).isEqualByComparingTo("38");
		assertThat(rides.get(0).plugin()).isEqualTo("mcp:swift_taxi");
		assertThat(rides.get(2).soldOut()).isTrue();
	}

	@Test
	void shouldCompareTheThirdPartyShopWithTheBuiltInShops() {
		// given
		this.registrar.register(this.server.url());

		// when
		Comparison comparison = this.fixture.registry.compare("shop.product", Map.of("item", "农夫山泉"), Ranking.PRICE);

		// then
		assertThat(comparison.ranked()).extracting(Option::plugin).contains("mcp:swift_taxi", "sandbox.shop.product");
		assertThat(comparison.best()).get().satisfies((best) -> {
			assertThat(best.provider()).isEqualTo("拼多多");
			assertThat(best.price()).isEqualByComparingTo("29.9");
		});
		assertThat(comparison.ranked().get(1).provider()).isEqualTo("Swift Taxi 商城");
	}

	@Test
	void shouldOrderThroughTheServerOncePerKeyAndCancelThere() {
		// given
		this.registrar.register(this.server.url());
		Map<String, Object> inputs = Map.of("destination", "西湖");
		Option express = this.fixture.registry.query("taxi.ride", inputs).get(0);
		IdempotencyKey key = IdempotencyKey.forStep(77L, "book_ride");

		// when
		OrderReceipt first = this.fixture.registry.order("taxi.ride", express, inputs, key);
		OrderReceipt again = this.fixture.registry.order("taxi.ride", express, inputs, key);

		// then
		assertThat(again.orderId()).isEqualTo(first.orderId());
		assertThat(again.replayed()).isTrue();
		assertThat(this.server.bookCalls).hasValue(1);
		assertThat(first.details()).containsEntry("ride_id", "R-1").containsEntry("driver", "王师傅");
		assertThat(first.amount()).isEqualByComparingTo("38");
		assertThat(first.plugin()).isEqualTo("mcp:swift_taxi");
		assertThat(this.server.bookings).containsKey("77/book_ride");

		// when canceled twice
		OrderReceipt canceled = this.fixture.registry.cancel(first);
		this.fixture.registry.cancel(first);

		// then
		assertThat(canceled.status()).isEqualTo(OrderStatus.CANCELED);
		assertThat(this.server.cancelCalls).hasValue(1);
		assertThat(this.server.bookings).isEmpty();
	}

	@Test
	void shouldReportTheServersBusinessFailuresWithTheirCodes() {
		// given
		this.registrar.register(this.server.url());
		Map<String, Object> inputs = Map.of("destination", "西湖");
		Option pool = this.fixture.registry.query("taxi.ride", inputs).get(2);

		// when / then
		assertThatThrownBy(() -> this.fixture.registry.order("taxi.ride", pool, inputs, IdempotencyKey.of("p")))
			.isInstanceOfSatisfying(BusinessFailure.class,
					(failure) -> assertThat(failure.code()).isEqualTo(FailureCode.SOLD_OUT))
			.hasMessage("no shared rides right now");
		assertThat(this.fixture.count("SELECT COUNT(*) FROM app_order")).isZero();
		assertThatThrownBy(() -> this.fixture.registry.query("taxi.ride", Map.of("destination", "月球")))
			.isInstanceOfSatisfying(BusinessFailure.class,
					(failure) -> assertThat(failure.code()).isEqualTo(FailureCode.NOT_FOUND));
	}

	@Test
	void shouldRefuseToRegisterTheSameServerTwice() {
		// given
		this.registrar.register(this.server.url());

		// when / then
		assertThatThrownBy(() -> this.registrar.register(this.server.url()))
			.isInstanceOf(McpRegistrationException.class)
			.hasMessageContaining("registered already");
		assertThat(this.registrar.plugins()).hasSize(1);
	}

	@Test
	void shouldRefuseAUrlThatIsNotHttpAndChangeNothing() {
		assertThatThrownBy(() -> this.registrar.register("ftp://example.org/mcp"))
			.isInstanceOf(McpRegistrationException.class)
			.hasMessageContaining("not an http(s) URL");
		assertThatThrownBy(() -> this.registrar.register("not a url")).isInstanceOf(McpRegistrationException.class);
		assertNothingChanged();
	}

	@Test
	void shouldRefuseAUrlWhereNothingAnswersAndChangeNothing() throws Exception {
		// given: a port nobody listens on
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}

		// when / then
		String url = "http://127.0.0.1:" + port + "/mcp";
		assertThatThrownBy(() -> this.registrar.register(url)).isInstanceOf(McpRegistrationException.class)
			.hasMessageContaining("No MCP server answered at " + url);
		assertNothingChanged();
	}

	@Test
	void shouldRefuseAServerThatDoesNotSpeakMcpAndChangeNothing() throws Exception {
		// given: a plain web server answering every request with a page
		HttpServer web = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		web.createContext("/", (exchange) -> {
			byte[] page = "<html><body>Hello</body></html>".getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().add("Content-Type", "text/html");
			exchange.sendResponseHeaders(200, page.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(page);
			}
		});
		web.start();
		try {
			// when / then
			String url = "http://127.0.0.1:" + web.getAddress().getPort() + "/mcp";
			assertThatThrownBy(() -> this.registrar.register(url)).isInstanceOf(McpRegistrationException.class)
				.hasMessageContaining(url);
			assertNothingChanged();
		}
		finally {
			web.stop(0);
		}
	}

	@Test
	void shouldStopRoutingToAnUnregisteredPlugin() {
		// given
		McpPlugin plugin = this.registrar.register(this.server.url());

		// when
		boolean removed = this.registrar.unregister(plugin.name());

		// then
		assertThat(removed).isTrue();
		assertThatThrownBy(() -> this.fixture.registry.pluginsFor("taxi.ride")).isInstanceOfSatisfying(
				BusinessFailure.class, (failure) -> assertThat(failure.code()).isEqualTo(FailureCode.NOT_FOUND));
		assertThat(this.fixture.registry.pluginsFor("shop.product")).hasSize(1);
	}

	private void assertNothingChanged() {
		assertThat(this.fixture.catalog.all()).hasSize(13);
		assertThat(this.fixture.registry.plugins()).hasSize(13);
		assertThat(this.registrar.plugins()).isEmpty();
	}

}
