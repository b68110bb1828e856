package io.banshi.workers.sandbox;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.banshi.workers.plugin.BusinessFailure;
import io.banshi.workers.plugin.CapabilityPlugin;
import io.banshi.workers.plugin.FailureCode;
import io.banshi.workers.plugin.Inputs;
import io.banshi.workers.plugin.Option;

import org.springframework.stereotype.Component;

/**
 * {@code map.route} from the sandbox: routes between any two places the catalog knows (a
 * place of {@code sbx_poi} or a city centre of {@code sbx_city}), estimated from their
 * coordinates: road distance about 1.3 times the straight line, and a typical speed per
 * mode (slower in town than between cities). One option per mode, or only the asked
 * {@code mode}; walking and cycling only where they make sense. Without an origin the
 * route starts at the destination's city centre (or {@link Sandbox#HOME_CITY}'s).
 */
@Component
public class RoutePlugin implements CapabilityPlugin {

	private static final double ROAD_FACTOR = 1.3;

	private final Sandbox sandbox;

	private final PlacePlugin places;

	/**
	 * Creates the plugin.
	 * @param sandbox the sandbox
	 * @param places where places are looked up
	 */
	public RoutePlugin(Sandbox sandbox, PlacePlugin places) {
		this.sandbox = sandbox;
		this.places = places;
	}

	@Override
	public String name() {
		return "sandbox.map.route";
	}

	@Override
	public Set<String> capabilities() {
		return Set.of("map.route");
	}

	@Override
	public List<Option> query(String capability, Map<String, Object> inputs) {
		Point to = point(Inputs.text(inputs, "destination", "to"), "destination", null);
		Point from = point(Inputs.text(inputs, "origin", "from"), "origin", to);
		double km = Geo.round1(Geo.distanceKm(from.lat(), from.lon(), to.lat(), to.lon()) * ROAD_FACTOR);
		String asked = Inputs.text(inputs, "mode");
		List<Option> options = new ArrayList<>();
		for (Mode mode : Mode.values()) {
			if (asked != null ? !mode.matches(asked) : km > mode.maxKm) {
				continue;
			}
			int minutes = mode.minutes(km);
			String summary = from.name() + " → " + to.name() + ":" + mode.label + "约" + describe(minutes) + ","
					+ BigDecimal.valueOf(km).stripTrailingZeros().toPlainString() + "公里";
			Map<String, Object> details = new LinkedHashMap<>();
			details.put("mode", mode.name().toLowerCase(Locale.ROOT));
			details.put("origin", from.name());
			details.put("destination", to.name());
			details.put("duration_minutes", minutes);
			details.put("distance_km", km);
			details.put("summary", summary);
			options.add(new Option("map.route", name(),
					"RT:" + from.name() + ":" + to.name() + ":" + mode.name().toLowerCase(Locale.ROOT), "高德地图(沙盒)",
					summary, null, null, String.valueOf(minutes), null, null, details));
		}
		return options;
	}

	private Point point(String text, String role, Point near) {
		if (text == null) {
			if (near != null) {
				City city = this.sandbox.cities().find(near.city()).orElse(null);
				if (city != null && !(city.latitude() == near.lat() && city.longitude() == near.lon())) {
					return new Point(city.name() + "市中心", city.name(), city.latitude(), city.longitude());
				}
				City home = this.sandbox.cities()
					.require(city != null && city.name().equals(Sandbox.HOME_CITY) ? Sandbox.SECOND_CITY
							: Sandbox.HOME_CITY, role);
				return new Point(home.name(), home.name(), home.latitude(), home.longitude());
			}
			throw new BusinessFailure(FailureCode.INVALID_INPUT, "The route's " + role + " is missing");
		}
		var place = this.places.find(text);
		if (place.isPresent()) {
			return new Point(place.get().name(), place.get().city(), place.get().latitude(), place.get().longitude());
		}
		City city = this.sandbox.cities()
			.find(text)
			.orElseThrow(() -> new BusinessFailure(FailureCode.NOT_FOUND,
					"No place or city named '" + text + "' (" + role + ") in the sandbox catalog"));
		return new Point(city.name(), city.name(), city.latitude(), city.longitude());
	}

	private static String describe(int minutes) {
		return (minutes < 60) ? minutes + "分钟"
				: (minutes / 60) + "小时" + ((minutes % 60 != 0) ? (minutes % 60) + "分钟" : "");
	}

	private record Point(String name, String city, double lat, double lon) {
	}

	private enum Mode {

		DRIVING("驾车", 3000, 35, 85, 10), TRANSIT("公共交通", 3000, 22, 160, 20), CYCLING("骑行", 25, 14, 14, 0),
		WALKING("步行", 8, 4.5, 4.5, 0);

		final String label;

		final double maxKm;

		final double townKmh;

		final double longKmh;

		final int overheadMinutes;

		Mode(String label, double maxKm, double townKmh, double longKmh, int overheadMinutes) {
			this.label = label;
			this.maxKm = maxKm;
			this.townKmh = townKmh;
			this.longKmh = longKmh;
			this.overheadMinutes = overheadMinutes;
		}

		int minutes(double km) {
			// Within 50 km a trip crawls through town; beyond, it is mostly highway or
			// rail.
			double hours = (km <= 50) ? km / this.townKmh : 50 / this.townKmh + (km - 50) / this.longKmh;
			return (int) Math.max(1, Math.round(hours * 60) + this.overheadMinutes);
		}

		boolean matches(String asked) {
			String value = asked.toLowerCase(Locale.ROOT);
			return value.equals(name().toLowerCase(Locale.ROOT)) || value.contains(this.label)
					|| (this == DRIVING && (value.contains("drive") || value.contains("开车") || value.contains("car")))
					|| (this == TRANSIT && (value.contains("公交") || value.contains("地铁") || value.contains("bus")))
					|| (this == WALKING && (value.contains("walk") || value.contains("走")))
					|| (this == CYCLING && (value.contains("cycl") || value.contains("bike") || value.contains("骑")));
		}

	}

}
