package io.banshi.workers.plugin;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.banshi.workers.SandboxFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The registry routes a step's capability to its plugins and ranks what several providers
 * offer.
 */
class PluginRegistryTest {

	private static SandboxFixture fixture;

	@BeforeAll
	static void createDatabase() {
		fixture = new SandboxFixture("registry");
	}

	@AfterAll
	static void closeDatabase() {
		fixture.close();
	}

	@Test
	void shouldRouteAMoreSpecificNameToItsCatalogCapability() {
		// when
		List<CapabilityPlugin> plugins = fixture.registry.pluginsFor("travel.flight.search");

		// then
		assertThat(plugins).extracting(CapabilityPlugin::name).containsExactly("sandbox.travel.flight");
		assertThat(fixture.registry.capability("travel.flight.search").name()).isEqualTo("travel.flight");
	}

	@Test
	void shouldFailWithNotFoundForACapabilityOutsideTheCatalog() {
		assertThatThrownBy(() -> fixture.registry.query("teleport.now", Map.of()))
			.isInstanceOfSatisfying(BusinessFailure.class,
					(failure) -> assertThat(failure.code()).isEqualTo(FailureCode.NOT_FOUND))
			.hasMessageContaining("teleport.now");
	}

	@Test
	void shouldRankFlightsByPriceLeavingOutSoldOutAndOverBudget() {
		// given: 北京→上海 on Wednesday 2026-12-09, budget 1100
		Map<String, Object> inputs = Map.of("destination", "上海", "date", "2026-12-09", "budget", 1100);

		// when
		Comparison comparison = fixture.registry.compare("travel.flight", inputs, Ranking.PRICE);

		// then
		assertThat(comparison.best()).get().satisfies((best) -> {
			assertThat(best.details()).containsEntry("flight_no", "9C8812");
			assertThat(best.price()).isEqualByComparingTo("620");
		});
		assertThat(comparison.ranked()).extracting(Option::price)
			.isSortedAccordingTo(BigDecimal::compareTo)
			.allSatisfy((price) -> assertThat(price).isLessThanOrEqualTo(new BigDecimal("1100")));
		assertThat(comparison.soldOut()).extracting((option) -> option.details().get("flight_no")).contains("CZ3907");
		assertThat(comparison.overBudget()).extracting((option) -> option.details().get("flight_no"))
			.contains("CA1501", "HU7605");
		assertThat(comparison.budget()).isEqualByComparingTo("1100");
	}

	@Test
	void shouldRankByRatingAndByTime() {
		// given
		Map<String, Object> inputs = Map.of("destination", "上海", "date", "2026-12-09");

		// when
		Comparison byRating = fixture.registry.compare("travel.flight", inputs, Ranking.RATING);
		Comparison byTime = fixture.registry.compare("travel.flight", inputs, Ranking.TIME);

		// then
		assertThat(byRating.best()).get().satisfies((best) -> assertThat(best.provider()).isEqualTo("海南航空"));
		assertThat(byRating.ranked()).extracting(Option::rating).isSortedAccordingTo((a, b) -> Double.compare(b, a));
		assertThat(byTime.ranked()).extracting(Option::time).isSorted();
		assertThat(byTime.best()).get().satisfies((best) -> assertThat(best.time()).isEqualTo("2026-12-09T08:00"));
	}

	@Test
	void shouldRankDeliveriesByTimeAsMinutes() {
		// when
		Comparison comparison = fixture.registry.compare("food.delivery", Map.of("item", "麻辣烫"), Ranking.TIME);

		// then
		assertThat(comparison.ranked()).extracting((option) -> Integer.parseInt(option.time())).isSorted();
	}

	@Test
	void shouldCompareProductsAcrossShopsWithinBudget() {
		// given: the cheapest iPhone 16 under 6000
		Map<String, Object> inputs = Map.of("item", "iPhone 16", "budget", 6000);

		// when
		Comparison comparison = fixture.registry.compare("shop.product", inputs, Ranking.of("cheapest"));

		// then
		assertThat(comparison.by()).isEqualTo(Ranking.PRICE);
		assertThat(comparison.best()).get().satisfies((best) -> {
			assertThat(best.provider()).isEqualTo("拼多多");
			assertThat(best.price()).isEqualByComparingTo("5499");
		});
		assertThat(comparison.ranked()).extracting(Option::provider).contains("京东", "天猫");
		assertThat(comparison.overBudget()).isNotEmpty();
		assertThat(comparison.soldOut()).isNotEmpty();
	}

