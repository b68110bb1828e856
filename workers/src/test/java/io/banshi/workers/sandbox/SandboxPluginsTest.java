package io.banshi.workers.sandbox;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.banshi.workers.SandboxFixture;
import io.banshi.workers.plugin.BusinessFailure;
import io.banshi.workers.plugin.FailureCode;
import io.banshi.workers.plugin.Option;
import io.banshi.workers.plugin.Ranking;
import io.banshi.workflows.catalog.Capability;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every built-in sandbox plugin answers its capability sensibly from the seeded catalog.
 * Read-only: one database for the class.
 */
class SandboxPluginsTest {

	private static SandboxFixture fixture;

	@BeforeAll
	static void createDatabase() {
		fixture = new SandboxFixture("sandbox_plugins");
	}

	@AfterAll
	static void closeDatabase() {
		fixture.close();
	}

	private static List<Option> query(String capability, Map<String, Object> inputs) {
		return fixture.registry.query(capability, inputs);
	}

	@Test
	void shouldServeEveryCapabilityOfTheCatalog() {
		// given
		List<Capability> capabilities = fixture.catalog.all();

		// when / then
		assertThat(capabilities).hasSize(13);
		for (Capability capability : capabilities) {
			assertThat(fixture.registry.pluginsFor(capability.name())).as(capability.name()).isNotEmpty();
		}
	}

	@Test
	void shouldListFlightsWithWhatAPersonNeedsToChoose() {
		// given: 下周三去上海, no origin (the sandbox's home city is Beijing)
		Map<String, Object> inputs = Map.of("destination", "上海", "date", "2026-12-09");

		// when
		List<Option> flights = query("travel.flight.search", inputs);

		// then
		assertThat(flights).hasSizeGreaterThanOrEqualTo(4);
		assertThat(flights).allSatisfy((flight) -> {
			assertThat(flight.id()).startsWith("FL:").endsWith(":2026-12-09");
			assertThat(flight.provider()).isNotBlank();
			assertThat(flight.price()).isPositive();
			assertThat(flight.time()).startsWith("2026-12-09T");
			assertThat(flight.details()).containsKeys("flight_no", "departs", "arrives", "seats_left");
			assertThat(flight.details()).containsEntry("origin", "北京").containsEntry("destination", "上海");
		});
		assertThat(flights).extracting(Option::provider).contains("中国国航", "东方航空", "春秋航空");
		assertThat(flights).anyMatch(Option::soldOut);
		assertThat(flights)
			.anyMatch((flight) -> flight.available() != null && flight.available() > 0 && flight.available() <= 3);
	}

	@Test
	void shouldHaveFlightsOnEveryDateBetweenMainCities() {
		// given
		String[][] routes = { { "北京", "上海" }, { "上海", "广州" }, { "杭州", "成都" }, { "深圳", "西安" }, { "南京", "重庆" },
				{ "武汉", "北京" } };

		// when / then
		for (String[] route : routes) {
			for (int day = 0; day < 14; day++) {
				String date = LocalDate.of(2026, 12, 1).plusDays(day).toString();
				List<Option> flights = query("travel.flight",
						Map.of("origin", route[0], "destination", route[1], "date", date));
				assertThat(flights).as(route[0] + "→" + route[1] + " on " + date).hasSizeGreaterThanOrEqualTo(2);
			}
		}
	}

	@Test
	void shouldReadCityNamesInEnglishAndChinese() {
		// when
		List<Option> english = query("travel.flight",
				Map.of("origin", "Shanghai", "destination", "Tokyo", "date", "2026-12-20"));
		List<Option> chinese = query("travel.flight",
				Map.of("origin", "上海市", "destination", "东京", "date", "2026-12-20"));

		// then
		assertThat(english).isNotEmpty();
		assertThat(english).extracting(Option::id).containsExactlyElementsOf(chinese.stream().map(Option::id).toList());
		assertThat(english.get(0).details()).containsEntry("destination", "东京");
	}

	@Test
	void shouldChargeMoreForFlightsOnFridays() {
		// given: 2026-12-07 is a Monday, 2026-12-11 a Friday
		Map<String, Object> monday = Map.of("origin", "北京", "destination", "上海", "date", "2026-12-07");
		Map<String, Object> friday = Map.of("origin", "北京", "destination", "上海", "date", "2026-12-11");

		// when
		BigDecimal mondayFare = price(query("travel.flight", monday), "CA1501");
		BigDecimal fridayFare = price(query("travel.flight", friday), "CA1501");

		// then
		assertThat(mondayFare).isEqualByComparingTo("1240");
		assertThat(fridayFare).isEqualByComparingTo("1364");
	}

