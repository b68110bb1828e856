package io.banshi.workflows.validation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.banshi.workflows.catalog.CapabilityCatalog;
import io.banshi.workflows.plan.StepKind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JSON Schema of a plan says what the plan model and the evaluation contract say.
 */
class PlanSchemaTest {

	private final JsonNode schema = new PlanValidator(CapabilityCatalog.builtIn()).schema();

	@Test
	void shouldListExactlyTheStepKinds() {
		// when
		List<String> kinds = new ArrayList<>();
		this.schema.at("/$defs/step/properties/kind/enum").forEach((kind) -> kinds.add(kind.asText()));

		// then
		assertThat(kinds)
			.containsExactlyInAnyOrderElementsOf(Arrays.stream(StepKind.values()).map(StepKind::jobType).toList());
	}

	@Test
	void shouldDescribeEverySlotOfTheVocabulary() {
		// when
		JsonNode slots = this.schema.at("/$defs/slots/properties");

		// then
		assertThat(slots.has("origin") && slots.has("destination") && slots.has("date") && slots.has("time")
				&& slots.has("nights") && slots.has("party_size") && slots.has("quantity") && slots.has("budget")
				&& slots.has("amount") && slots.has("item") && slots.has("remind_at") && slots.has("remind_text")
				&& slots.has("repeat"))
			.isTrue();
	}

	@Test
	void shouldAcceptEveryCatalogCapabilityName() {
		// given
		String pattern = this.schema.at("/$defs/step/properties/capability/pattern").asText();

		// then
		assertThat(CapabilityCatalog.builtIn().all())
			.allSatisfy((capability) -> assertThat(capability.name()).matches(pattern));
	}

}
