package io.banshi.engine.internal.gateway;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import io.banshi.engine.internal.EngineException;
import io.banshi.engine.internal.state.Json;

/**
 * Turns request fields into engine values and refuses bad ones: variables must be a JSON
 * object of at most 4 MB.
 */
final class RequestMapper {

	/** The largest variables document accepted, as Zeebe's default message limit. */
	static final int MAX_VARIABLES_BYTES = 4 * 1024 * 1024;

	private RequestMapper() {
	}

	static Map<String, Object> variables(String document) {
		if (document == null || document.isEmpty()) {
			return Map.of();
		}
		if (document.length() > MAX_VARIABLES_BYTES / 4
				&& document.getBytes(StandardCharsets.UTF_8).length > MAX_VARIABLES_BYTES) {
			throw EngineException.invalidArgument(
					"Expected variables to be at most " + MAX_VARIABLES_BYTES + " bytes (4 MB), but the document has "
							+ document.getBytes(StandardCharsets.UTF_8).length + " bytes");
		}
		try {
			return Json.parseDocument(document);
		}
		catch (IllegalArgumentException ex) {
			throw EngineException.invalidArgument("Property 'variables' is invalid: " + ex.getMessage());
		}
	}

	static long timeout(long timeout, long fallback) {
		return (timeout > 0) ? timeout : fallback;
	}

	static void requireType(String type) {
		if (type == null || type.isBlank()) {
			throw EngineException.invalidArgument("Expected to activate jobs of a type, but the type is empty");
		}
	}

}
