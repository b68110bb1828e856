package io.banshi.workers.sandbox;

import java.util.Locale;

/**
 * Matches what a person asked for ("两箱农夫山泉", "iPhone 16", "Sichuan") against the
 * comma-separated tags and names of catalog rows, in either direction: a tag inside the
 * request or the request inside a tag or name. The score is the length of the longest
 * match, so more specific matches win.
 */
final class Keywords {

	private Keywords() {
	}

	/**
	 * Scores a row.
	 * @param wanted what was asked for
	 * @param texts the row's tags (comma-separated) and names
	 * @return 0 when nothing matches, else the length of the longest match
	 */
	static int score(String wanted, String... texts) {
		String request = normalize(wanted);
		if (request.isEmpty()) {
			return 0;
		}
		int best = 0;
		for (String text : texts) {
			if (text == null) {
				continue;
			}
			for (String tag : text.split(",")) {
				String candidate = normalize(tag);
				if (candidate.isEmpty()) {
					continue;
				}
				if (request.contains(candidate)) {
					best = Math.max(best, candidate.length());
				}
				else if (candidate.contains(request)) {
					best = Math.max(best, request.length());
				}
			}
		}
		return best;
	}

	private static String normalize(String text) {
		return (text != null) ? text.toLowerCase(Locale.ROOT).replaceAll("[\\s\\-_'’]", "") : "";
	}

}
