package io.banshi.admin.errands;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.function.Predicate;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.banshi.admin.TestAccounts;

/**
 * The errand API as a client meets it: real HTTP with HTTP basic, JSON in and out.
 */
final class ErrandApiClient {

	/** The moment the dev set is said: a Monday morning in Shanghai. */
	static final String NOW = "2026-11-30T09:00:00+08:00";

	private final HttpClient http = HttpClient.newHttpClient();

	private final ObjectMapper json = new ObjectMapper();

	private final int port;

	ErrandApiClient(int port) {
		this.port = port;
	}

	/**
	 * Creates accounts with plain passwords (the same as the name) unless they exist.
	 */
	static void accounts(DataSource dataSource, String role, String... names) {
		TestAccounts.create(dataSource, role, names);
	}

	Answer send(String user, String method, String path, String body) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.header("Authorization",
					"Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)))
			.header("Accept", "application/json")
			.timeout(Duration.ofSeconds(60));
		if (body != null) {
			request.header("Content-Type", "application/json")
				.method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
		}
		else {
			request.method(method, HttpRequest.BodyPublishers.noBody());
		}
		HttpResponse<String> response = this.http.send(request.build(),
				HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		JsonNode node = response.body().isBlank() ? this.json.nullNode() : this.json.readTree(response.body());
		return new Answer(response.statusCode(), node, response.body());
	}

	Answer create(String user, String text) throws Exception {
		return send(user, "POST", "/api/errands",
				this.json.writeValueAsString(java.util.Map.of("text", text, "now", NOW)));
	}

	Answer get(String user, String id) throws Exception {
		return send(user, "GET", "/api/errands/" + id, null);
	}

	/**
	 * Reads the errand until it is as expected. The bound only keeps a broken build from
	 * hanging; nothing is asserted about how long it took.
	 */
	JsonNode awaitErrand(String user, String id, Predicate<JsonNode> expected) throws Exception {
		Instant giveUp = Instant.now().plus(Duration.ofSeconds(60));
		JsonNode last = null;
		while (Instant.now().isBefore(giveUp)) {
			last = get(user, id).json();
			if (expected.test(last)) {
				return last;
			}
			Thread.sleep(100);
		}
		throw new AssertionError("The errand never got as expected; last seen: " + last);
	}

	JsonNode awaitInbox(String user, Predicate<JsonNode> expected) throws Exception {
		Instant giveUp = Instant.now().plus(Duration.ofSeconds(60));
		JsonNode last = null;
		while (Instant.now().isBefore(giveUp)) {
			last = send(user, "GET", "/api/inbox", null).json();
			if (expected.test(last)) {
				return last;
			}
			Thread.sleep(100);
		}
		throw new AssertionError("The inbox never got as expected; last seen: " + last);
	}

	record Answer(int status, JsonNode json, String body) {

	}

}
