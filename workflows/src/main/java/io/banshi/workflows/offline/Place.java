package io.banshi.workflows.offline;

/**
 * A place of the gazetteer.
 *
 * @param zh its Chinese name
 * @param en its English name
 * @param kind {@code city}, {@code landmark} or {@code station}
 * @param city the city a landmark or station is in, or {@code null} for a city
 */
record Place(String zh, String en, String kind, String city) {

	/**
	 * Names the place as the person did: in English when they wrote its English name.
	 * @param surface the words that named it
	 * @return the canonical name in the language of those words
	 */
	String nameAsWritten(String surface) {
		return surface.codePoints().anyMatch((c) -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)
				? this.zh : this.en;
	}

}
