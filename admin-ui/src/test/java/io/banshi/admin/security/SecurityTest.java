package io.banshi.admin.security;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import io.banshi.admin.TestAccounts;
import io.banshi.db.TestDatabase;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application as a browser and an API client meet it, over real HTTP, on the
 * configured test database.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SecurityTest {

	private static final String ADMIN_PASSWORD = "s3cret-for-tests";

	private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestDatabase.create("security").springProperties().forEach((key, value) -> registry.add(key, () -> value));
		registry.add("banshi.admin-password", () -> ADMIN_PASSWORD);
	}

	@Test
	void shouldReportHealthUpWithoutLogin() throws Exception {
		// when
		HttpResponse<String> response = get("/actuator/health", null);

		// then
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("\"status\":\"UP\"");
	}

	@Test
	void shouldServeTheLoginPageInTheBrowsersLanguage() throws Exception {
		// when
		HttpResponse<String> english = send(request("/login").header("Accept-Language", "en").build());
		HttpResponse<String> chinese = send(request("/login").header("Accept-Language", "zh-CN").build());

		// then
		assertThat(english.statusCode()).isEqualTo(200);
		assertThat(english.body()).contains("Log in to Banshi").contains("name=\"_csrf\"");
		assertThat(chinese.body()).contains("登录办事");
	}

	@Test
	void shouldSendPagesToTheLoginFormWhenNotLoggedIn() throws Exception {
		// when
		HttpResponse<String> response = get("/", null);

		// then
		assertThat(response.statusCode()).isEqualTo(302);
		assertThat(response.headers().firstValue("Location"))
			.hasValueSatisfying((to) -> assertThat(to).endsWith("/login"));
	}

	@Test
	void shouldAnswerUnauthorizedToApiCallsWithoutOrWithWrongCredentials() throws Exception {
		// when
		HttpResponse<String> anonymous = get("/api/anything", null);
		HttpResponse<String> wrong = get("/api/anything", TestAccounts.basic("admin", "not-the-password"));

		// then
		assertThat(anonymous.statusCode()).isEqualTo(401);
		assertThat(anonymous.headers().firstValue("WWW-Authenticate"))
			.hasValueSatisfying((h) -> assertThat(h).startsWith("Basic"));
		assertThat(wrong.statusCode()).isEqualTo(401);
	}

	@Test
	void shouldAcceptHttpBasicOnTheApiWithTheAdminPassword() throws Exception {
		// The embedded database also seeds admin/admin, MySQL the configured password;
		// the
		// configured one is what this test sets, and it must win on MySQL while H2 keeps
		// its demo.
		String password = TestAccounts.adminPassword(ADMIN_PASSWORD);

		// when
		HttpResponse<String> response = get("/api/no-such-endpoint", TestAccounts.basic("admin", password));

		// then: authenticated, so the answer is "not found" rather than "unauthorized"
		assertThat(response.statusCode()).isEqualTo(404);
	}

	@Test
	void shouldLogInWithTheFormAndShowTheRoles() throws Exception {
		// given
		HttpResponse<String> loginPage = get("/login", null);
		String csrf = loginPage.body().replaceAll("(?s).*name=\"_csrf\" value=\"([^\"]+)\".*", "$1");
		String cookie = loginPage.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
		String password = TestAccounts.adminPassword(ADMIN_PASSWORD);

		// when
		HttpResponse<String> login = send(request("/login").header("Cookie", cookie)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("username=admin&password=" + password + "&_csrf=" + csrf))
			.build());
		String session = login.headers().firstValue("Set-Cookie").orElse(cookie).split(";")[0];
		HttpResponse<String> home = send(
				request("/").header("Cookie", session).header("Accept-Language", "en").build());

		// then
		assertThat(login.statusCode()).isEqualTo(302);
		assertThat(login.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
		assertThat(home.statusCode()).isEqualTo(200);
		assertThat(home.body()).contains("Welcome, admin").contains("ADMIN");
	}

	private HttpResponse<String> get(String path, String authorization) throws Exception {
		HttpRequest.Builder builder = request(path);
		if (authorization != null) {
			builder.header("Authorization", authorization);
		}
		return send(builder.build());
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path));
	}

	private HttpResponse<String> send(HttpRequest request) throws Exception {
		return this.http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

}
