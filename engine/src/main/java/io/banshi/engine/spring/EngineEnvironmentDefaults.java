package io.banshi.engine.spring;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Points the application's Camunda client at the embedded engine, so an application that
 * depends on the engine needs no client settings: when {@code engine.embedded} is not
 * {@code false}, {@code camunda.client.grpc-address} defaults to the gateway's address
 * and {@code camunda.client.prefer-rest-over-grpc} to {@code false}. Settings the
 * application makes win. When the web server takes a random port ({@code server.port=0},
 * as tests do) and no gateway port is set, a free port is chosen for the gateway too, so
 * that two such applications never collide on 26500 and the client default still knows
 * the port.
 */
public class EngineEnvironmentDefaults implements EnvironmentPostProcessor {

	static final String SOURCE_NAME = "banshiEngineDefaults";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if ("false".equalsIgnoreCase(environment.getProperty("engine.embedded", "true"))) {
			return;
		}
		Map<String, Object> defaults = new HashMap<>();
		String port = environment.getProperty("engine.gateway.port");
		if (port == null && "0".equals(environment.getProperty("server.port"))) {
			port = String.valueOf(freePort());
			defaults.put("engine.gateway.port", port);
		}
		if (port == null) {
			port = "26500";
		}
		String host = environment.getProperty("engine.gateway.host", "127.0.0.1");
		String clientHost = ("0.0.0.0".equals(host) || "::".equals(host)) ? "127.0.0.1" : host;
		if (!environment.containsProperty("camunda.client.grpc-address")) {
			defaults.put("camunda.client.grpc-address", "http://" + clientHost + ":" + port);
		}
		if (!environment.containsProperty("camunda.client.prefer-rest-over-grpc")) {
			defaults.put("camunda.client.prefer-rest-over-grpc", "false");
		}
		if (!defaults.isEmpty()) {
			environment.getPropertySources().addLast(new MapPropertySource(SOURCE_NAME, defaults));
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("No free port for the engine gateway", ex);
		}
	}

}
