package io.banshi.workflows.catalog;

import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Something a step can use: look up flights, book a table, write a ledger entry.
 *
 * @param name dotted name such as {@code travel.flight}; a more specific name
 * ({@code travel.flight.search}) falls under it
 * @param descriptionZh what it does, in Chinese
 * @param descriptionEn what it does, in English
 * @param consequential whether an {@code order} with it changes the world (books, buys,
 * pays, writes); read-only capabilities can only be queried
 * @param input JSON Schema of what a step with it takes
 * @param output JSON Schema of what it returns
 */
public record Capability(String name, String descriptionZh, String descriptionEn, boolean consequential, JsonNode input,
		JsonNode output) {

	/**
	 * Returns the description in the given language (Chinese for any {@code zh} locale,
	 * else English).
	 * @param locale the reader's locale
	 * @return the description
	 */
	public String description(Locale locale) {
		return "zh".equals(locale.getLanguage()) ? this.descriptionZh : this.descriptionEn;
	}

	/**
	 * Tells whether a capability name used by a step falls under this capability.
	 * @param used the name a step uses, for example {@code travel.flight.search}
	 * @return true for the same name or a more specific one
	 */
	public boolean covers(String used) {
		return used != null && (used.equals(this.name) || used.startsWith(this.name + "."));
	}

}