	@Test
	void shouldFailWithNotFoundForAnUnknownCity() {
		assertThatThrownBy(() -> query("travel.flight", Map.of("destination", "亚特兰蒂斯")))
			.isInstanceOfSatisfying(BusinessFailure.class,
					(failure) -> assertThat(failure.code()).isEqualTo(FailureCode.NOT_FOUND))
			.hasMessageContaining("亚特兰蒂斯");
	}

	@Test
	void shouldListTrainsBySeatClass() {
		// given: 这周五从北京到上海的高铁票
		Map<String, Object> inputs = Map.of("origin", "北京", "destination", "上海", "date", "2026-12-04");

		// when
		List<Option> trains = query("travel.train", inputs);
		List<Option> second = query("travel.train",
				Map.of("origin", "北京", "destination", "上海", "date", "2026-12-04", "seat_class", "二等座"));

		// then
		assertThat(trains).extracting((train) -> train.details().get("seat_class")).contains("二等座", "一等座", "商务座");
		assertThat(second).isNotEmpty().allSatisfy((train) -> {
			assertThat(train.details()).containsEntry("seat_class", "二等座").containsKeys("train_no", "departs");
			assertThat(train.time()).startsWith("2026-12-04T");
		});
		assertThat(query("travel.train", Map.of("origin", "上海", "destination", "苏州", "date", "2026-12-01")))
			.hasSizeGreaterThanOrEqualTo(4);
	}

	@Test
	void shouldPriceAHotelStayForTheNightsAndGuests() {
		// given: 周末带家人去杭州玩两天 (4 guests, 2 nights)
		Map<String, Object> inputs = Map.of("destination", "杭州", "date", "2026-12-05", "nights", 2, "party_size", 4);

		// when
		List<Option> hotels = query("travel.hotel", inputs);

		// then
		assertThat(hotels).hasSizeGreaterThanOrEqualTo(5);
		assertThat(hotels).extracting(Option::provider).containsAnyOf("携程", "美团", "飞猪");
		assertThat(hotels).allSatisfy((hotel) -> {
			assertThat(hotel.total()).isEqualByComparingTo(hotel.price().multiply(BigDecimal.valueOf(4)));
			assertThat(hotel.details()).containsEntry("check_out", "2026-12-07").containsKeys("area", "rooms_left");
			assertThat(hotel.rating()).isBetween(3.0, 5.0);
		});
		assertThat(hotels).anyMatch(Option::soldOut);
	}

	@Test
	void shouldNarrowHotelsToTheAskedDistrict() {
		// when
		List<Option> hotels = query("travel.hotel", Map.of("destination", "广州", "area", "天河区"));

		// then
		assertThat(hotels).isNotEmpty().allSatisfy((hotel) -> assertThat(hotel.details()).containsEntry("area", "天河区"));
	}

	@Test
	void shouldPlanRoutesBetweenPlacesAndBetweenCities() {
		// when
		List<Option> walk = query("map.route", Map.of("origin", "西湖", "destination", "灵隐寺"));
		List<Option> drive = query("map.route",
				Map.of("origin", "Hangzhou", "destination", "Ningbo", "mode", "driving"));

		// then
		assertThat(walk).extracting((route) -> route.details().get("mode")).contains("driving", "transit", "walking");
		assertThat(walk)
			.allSatisfy((route) -> assertThat((double) route.details().get("distance_km")).isBetween(3.0, 10.0));
		assertThat(drive).singleElement().satisfies((route) -> {
			assertThat(route.details()).containsEntry("mode", "driving");
			assertThat((int) route.details().get("duration_minutes")).isBetween(90, 240);
			assertThat((String) route.details().get("summary")).contains("杭州").contains("宁波");
		});
	}

	@Test
	void shouldFindExhibitionsForChildrenInACity() {
		// when: 上海可以带孩子去的展览
		List<Option> places = query("map.poi", Map.of("destination", "上海", "item", "带孩子去的展览"));

		// then
		assertThat(places).isNotEmpty();
		assertThat(places.get(0).name()).isIn("上海科技馆", "上海自然博物馆");
		assertThat(places).allSatisfy((place) -> {
			assertThat(place.details()).containsEntry("city", "上海").containsKeys("address", "distance_km");
			assertThat(place.rating()).isNotNull();
		});
	}

