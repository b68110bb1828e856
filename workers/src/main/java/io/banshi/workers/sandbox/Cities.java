package io.banshi.workers.sandbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.banshi.workers.plugin.BusinessFailure;
import io.banshi.workers.plugin.FailureCode;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Finds sandbox cities by the names people use: Chinese ({@code 上海}, {@code 上海市}),
 * English ({@code Shanghai}, any case) or an alias ({@code 沪}, {@code Xian}). The table
 * is read on first use and kept, since seed data does not change while the application
 * runs.
 */
public final class Cities {

	static final String SELECT_ALL = "SELECT name, name_en, aliases, latitude, longitude, jan_low_c, jul_high_c,"
			+ " rainy_pct FROM sbx_city ORDER BY id";

	private final JdbcTemplate jdbc;

	private volatile List<Entry> entries;

	Cities(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Finds a city by any of its names; a text that starts with a city's name
	 * ({@code 上海虹桥站}) counts as that city.
	 * @param text what the person said, may be {@code null}
	 * @return the city, or empty
	 */
	public Optional<City> find(String text) {
		if (text == null || text.isBlank()) {
			return Optional.empty();
		}
		String wanted = normalize(text);
		for (Entry entry : entries()) {
			if (entry.names().contains(wanted)) {
				return Optional.of(entry.city());
			}
		}
		for (Entry entry : entries()) {
			if (wanted.startsWith(normalize(entry.city().name()))) {
				return Optional.of(entry.city());
			}
		}
		return Optional.empty();
	}

	/**
	 * Finds a city or fails with a reason a person can read.
	 * @param text what the person said
	 * @param role what the city is for ("destination", "origin")
	 * @return the city
	 * @throws BusinessFailure with {@code NOT_FOUND} when no sandbox city has that name
	 */
	public City require(String text, String role) {
		if (text == null || text.isBlank()) {
			throw new BusinessFailure(FailureCode.INVALID_INPUT, "The " + role + " city is missing");
		}
		return find(text).orElseThrow(() -> new BusinessFailure(FailureCode.NOT_FOUND,
				"No city named '" + text + "' (" + role + ") in the sandbox catalog"));
	}

	/**
	 * Returns every city.
	 * @return the cities, in catalog order
	 */
	public List<City> all() {
		return entries().stream().map(Entry::city).toList();
	}

	private List<Entry> entries() {
		List<Entry> loaded = this.entries;
		if (loaded == null) {
			loaded = this.jdbc.query(SELECT_ALL, (rs, row) -> {
				City city = new City(rs.getString("name"), rs.getString("name_en"), rs.getDouble("latitude"),
						rs.getDouble("longitude"), rs.getInt("jan_low_c"), rs.getInt("jul_high_c"),
						rs.getInt("rainy_pct"));
				List<String> names = new ArrayList<>();
				names.add(normalize(city.name()));
				names.add(normalize(city.nameEn()));
				String aliases = rs.getString("aliases");
				if (aliases != null) {
					for (String alias : aliases.split(",")) {
						names.add(normalize(alias));
					}
				}
				return new Entry(city, List.copyOf(names));
			});
			this.entries = loaded;
		}
		return loaded;
	}

	private static String normalize(String text) {
		String lower = text.trim().toLowerCase(Locale.ROOT).replace("'", "").replace(" ", "");
		return (lower.endsWith("市") && lower.length() > 2) ? lower.substring(0, lower.length() - 1) : lower;
	}

	private record Entry(City city, List<String> names) {
	}

}
