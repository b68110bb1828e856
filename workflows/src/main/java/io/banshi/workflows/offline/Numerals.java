package io.banshi.workflows.offline;

import java.util.Locale;
import java.util.Map;

/**
 * Reads numbers as people write them: Arabic digits ({@code 5000}, {@code 1.5},
 * {@code 5,000}), Chinese numerals with their spoken shorthand ({@code 两千五} is 2500,
 * {@code 一百五} is 150, {@code 一万二} is 12000), mixed forms ({@code 5千}, {@code 1.5万}) and
 * English number words ({@code two}, {@code twenty-five}, {@code a dozen}).
 */
final class Numerals {

	/** A regex fragment matching one number in any of the forms read here. */
	static final String NUMBER = "(?:\\d+(?:[.,]\\d+)*\\s*[千万kKwW]?|[零〇一二两三四五六七八九十百千万亿]+"
			+ "|\\d+(?:\\.\\d+)?[千万][零〇一二两三四五六七八九\\d]?)";

	/** A regex fragment matching one English number word or short phrase. */
	static final String WORD = "(?:a couple of|a dozen|a few|an?|one|two|three|four|five|six|seven|eight|nine|ten"
			+ "|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty"
			+ "|fifty|sixty|seventy|eighty|ninety|hundred|half an?|half)";

	private static final Map<Character, Integer> DIGITS = Map.ofEntries(Map.entry('零', 0), Map.entry('〇', 0),
			Map.entry('一', 1), Map.entry('二', 2), Map.entry('两', 2), Map.entry('三', 3), Map.entry('四', 4),
			Map.entry('五', 5), Map.entry('六', 6), Map.entry('七', 7), Map.entry('八', 8), Map.entry('九', 9));

	private static final Map<Character, Long> UNITS = Map.of('十', 10L, '百', 100L, '千', 1000L, 'k', 1000L, 'K', 1000L);

	private static final Map<Character, Long> SECTIONS = Map.of('万', 10_000L, 'w', 10_000L, 'W', 10_000L, '亿',
			100_000_000L);

	private static final Map<String, Double> WORDS = Map.ofEntries(Map.entry("a", 1d), Map.entry("an", 1d),
			Map.entry("one", 1d), Map.entry("two", 2d), Map.entry("three", 3d), Map.entry("four", 4d),
			Map.entry("five", 5d), Map.entry("six", 6d), Map.entry("seven", 7d), Map.entry("eight", 8d),
			Map.entry("nine", 9d), Map.entry("ten", 10d), Map.entry("eleven", 11d), Map.entry("twelve", 12d),
			Map.entry("thirteen", 13d), Map.entry("fourteen", 14d), Map.entry("fifteen", 15d),
			Map.entry("sixteen", 16d), Map.entry("seventeen", 17d), Map.entry("eighteen", 18d),
			Map.entry("nineteen", 19d), Map.entry("twenty", 20d), Map.entry("thirty", 30d), Map.entry("forty", 40d),
			Map.entry("fifty", 50d), Map.entry("sixty", 60d), Map.entry("seventy", 70d), Map.entry("eighty", 80d),
			Map.entry("ninety", 90d), Map.entry("hundred", 100d), Map.entry("a couple of", 2d),
			Map.entry("a dozen", 12d), Map.entry("a few", 3d), Map.entry("half", 0.5d), Map.entry("half a", 0.5d),
			Map.entry("half an", 0.5d));

	private Numerals() {
	}

	/**
	 * Reads a number.
	 * @param text digits, Chinese numerals, a mix of both, or an English number word
	 * @return the value, or {@code null} when the text is not a number
	 */
	static Double parse(String text) {
		if (text == null) {
			return null;
		}
		String value = text.strip();
		if (value.isEmpty()) {
			return null;
		}
		Double word = WORDS.get(value.toLowerCase(Locale.ROOT).replaceAll("\\s+", " "));
		if (word != null) {
			return word;
		}
		return parseMixed(value.replaceAll("(?<=\\d),(?=\\d{3})", "").replace(" ", ""));
	}

	/**
	 * Reads a number that must be a whole one.
	 * @param text the number
	 * @return the value, or {@code null} when it is not a whole number
	 */
	static Integer parseInt(String text) {
		Double value = parse(text);
		if (value == null || value != Math.rint(value) || value > Integer.MAX_VALUE) {
			return null;
		}
		return value.intValue();
	}

	private static Double parseMixed(String value) {
		double total = 0;
		double section = 0;
		double pending = -1;
		long lastUnit = 0;
		boolean zeroSeen = false;
		int i = 0;
		while (i < value.length()) {
			char c = value.charAt(i);
			if (Character.isDigit(c) || (c == '.' && pending < 0)) {
				int end = i;
				while (end < value.length() && (Character.isDigit(value.charAt(end)) || value.charAt(end) == '.')) {
					end++;
				}
				try {
					pending = Double.parseDouble(value.substring(i, end));
				}
				catch (NumberFormatException ex) {
					return null;
				}
				i = end;
				continue;
			}
			Integer digit = DIGITS.get(c);
			Long unit = UNITS.get(c);
			Long sectionUnit = SECTIONS.get(c);
			if (digit != null) {
				if (digit == 0) {
					zeroSeen = true;
				}
				pending = (pending >= 0 && lastUnit == 0) ? pending * 10 + digit : digit;
			}
			else if (unit != null) {
				section += ((pending >= 0) ? pending : 1) * unit;
				pending = -1;
				lastUnit = unit;
				zeroSeen = false;
			}
			else if (sectionUnit != null) {
				total += (section + Math.max(pending, 0)) * sectionUnit;
				section = 0;
				pending = -1;
				lastUnit = sectionUnit;
				zeroSeen = false;
			}
			else {
				return null;
			}
			i++;
		}
		if (pending >= 0) {
			// Spoken shorthand: 两千五 is 2500 and 一万二 is 12000, the digit counting in the
			// unit below the last one said.
			boolean shorthand = lastUnit >= 100 && !zeroSeen && pending < 10 && pending == Math.rint(pending);
			section += shorthand ? pending * (lastUnit / 10) : pending;
		}
		return total + section;
	}

}