	@Test
	void shouldBookRestaurantsByCuisineAtTheNearestSlot() {
		// when: a Sichuan restaurant for Friday dinner for 6 (Beijing: no city given)
		List<Option> sichuan = query("food.restaurant",
				Map.of("item", "Sichuan", "date", "2026-12-04", "time", "18:40", "party_size", 6));
		List<Option> hotpot = query("food.restaurant",
				Map.of("destination", "北京", "item", "海底捞", "date", "2026-12-01", "time", "19:00", "party_size", 4));

		// then
		assertThat(sichuan).isNotEmpty().allSatisfy((restaurant) -> {
			assertThat(restaurant.details()).containsEntry("cuisine", "川菜").containsEntry("slot", "18:30");
			assertThat(restaurant.total()).isEqualByComparingTo(restaurant.price().multiply(BigDecimal.valueOf(6)));
			assertThat(restaurant.time()).isEqualTo("2026-12-04T18:30");
		});
		assertThat(hotpot).singleElement().satisfies((restaurant) -> {
			assertThat(restaurant.name()).startsWith("海底捞");
			assertThat(restaurant.details().get("slots")).asList().contains("19:00");
		});
	}

	@Test
	void shouldFindDishesFromSeveralDeliveryShops() {
		// when: 明天中午帮我点一份麻辣烫外卖
		List<Option> malatang = query("food.delivery", Map.of("item", "麻辣烫", "date", "2026-12-01", "time", "12:00"));
		List<Option> pizza = query("food.delivery", Map.of("item", "pizza", "quantity", 2));

		// then
		assertThat(malatang).hasSize(3).allSatisfy((dish) -> {
			assertThat(dish.details()).containsKeys("shop", "eta_minutes")
				.containsEntry("deliver_at", "2026-12-01T12:00");
			assertThat(dish.name()).contains("麻辣烫");
		});
		assertThat(malatang).extracting(Option::provider).contains("美团外卖", "饿了么");
		assertThat(pizza).hasSize(3).anyMatch(Option::soldOut);
		assertThat(pizza).allSatisfy(
				(dish) -> assertThat(dish.total()).isEqualByComparingTo(dish.price().multiply(BigDecimal.valueOf(2))));
	}

	@Test
	void shouldFindProductsFromSeveralShops() {
		// when
		List<Option> iphones = query("shop.product", Map.of("item", "iPhone 16"));
		List<Option> water = query("shop.product", Map.of("item", "两箱农夫山泉", "quantity", 2));
		List<Option> dogFood = query("shop.product", Map.of("item", "dog food", "quantity", 3));

		// then
		assertThat(iphones).hasSizeGreaterThanOrEqualTo(4)
			.allSatisfy((phone) -> assertThat(phone.name()).contains("iPhone 16"));
		assertThat(iphones).extracting(Option::provider).contains("京东", "天猫", "拼多多");
		assertThat(water).hasSize(3).allSatisfy((pack) -> {
			assertThat(pack.name()).contains("农夫山泉");
			assertThat(pack.total()).isEqualByComparingTo(pack.price().multiply(BigDecimal.valueOf(2)));
			assertThat(pack.details()).containsKeys("stock", "delivery_days", "shop");
		});
		assertThat(dogFood).hasSize(3).allSatisfy((bag) -> assertThat(bag.name()).containsAnyOf("狗粮", "犬粮"));
		assertThat(query("shop.product", Map.of("item", "一台时光机"))).isEmpty();
	}

	@Test
	void shouldCountAnOptionWithTooFewLeftForTheAskedQuantityAsSoldOut() {
		// when: three bags of dog food; the cheapest shop has two
		List<Option> one = query("shop.product", Map.of("item", "dog food", "quantity", 1));
		List<Option> three = query("shop.product", Map.of("item", "dog food", "quantity", 3));

		// then
		assertThat(one).noneMatch(Option::soldOut);
		assertThat(three).filteredOn(Option::soldOut).singleElement().satisfies((bag) -> {
			assertThat(bag.available()).isEqualTo(2);
			assertThat(bag.wanted()).isEqualTo(3);
		});
		assertThat(fixture.registry.compare("shop.product", Map.of("item", "dog food", "quantity", 3), Ranking.PRICE)
			.best()).get().satisfies((best) -> assertThat(best.price()).isEqualByComparingTo("129"));
	}