	@Test
	void shouldAskEveryPluginOfACapability() {
		// given: a second provider of hotels, registered at run time
		PluginRegistry registry = new PluginRegistry(fixture.catalog, fixture.registry.plugins());
		registry.register(new CapabilityPlugin() {

			@Override
			public String name() {
				return "test.hostel";
			}

			@Override
			public Set<String> capabilities() {
				return Set.of("travel.hotel");
			}

			@Override
			public List<Option> query(String capability, Map<String, Object> inputs) {
				return List.of(new Option(capability, name(), "hostel-1", "青旅", "西湖青年旅舍", new BigDecimal("99"),
						new BigDecimal("99"), null, 4.5, 8, Map.of()));
			}

		});

		// when
		Comparison comparison = registry.compare("travel.hotel", Map.of("destination", "杭州"), Ranking.PRICE);

		// then
		assertThat(comparison.best()).get().satisfies((best) -> assertThat(best.plugin()).isEqualTo("test.hostel"));
		assertThat(comparison.ranked()).extracting(Option::plugin).contains("sandbox.travel.hotel");
	}

	@Test
	void shouldSkipAProviderThatFailsWhileAnotherAnswers() {
		// given: a second weather provider that is down
		PluginRegistry registry = new PluginRegistry(fixture.catalog, fixture.registry.plugins());
		CapabilityPlugin down = new CapabilityPlugin() {

			@Override
			public String name() {
				return "test.weather.down";
			}

			@Override
			public Set<String> capabilities() {
				return Set.of("weather.forecast");
			}

			@Override
			public List<Option> query(String capability, Map<String, Object> inputs) {
				throw new IllegalStateException("connection refused");
			}

		};
		registry.register(down);

		// when
		List<Option> forecast = registry.query("weather.forecast", Map.of("destination", "杭州"));

		// then
		assertThat(forecast).singleElement()
			.satisfies((option) -> assertThat(option.plugin()).isEqualTo("sandbox.weather.forecast"));
		registry.unregister("sandbox.weather.forecast");
		assertThatThrownBy(() -> registry.query("weather.forecast", Map.of("destination", "杭州")))
			.isInstanceOf(IllegalStateException.class)
			.isNotInstanceOf(BusinessFailure.class)
			.hasMessage("connection refused");
	}

	@Test
	void shouldRefuseAPluginForACapabilityOutsideTheCatalog() {
		// given
		CapabilityPlugin stray = new CapabilityPlugin() {

			@Override
			public String name() {
				return "stray";
			}

			@Override
			public Set<String> capabilities() {
				return Set.of("time.travel");
			}

			@Override
			public List<Option> query(String capability, Map<String, Object> inputs) {
				return List.of();
			}

		};

		// when / then
		assertThatThrownBy(() -> fixture.registry.register(stray)).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("time.travel");
		assertThat(fixture.registry.plugins()).hasSize(13);
	}

	@Test
	void shouldRefuseToOrderFromAReadOnlyCapability() {
		assertThatThrownBy(() -> fixture.registry.order("weather.forecast", null, Map.of("destination", "杭州"),
				IdempotencyKey.of("w")))
			.isInstanceOfSatisfying(BusinessFailure.class,
					(failure) -> assertThat(failure.code()).isEqualTo(FailureCode.INVALID_INPUT));
	}

	@Test
	void shouldRefuseToOrderAnOptionOfAnotherCapability() {
		// given
		Option hotel = fixture.registry.query("travel.hotel", Map.of("destination", "成都")).get(0);

		// when / then
		assertThatThrownBy(() -> fixture.registry.order("travel.flight", hotel, Map.of(), IdempotencyKey.of("mixed")))
			.isInstanceOfSatisfying(BusinessFailure.class,
					(failure) -> assertThat(failure.code()).isEqualTo(FailureCode.INVALID_INPUT))
			.hasMessageContaining("travel.hotel");
	}

	@Test
	void shouldCarryAnOptionThroughProcessVariablesUnchanged() {
		// given
		Option flight = fixture.registry.query("travel.flight", Map.of("destination", "上海", "date", "2026-12-09"))
			.get(0);

		// when
		Option back = Option.fromMap(flight.toMap());

		// then
		assertThat(back).isEqualTo(flight);
		assertThat(flight.toMap()).containsKeys("id", "provider", "name", "price", "time", "flight_no", "plugin");
	}

	@Test
	void shouldReadNumbersAndDatesLeniently() {
		// given
		Map<String, Object> inputs = Map.of("budget", Map.of("amount", 5000), "quantity", "两箱 2", "date",
				"2026-12-09T08:00", "time", "晚上7:30", "price", "5000元");

		// then
		assertThat(Inputs.decimal(inputs, "budget")).isEqualByComparingTo("5000");
		assertThat(Inputs.decimal(inputs, "price")).isEqualByComparingTo("5000");
		assertThat(Inputs.integer(inputs, 1, "quantity")).isEqualTo(2);
		assertThat(Inputs.integer(inputs, 1, "missing")).isEqualTo(1);
		assertThat(Inputs.date(inputs, "date", null)).hasToString("2026-12-09");
		assertThat(Inputs.time(inputs, "time")).hasToString("19:30");
		assertThat(Inputs.time(Map.of("time", "2026-12-09T08:05"), "time")).hasToString("08:05");
	}

}
