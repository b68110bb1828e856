package io.banshi.admin.console;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A person using the console pages over real HTTP: logs in with the form, keeps the
 * session cookie and sends the CSRF token the last page carried with every form it posts.
 */
public final class ConsoleClient {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private final HttpClient http = HttpClient.newBuilder()
		.cookieHandler(new CookieManager())
		.followRedirects(HttpClient.Redirect.NEVER)
		.build();

	private final int port;

	private String csrf;

	private ConsoleClient(int port) {
		this.port = port;
	}

	/**
	 * Logs in with the form.
	 * @param port the application's port
	 * @param username the user
	 * @param password the password
	 * @return the logged-in client
	 */
	public static ConsoleClient logIn(int port, String username, String password) {
		ConsoleClient client = new ConsoleClient(port);
		client.get("/login");
		HttpResponse<String> login = client.post("/login", Map.of("username", username, "password", password));
		String location = login.headers().firstValue("Location").orElse("");
		if (login.statusCode() != 302 || location.contains("error")) {
			throw new IllegalStateException("Login as " + username + " failed: " + login.statusCode() + " " + location);
		}
		return client;
	}

	/**
	 * GETs a page in English and remembers its CSRF token.
	 * @param path the path
	 * @return the response
	 */
	public HttpResponse<String> get(String path) {
		return send(request(path).header("Accept-Language", "en").GET().build());
	}

	/**
	 * GETs a page as htmx does.
	 * @param path the path
	 * @return the response
	 */
	public HttpResponse<String> htmx(String path) {
		return send(request(path).header("Accept-Language", "en").header("HX-Request", "true").GET().build());
	}

	/**
	 * GETs a stream, such as server-sent events, line by line as they arrive.
	 * @param path the path
	 * @return the response, its body the lines
	 */
	public HttpResponse<java.util.stream.Stream<String>> lines(String path) {
		try {
			return this.http.send(request(path).header("Accept", "text/event-stream").GET().build(),
					HttpResponse.BodyHandlers.ofLines());
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * POSTs a form without any CSRF token, as a forged request would.
	 * @param path the path
	 * @param form the fields
	 * @return the response
	 */
	public HttpResponse<String> postWithoutToken(String path, Map<String, String> form) {
		String body = form.entrySet()
			.stream()
			.map((e) -> enc(e.getKey()) + "=" + enc(e.getValue()))
			.collect(Collectors.joining("&"));
		return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build());
	}

	/**
	 * POSTs a form with the CSRF token of the last page.
	 * @param path the path
	 * @param form the fields
	 * @return the response
	 */
	public HttpResponse<String> post(String path, Map<String, String> form) {
		Map<String, String> fields = new LinkedHashMap<>(form);
		if (this.csrf != null) {
			fields.put("_csrf", this.csrf);
		}
		String body = fields.entrySet()
			.stream()
			.map((e) -> enc(e.getKey()) + "=" + enc(e.getValue()))
			.collect(Collectors.joining("&"));
		return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
			.header("Accept-Language", "en")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build());
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path));
	}

	private HttpResponse<String> send(HttpRequest request) {
		try {
			HttpResponse<String> response = this.http.send(request,
					HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			Matcher token = CSRF.matcher(response.body());
			if (token.find()) {
				this.csrf = token.group(1);
			}
			return response;
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static String enc(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

}
