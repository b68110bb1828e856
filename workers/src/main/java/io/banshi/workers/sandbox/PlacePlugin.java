package io.banshi.workers.sandbox;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.banshi.workers.plugin.CapabilityPlugin;
import io.banshi.workers.plugin.Inputs;
import io.banshi.workers.plugin.Option;

import org.springframework.stereotype.Component;

/**
 * {@code map.poi} from the sandbox ({@code sbx_poi}): sights, museums, exhibitions, parks
 * and stations of each city, found by what is asked for ({@code item}, matched against
 * name, category and tags in Chinese and English) in the {@code destination} city, best
 * match and best rated first, with the distance from the city centre. Also finds one
 * place by name for routes.
 */
@Component
public class PlacePlugin implements CapabilityPlugin {

	static final String COLUMNS = "id, city, name, name_en, category, tags, address, rating, latitude, longitude";

	static final String SELECT_ALL = "SELECT " + COLUMNS + " FROM sbx_poi ORDER BY id";

	private final Sandbox sandbox;

	/**
	 * Creates the plugin.
	 * @param sandbox the sandbox
	 */
	public PlacePlugin(Sandbox sandbox) {
		this.sandbox = sandbox;
	}

	@Override
	public String name() {
		return "sandbox.map.poi";
	}

	@Override
	public Set<String> capabilities() {
		return Set.of("map.poi");
	}

	@Override
	public List<Option> query(String capability, Map<String, Object> inputs) {
		String cityText = Inputs.text(inputs, "destination", "city");
		City city = (cityText != null) ? this.sandbox.cities().require(cityText, "destination") : null;
		String item = Inputs.text(inputs, "item", "name");
		List<Place> places = all().stream()
			.filter((place) -> city == null || place.city().equals(city.name()))
			.toList();
		if (item != null) {
			int best = places.stream().mapToInt((place) -> place.score(item)).max().orElse(0);
			// Nothing matches: show the city's best places rather than nothing.
			if (best > 0) {
				places = places.stream().filter((place) -> place.score(item) > 0).toList();
			}
		}
		List<Place> ranked = new ArrayList<>(places);
		ranked.sort(Comparator.comparing((Place place) -> -place.score(item))
			.thenComparing(Comparator.comparing(Place::rating).reversed()));
		List<Option> options = new ArrayList<>();
		for (Place place : ranked) {
			City home = this.sandbox.cities().find(place.city()).orElse(null);
			double distance = (home != null) ? Geo.round1(home.distanceKm(place.latitude(), place.longitude())) : 0;
			Map<String, Object> details = new LinkedHashMap<>();
			details.put("city", place.city());
			details.put("name_en", place.nameEn());
			details.put("category", place.category());
			details.put("address", place.address());
			details.put("distance_km", distance);
			options.add(new Option("map.poi", name(), "POI:" + place.id(), "高德地图(沙盒)", place.name(), null, null, null,
					place.rating(), null, details));
		}
		return options;
	}

	/**
	 * Finds a place by its name (Chinese or English), for routes.
	 * @param text the name
	 * @return the place, or empty
	 */
	Optional<Place> find(String text) {
		if (text == null) {
			return Optional.empty();
		}
		return all().stream()
			.filter((place) -> text.contains(place.name()) || place.name().equals(text)
					|| place.nameEn().equalsIgnoreCase(text))
			.max(Comparator.comparing((Place place) -> place.name().length()));
	}

	private List<Place> all() {
		return this.sandbox.jdbc()
			.query(SELECT_ALL, (rs, row) -> new Place(rs.getLong("id"), rs.getString("city"), rs.getString("name"),
					rs.getString("name_en"), rs.getString("category"), rs.getString("tags"), rs.getString("address"),
					rs.getDouble("rating"), rs.getDouble("latitude"), rs.getDouble("longitude")));
	}

	record Place(long id, String city, String name, String nameEn, String category, String tags, String address,
			double rating, double latitude, double longitude) {

		int score(String item) {
			return (item != null) ? Keywords.score(item, this.tags, this.name, this.nameEn, this.category) : 0;
		}

	}

}
