package io.banshi.workflows.offline;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Chinese cities, well-known landmarks and a few foreign cities with their English names,
 * read from {@code banshi/offline/places.txt}, found in a sentence by one precompiled
 * pattern (longest name first, English names on word boundaries).
 */
final class Gazetteer {

	static final String RESOURCE = "banshi/offline/places.txt";

	private static final Pattern WITHIN_CITY = Pattern
		.compile("[\\p{IsHan}&&[^到去飞和的从至在往回经与跟]]{0,6}?(?:科技馆|博物馆|美术馆|图书馆|体育馆|动物园|植物园|海洋馆|游乐园|公园"
				+ "|火车站|高铁站|汽车站|机场|大学|医院|广场|中心|大厦|商场|寺|塔|站)");

	private final Map<String, Place> byName;

	private final Pattern names;

	private Gazetteer(Map<String, Place> byName) {
		this.byName = byName;
		List<String> sorted = new ArrayList<>(byName.keySet());
		sorted.sort(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()));
		StringBuilder alternatives = new StringBuilder();
		for (String name : sorted) {
			if (!alternatives.isEmpty()) {
				alternatives.append('|');
			}
			boolean latin = name.chars().allMatch((c) -> c < 0x2E80);
			alternatives.append(latin ? "(?<![a-z])" + Pattern.quote(name) + "(?![a-z])" : Pattern.quote(name));
		}
		this.names = Pattern.compile("(?:" + alternatives + ")市?", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
	}

	/**
	 * Loads the built-in gazetteer.
	 * @return the gazetteer
	 */
	static Gazetteer builtIn() {
		try (InputStream in = Gazetteer.class.getClassLoader().getResourceAsStream(RESOURCE)) {
			if (in == null) {
				throw new IOException(RESOURCE + " is not on the classpath");
			}
			Map<String, Place> byName = new HashMap<>();
			BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				if (line.isBlank() || line.startsWith("#")) {
					continue;
				}
				String[] fields = line.split("\\|", -1);
				String[] zh = fields[0].split(";");
				String[] en = fields[1].split(";");
				Place place = new Place(zh[0], en[0], fields[2], fields[3].isEmpty() ? null : fields[3]);
				for (String name : zh) {
					byName.putIfAbsent(name, place);
				}
				for (String name : en) {
					byName.putIfAbsent(name.toLowerCase(Locale.ROOT), place);
				}
			}
			return new Gazetteer(byName);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the gazetteer " + RESOURCE, ex);
		}
	}

	/**
	 * Finds the places a sentence names, in the order they are said.
	 * @param text the sentence
	 * @return each place with the words that named it
	 */
	List<Found<Named>> find(String text) {
		List<Found<Named>> found = new ArrayList<>();
		Matcher matcher = this.names.matcher(text);
		while (matcher.find()) {
			String surface = matcher.group();
			String key = surface.endsWith("市") && !this.byName.containsKey(surface)
					? surface.substring(0, surface.length() - 1) : surface;
			Place place = this.byName.get(this.byName.containsKey(key) ? key : key.toLowerCase(Locale.ROOT));
			if (place != null) {
				// "上海科技馆", "北京动物园": a place in the city that the gazetteer does not list.
				Matcher within = WITHIN_CITY.matcher(text).region(matcher.end(), text.length());
				if ("city".equals(place.kind()) && within.lookingAt()) {
					String name = surface + within.group();
					found.add(new Found<>(new Named(new Place(name, name, "landmark", place.zh()), name),
							matcher.start(), within.end()));
					continue;
				}
				found.add(new Found<>(new Named(place, place.nameAsWritten(surface)), matcher.start(), matcher.end()));
			}
		}
		return found;
	}

	/**
	 * Looks a place up by one of its names.
	 * @param name a Chinese or English name
	 * @return the place, or {@code null}
	 */
	Place lookup(String name) {
		Place place = this.byName.get(name);
		return (place != null) ? place : this.byName.get(name.toLowerCase(Locale.ROOT));
	}

	/**
	 * A place as named in a sentence.
	 *
	 * @param place the place
	 * @param name its canonical name in the language it was named in
	 */
	record Named(Place place, String name) {

	}

}
