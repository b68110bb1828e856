package io.banshi.admin.plugins;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.banshi.workers.mcp.McpPlugin;
import io.banshi.workers.mcp.McpPluginRegistrar;
import io.banshi.workers.mcp.McpRegistrationException;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Third-party plugins registered at run time by URL (MCP over streamable HTTP): their
 * tools become capabilities the planner and the workers use. Only ADMIN may call these
 * (see the security configuration), since registering makes the server connect to the URL
 * it is given.
 */
@RestController
class PluginController {

	private final McpPluginRegistrar registrar;

	PluginController(McpPluginRegistrar registrar) {
		this.registrar = registrar;
	}

	@GetMapping("/api/plugins")
	List<PluginView> plugins() {
		return this.registrar.plugins().stream().map(PluginView::of).toList();
	}

	@PostMapping("/api/plugins")
	ResponseEntity<?> register(@RequestBody(required = false) RegisterRequest request) {
		if (request == null || request.url() == null || request.url().isBlank()) {
			return ResponseEntity.badRequest()
				.body(Map.of("error", "bad_request", "field", "url", "message",
						"Expected a JSON body {\"url\": \"http://host:port/mcp\"}, but url is missing"));
		}
		return ResponseEntity.status(HttpStatus.CREATED).body(PluginView.of(this.registrar.register(request.url())));
	}

	@DeleteMapping("/api/plugins/{name}")
	ResponseEntity<Void> unregister(@PathVariable String name) {
		return this.registrar.unregister(name) ? ResponseEntity.noContent().build() : ResponseEntity.notFound().build();
	}

	@ExceptionHandler(McpRegistrationException.class)
	ResponseEntity<Map<String, String>> refused(McpRegistrationException ex) {
		return ResponseEntity.badRequest()
			.body(Map.of("error", "plugin_registration", "field", "url", "message", ex.getMessage()));
	}

	/**
	 * What to register.
	 *
	 * @param url the MCP server's streamable HTTP endpoint
	 */
	record RegisterRequest(String url) {

	}

	/**
	 * A registered plugin as the API shows it.
	 *
	 * @param name {@code mcp:<server name>}
	 * @param url where it was registered from
	 * @param capabilities the capabilities its tools serve
	 */
	record PluginView(String name, String url, Set<String> capabilities) {

		static PluginView of(McpPlugin plugin) {
			return new PluginView(plugin.name(), plugin.url(), new TreeSet<>(plugin.capabilities()));
		}

	}

}
