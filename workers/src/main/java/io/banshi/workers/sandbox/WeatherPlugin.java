package io.banshi.workers.sandbox;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.banshi.workers.plugin.CapabilityPlugin;
import io.banshi.workers.plugin.Inputs;
import io.banshi.workers.plugin.Option;

import org.springframework.stereotype.Component;

/**
 * {@code weather.forecast} from the sandbox: a forecast that is the same every time for a
 * city and date, made from the city's climate ({@code sbx_city}: January low, July high,
 * share of rainy days) and a hash of the city and date for the day's luck. Answers one
 * option: condition, low and high in °C, and advice on what to wear and carry.
 */
@Component
public class WeatherPlugin implements CapabilityPlugin {

	private static final String[] DRY = { "晴", "多云", "晴间多云", "阴" };

	private final Sandbox sandbox;

	/**
	 * Creates the plugin.
	 * @param sandbox the sandbox
	 */
	public WeatherPlugin(Sandbox sandbox) {
		this.sandbox = sandbox;
	}

	@Override
	public String name() {
		return "sandbox.weather.forecast";
	}

	@Override
	public Set<String> capabilities() {
		return Set.of("weather.forecast");
	}

	@Override
	public List<Option> query(String capability, Map<String, Object> inputs) {
		City city = this.sandbox.cities().require(Inputs.text(inputs, "destination", "city"), "destination");
		LocalDate date = Inputs.date(inputs, "date", this.sandbox.today());
		return List.of(forecast(city, date));
	}

	Option forecast(City city, LocalDate date) {
		int luck = Math.floorMod((city.name() + "|" + date).hashCode(), 1000);
		// The seasonal curve peaks in mid July and bottoms out in mid January.
		double season = (1 - Math.cos(2 * Math.PI * (date.getDayOfYear() - 15) / 365.0)) / 2;
		double julyLow = city.julHighC() - 8;
		int low = (int) Math.round(city.janLowC() + (julyLow - city.janLowC()) * season + (luck % 5) - 2);
		int high = low + 5 + (luck / 10) % 6;
		boolean rainy = (luck / 100) * 10 < city.rainyPct();
		String condition = rainy ? ((high <= 2) ? "小雪" : ((luck % 3 == 0) ? "中雨" : "小雨"))
				: DRY[(luck / 7) % DRY.length];
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("destination", city.name());
		details.put("date", date.toString());
		details.put("condition", condition);
		details.put("low_c", low);
		details.put("high_c", high);
		details.put("advice", advice(low, high, rainy));
		return new Option("weather.forecast", name(), "WX:" + city.name() + ":" + date, "中国天气(沙盒)",
				city.name() + " " + date + " " + condition + " " + low + "~" + high + "°C", null, null, date.toString(),
				null, null, details);
	}

	private static String advice(int low, int high, boolean rainy) {
		String wear;
		if (high <= 5) {
			wear = "天气寒冷,建议穿羽绒服、戴帽子和手套";
		}
		else if (high <= 12) {
			wear = "天气较冷,建议穿厚外套或棉衣";
		}
		else if (high <= 20) {
			wear = "早晚偏凉,建议穿夹克或风衣";
		}
		else if (high <= 27) {
			wear = "温度舒适,建议穿长袖衬衫或薄外套";
		}
		else {
			wear = "天气炎热,建议穿短袖并注意防晒";
		}
		if (high - low >= 9) {
			wear += ",昼夜温差大,注意增减衣物";
		}
		return rainy ? wear + ";有降水,记得带伞" : wear;
	}

}
