package io.banshi.admin.plugins;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import io.banshi.admin.TestAccounts;
import io.banshi.db.TestDatabase;
import io.banshi.workers.mcp.TaxiMcpServer;
import io.banshi.workflows.catalog.CapabilityCatalog;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Registering a third-party MCP plugin by URL over the REST API, against a real MCP
 * server.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PluginControllerTest {

	private static final String ADMIN_PASSWORD = "plugins-admin-secret";

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Autowired
	CapabilityCatalog catalog;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	PasswordEncoder passwordEncoder;

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestDatabase.create("plugins").springProperties().forEach((key, value) -> registry.add(key, () -> value));
		registry.add("banshi.admin-password", () -> ADMIN_PASSWORD);
	}

	@Test
	void shouldRegisterAnMcpServerAndOfferItsToolsAsCapabilities() throws Exception {
		try (TaxiMcpServer server = new TaxiMcpServer()) {
			// when
			HttpResponse<String> registered = post("{\"url\":\"" + server.url() + "\"}", admin());
			HttpResponse<String> listed = send(request("/api/plugins", admin()).GET().build());

			// then
			assertThat(registered.statusCode()).isEqualTo(201);
			assertThat(registered.body()).contains("\"name\":\"mcp:swift_taxi\"").contains("taxi.ride");
			assertThat(listed.body()).contains(server.url());
			assertThat(this.catalog.find("taxi.ride")).isPresent();

			// and a second registration of the same server is refused, changing nothing
			HttpResponse<String> again = post("{\"url\":\"" + server.url() + "\"}", admin());
			assertThat(again.statusCode()).isEqualTo(400);
			assertThat(again.body()).contains("\"error\":\"plugin_registration\"");

			HttpResponse<String> removed = send(request("/api/plugins/mcp:swift_taxi", admin()).DELETE().build());
			assertThat(removed.statusCode()).isEqualTo(204);
		}
	}

	@Test
	void shouldRefuseAUrlWhereNoMcpServerAnswersAndSayWhy() throws Exception {
		// when
		HttpResponse<String> nothing = post("{\"url\":\"http://127.0.0.1:9/mcp\"}", admin());
		HttpResponse<String> notHttp = post("{\"url\":\"file:///etc/passwd\"}", admin());
		HttpResponse<String> missing = post("{}", admin());

		// then
		assertThat(nothing.statusCode()).isEqualTo(400);
		assertThat(nothing.body()).contains("\"field\":\"url\"").contains("127.0.0.1:9");
		assertThat(notHttp.statusCode()).isEqualTo(400);
		assertThat(missing.statusCode()).isEqualTo(400);
		assertThat(missing.body()).contains("url is missing");
		assertThat(send(request("/api/plugins", admin()).GET().build()).body()).isEqualTo("[]");
	}

	@Test
	void shouldLetOnlyAdminsRegisterPlugins() throws Exception {
		// given: a person with the USER role only, on either database
		if (this.jdbc.queryForObject("SELECT COUNT(*) FROM app_user WHERE username = 'plugin_user'",
				Integer.class) == 0) {
			this.jdbc.update("INSERT INTO app_user (username, password_hash) VALUES ('plugin_user', ?)",
					this.passwordEncoder.encode("plugin_user"));
			this.jdbc.update("INSERT INTO app_user_role (user_id, role) "
					+ "SELECT id, 'USER' FROM app_user WHERE username = 'plugin_user'");
		}

		// when
		HttpResponse<String> wrongPassword = post("{\"url\":\"http://127.0.0.1:9/mcp\"}",
				TestAccounts.basic("admin", "wrong"));
		HttpResponse<String> notAdmin = post("{\"url\":\"http://127.0.0.1:9/mcp\"}",
				TestAccounts.basic("plugin_user", "plugin_user"));

		// then
		assertThat(wrongPassword.statusCode()).isEqualTo(401);
		assertThat(notAdmin.statusCode()).isEqualTo(403);
	}

	private HttpResponse<String> post(String body, String authorization) throws Exception {
		return send(request("/api/plugins", authorization).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build());
	}

	private HttpRequest.Builder request(String path, String authorization) {
		return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.header("Authorization", authorization);
	}

	private HttpResponse<String> send(HttpRequest request) throws Exception {
		return this.http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	private static String admin() {
		return TestAccounts.basic("admin", TestAccounts.adminPassword(ADMIN_PASSWORD));
	}

}