	@Test
	void shouldForecastTheSameWeatherForTheSameCityAndDate() {
		// when
		Option first = query("weather.forecast", Map.of("destination", "杭州", "date", "2026-12-01")).get(0);
		Option again = query("weather.forecast", Map.of("destination", "Hangzhou", "date", "2026-12-01")).get(0);
		Option harbin = query("weather.forecast", Map.of("destination", "北京", "date", "2026-12-01")).get(0);
		Option summer = query("weather.forecast", Map.of("destination", "北京", "date", "2027-07-15")).get(0);

		// then
		assertThat(first.details()).isEqualTo(again.details());
		assertThat(first.details()).containsKeys("condition", "low_c", "high_c", "advice")
			.containsEntry("destination", "杭州")
			.containsEntry("date", "2026-12-01");
		assertThat((int) first.details().get("high_c")).isGreaterThan((int) first.details().get("low_c"));
		assertThat((int) summer.details().get("high_c")).isGreaterThan((int) harbin.details().get("high_c") + 10);
		assertThat((String) first.details().get("advice")).isNotBlank();
	}

	@Test
	void shouldRecommendFamilyFilms() {
		// when
		List<Option> family = query("video.content", Map.of("item", "适合全家一起看的电影"));

		// then
		assertThat(family).isNotEmpty()
			.allSatisfy((video) -> assertThat(video.details()).containsEntry("family_friendly", true)
				.containsKeys("title", "platform"));
		assertThat(family.get(0).rating()).isGreaterThanOrEqualTo(family.get(family.size() - 1).rating());
	}

	@Test
	void shouldAnswerTheLookUpsOfTheDevSet() {
		// given: what the dev set's errands look up, with the inputs a planner gives
		Map<String, Map<String, Object>> lookUps = new LinkedHashMap<>();
		lookUps.put("d02 travel.hotel", Map.of("destination", "杭州", "date", "2026-12-05", "budget", 5000));
		lookUps.put("d04 weather.forecast", Map.of("destination", "杭州", "date", "2026-12-01"));
		lookUps.put("d08 travel.hotel", Map.of("destination", "Shenzhen", "date", "2026-12-12", "nights", 3));
		lookUps.put("d10 shop.product", Map.of("item", "WH-1000XM5"));
		lookUps.put("d15 food.delivery", Map.of("item", "pizza", "party_size", 4, "time", "19:00"));
		lookUps.put("d16 travel.flight", Map.of("destination", "成都", "date", "2026-12-02", "budget", 3000));
		lookUps.put("d20 weather.forecast", Map.of("destination", "Beijing", "date", "2026-12-05"));
		lookUps.put("d21 travel.train",
				Map.of("origin", "上海", "destination", "苏州", "date", "2026-12-01", "quantity", 1));
		lookUps.put("d23 shop.product", Map.of("item", "电饭煲", "budget", 500));
		lookUps.put("d25 travel.hotel", Map.of("destination", "Xi'an", "party_size", 2, "date", "2026-12-12"));
		lookUps.put("d27 travel.flight", Map.of("origin", "北京", "destination", "广州", "date", "2026-12-20"));
		lookUps.put("d28 map.route", Map.of("origin", "Hangzhou", "destination", "Ningbo"));
		lookUps.put("d35 travel.hotel", Map.of("destination", "广州", "date", "2026-12-09", "item", "天河区的酒店"));
		lookUps.put("d36 map.poi", Map.of("destination", "上海", "date", "2026-12-05", "item", "展览"));
		lookUps.put("d37 travel.flight", Map.of("origin", "Shanghai", "destination", "Tokyo", "date", "2026-12-20"));
		lookUps.put("d40 shop.product", Map.of("item", "birthday cake", "budget", 300));

		// when / then
		lookUps.forEach((what, inputs) -> {
			String capability = what.substring(4);
			assertThat(fixture.registry.compare(capability, inputs, Ranking.PRICE).ranked()).as(what).isNotEmpty();
		});
	}

	private static BigDecimal price(List<Option> flights, String number) {
		return flights.stream()
			.filter((flight) -> number.equals(flight.details().get("flight_no")))
			.findFirst()
			.orElseThrow()
			.price();
	}

}
