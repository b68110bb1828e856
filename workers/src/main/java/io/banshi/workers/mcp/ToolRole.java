package io.banshi.workers.mcp;

import java.util.Locale;
import java.util.Map;

import io.modelcontextprotocol.spec.McpSchema;

/**
 * What a third-party tool does for a capability: answers queries, places orders or
 * cancels them. Read from the tool's {@code _meta} entry {@value McpTools#KIND_META}
 * ({@code query}, {@code order}, {@code cancel}) when present, else from the verb in its
 * name ({@code search}, {@code book}, {@code cancel}, ...), else from its annotations
 * (not read-only or destructive means it orders).
 */
enum ToolRole {

	QUERY, ORDER, CANCEL;

	private static final String[] QUERY_VERBS = { "search", "query", "find", "list", "get", "lookup", "quote" };

	private static final String[] ORDER_VERBS = { "book", "order", "buy", "reserve", "purchase", "pay", "create",
			"place" };

	private static final String[] CANCEL_VERBS = { "cancel", "refund", "void" };

	static ToolRole of(McpSchema.Tool tool) {
		Map<String, Object> meta = tool.meta();
		if (meta != null && meta.get(McpTools.KIND_META) != null) {
			String kind = meta.get(McpTools.KIND_META).toString().toLowerCase(Locale.ROOT);
			for (ToolRole role : values()) {
				if (role.name().toLowerCase(Locale.ROOT).equals(kind)) {
					return role;
				}
			}
		}
		String verb = verb(tool.name());
		if (verb != null) {
			return matches(verb, CANCEL_VERBS) ? CANCEL : (matches(verb, ORDER_VERBS) ? ORDER : QUERY);
		}
		McpSchema.ToolAnnotations annotations = tool.annotations();
		if (annotations != null && (Boolean.FALSE.equals(annotations.readOnlyHint())
				|| Boolean.TRUE.equals(annotations.destructiveHint()))) {
			return ORDER;
		}
		return QUERY;
	}

	/**
	 * Returns the verb the tool's name starts or ends with, or {@code null}.
	 */
	static String verb(String toolName) {
		String[] words = toolName.toLowerCase(Locale.ROOT).split("[^a-z0-9]+");
		if (words.length < 2) {
			return null;
		}
		for (String word : new String[] { words[words.length - 1], words[0] }) {
			if (matches(word, QUERY_VERBS) || matches(word, ORDER_VERBS) || matches(word, CANCEL_VERBS)) {
				return word;
			}
		}
		return null;
	}

	private static boolean matches(String word, String[] verbs) {
		for (String verb : verbs) {
			if (verb.equals(word)) {
				return true;
			}
		}
		return false;
	}

}
