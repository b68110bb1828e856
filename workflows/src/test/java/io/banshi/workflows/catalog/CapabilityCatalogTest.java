package io.banshi.workflows.catalog;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class CapabilityCatalogTest {

	private final CapabilityCatalog catalog = CapabilityCatalog.builtIn();

	@Test
	void shouldHoldEveryCapabilityOfTheVocabulary() {
		assertThat(this.catalog.all()).extracting(Capability::name)
			.containsExactlyInAnyOrder("travel.flight", "travel.train", "travel.hotel", "map.route", "map.poi",
					"food.restaurant", "food.delivery", "shop.product", "calendar.event", "weather.forecast",
					"video.content", "finance.ledger", "notify.message");
		assertThat(this.catalog.all()).allSatisfy((capability) -> {
			assertThat(capability.descriptionZh()).isNotBlank();
			assertThat(capability.descriptionEn()).isNotBlank();
			assertThat(capability.input().path("type").asText()).isEqualTo("object");
		});
	}

	@Test
	void shouldFindTheCapabilityAMoreSpecificNameFallsUnder() {
		assertThat(this.catalog.find("travel.flight.search")).map(Capability::name).hasValue("travel.flight");
		assertThat(this.catalog.find("travel.flights")).isEmpty();
		assertThat(this.catalog.find("weather.forecast").orElseThrow().consequential()).isFalse();
		assertThat(this.catalog.find("shop.product").orElseThrow().consequential()).isTrue();
	}

	@Test
	void shouldRefuseToRegisterACapabilityTwice() {
		Capability weather = this.catalog.find("weather.forecast").orElseThrow();
		assertThatIllegalArgumentException().isThrownBy(() -> this.catalog.register(weather))
			.withMessageContaining("weather.forecast");
	}

}
