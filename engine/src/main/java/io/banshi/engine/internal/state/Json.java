package io.banshi.engine.internal.state;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * JSON in and out of variable values. One shared mapper; numbers come back as longs or
 * doubles so FEEL and JSON agree.
 */
public final class Json {

	private static final ObjectMapper MAPPER = new ObjectMapper()
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

	private static final TypeReference<LinkedHashMap<String, Object>> DOCUMENT = new TypeReference<>() {
	};

	private Json() {
	}

	/**
	 * Parses a variables document, which must be a JSON object (empty text means none).
	 * @param text the document
	 * @return the variables in document order
	 * @throws IllegalArgumentException when it is not a JSON object
	 */
	public static Map<String, Object> parseDocument(String text) {
		if (text == null || text.isBlank()) {
			return new LinkedHashMap<>();
		}
		String trimmed = text.trim();
		if (!trimmed.startsWith("{")) {
			throw new IllegalArgumentException("Expected document to be a root level object, but was '"
					+ trimmed.substring(0, Math.min(trimmed.length(), 40)) + "'");
		}
		try {
			return MAPPER.readValue(trimmed, DOCUMENT);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalArgumentException(
					"Expected document to be valid JSON, but it is not: " + ex.getOriginalMessage());
		}
	}

	/**
	 * Parses one JSON value.
	 * @param text the JSON text
	 * @return the value as plain Java
	 */
	public static Object parseValue(String text) {
		try {
			return MAPPER.readValue(text, Object.class);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("Stored variable is not JSON: " + ex.getOriginalMessage(), ex);
		}
	}

	/**
	 * The stored form of a JSON text (variable values are UTF-8 bytes in the database).
	 * @param json the JSON text
	 * @return its UTF-8 bytes
	 */
	public static byte[] toBytes(String json) {
		return json.getBytes(java.nio.charset.StandardCharsets.UTF_8);
	}

	/**
	 * The JSON text of a stored value.
	 * @param bytes the stored UTF-8 bytes
	 * @return the JSON text
	 */
	public static String fromBytes(byte[] bytes) {
		return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
	}

	/**
	 * Writes a plain Java value as JSON.
	 * @param value the value
	 * @return the JSON text
	 */
	public static String write(Object value) {
		try {
			return MAPPER.writeValueAsString(value);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalArgumentException("Value cannot be written as JSON: " + ex.getOriginalMessage(), ex);
		}
	}

}
