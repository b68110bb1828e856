package io.banshi.workflows.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A model endpoint for tests that speaks OpenAI's chat completions protocol over real
 * HTTP ({@code POST /v1/chat/completions}): it answers the queued contents in turn and
 * records every request it gets.
 */
public final class FakeModelServer implements AutoCloseable {

	private static final ObjectMapper JSON = new ObjectMapper();

	private final HttpServer server;

	private final ExecutorService executor = Executors.newCachedThreadPool();

	private final Deque<String> answers = new ArrayDeque<>();

	private final List<JsonNode> requests = new CopyOnWriteArrayList<>();

	private final List<String> authorizations = new CopyOnWriteArrayList<>();

	private volatile Duration delay = Duration.ZERO;

	private FakeModelServer(HttpServer server) {
		this.server = server;
	}

	public static FakeModelServer start() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			FakeModelServer fake = new FakeModelServer(server);
			server.createContext("/v1/chat/completions", fake::handle);
			server.setExecutor(fake.executor);
			server.start();
			return fake;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public String baseUrl() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	public synchronized void answer(String... contents) {
		this.answers.clear();
		this.answers.addAll(List.of(contents));
		this.requests.clear();
		this.authorizations.clear();
		this.delay = Duration.ZERO;
	}

	public void delay(Duration delay) {
		this.delay = delay;
	}

	public List<JsonNode> requests() {
		return List.copyOf(this.requests);
	}

	public List<String> authorizations() {
		return List.copyOf(this.authorizations);
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (InputStream in = exchange.getRequestBody()) {
			this.requests.add(JSON.readTree(in));
		}
		this.authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
		// The answer is taken when the request arrives, so that a late reply never takes
		// the answer queued for the next test.
		String content;
		synchronized (this) {
			content = this.answers.isEmpty() ? "" : this.answers.poll();
		}
		if (!this.delay.isZero()) {
			try {
				Thread.sleep(this.delay.toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		ObjectNode body = JSON.createObjectNode();
		body.put("id", "chatcmpl-" + this.requests.size());
		body.put("object", "chat.completion");
		body.put("created", 1_764_464_400L);
		body.put("model", "fake-model");
		ObjectNode choice = body.putArray("choices").addObject();
		choice.put("index", 0);
		choice.putObject("message").put("role", "assistant").put("content", content);
		choice.put("finish_reason", "stop");
		body.putObject("usage").put("prompt_tokens", 100).put("completion_tokens", 50).put("total_tokens", 150);
		byte[] bytes = JSON.writeValueAsBytes(body);
		exchange.getResponseHeaders().set("Content-Type", "application/json");
		try {
			exchange.sendResponseHeaders(200, bytes.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(bytes);
			}
		}
		catch (IOException ex) {
			// The client gave up waiting (the timeout test); nothing to answer.
		}
	}

	@Override
	public void close() {
		this.server.stop(0);
		this.executor.shutdownNow();
	}

}
