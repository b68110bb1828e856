package io.banshi.workflows.validation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.banshi.workflows.catalog.CapabilityCatalog;
import io.banshi.workflows.plan.Plan;
import io.banshi.workflows.plan.PlanStep;
import io.banshi.workflows.plan.StepKind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PlanValidatorTest {

	private final PlanValidator validator = new PlanValidator(CapabilityCatalog.builtIn());

	@Test
	void shouldAcceptAPlanThatKeepsEveryRule() {
		// given
		Plan plan = flightPlan();

		// when
		List<PlanViolation> violations = this.validator.validate(plan);

		// then
		assertThat(violations).isEmpty();
		assertThat(this.validator.check(plan)).isSameAs(plan);
	}

	@Test
	void shouldRejectAnOrderWithoutAConfirmBeforeIt() {
		// given
		Plan plan = new Plan(Map.of(), List.of(step("s1", StepKind.QUERY, "shop.product", Map.of("item", "水")),
				step("s2", StepKind.ORDER, "shop.product", Map.of("item", "水"), "s1")));

		// when
		List<PlanViolation> violations = this.validator.validate(plan);

		// then
		assertThat(violations).extracting(PlanViolation::path).containsExactly("steps[1].dependsOn");
		assertThat(violations.get(0).message()).contains("confirm");
	}

	@Test
	void shouldRejectDependenciesOnStepsThatDoNotExistOrOnItself() {
		// given
		Plan plan = new Plan(Map.of(),
				List.of(step("s1", StepKind.QUERY, "weather.forecast", Map.of("destination", "杭州"), "s9"),
						step("s2", StepKind.NOTIFY, "notify.message", Map.of(), "s2")));

		// when
		List<PlanViolation> violations = this.validator.validate(plan);

		// then
		assertThat(violations).extracting(PlanViolation::path)
			.contains("steps[0].dependsOn[0]", "steps[1].dependsOn[0]");
	}

	@Test
	void shouldRejectACycleAndSayWhereItIs() {
		// given
		Plan plan = new Plan(Map.of(),
				List.of(step("a", StepKind.QUERY, "weather.forecast", Map.of("destination", "杭州"), "c"),
						step("b", StepKind.COMPARE, "weather.forecast", Map.of(), "a"),
						step("c", StepKind.NOTIFY, "notify.message", Map.of(), "b")));

		// when
		List<PlanViolation> violations = this.validator.validate(plan);

		// then
		assertThat(violations).hasSize(1);
		assertThat(violations.get(0).message()).contains("cycle").contains("a").contains("b").contains("c");
	}

	@Test
	void shouldRejectUnknownCapabilitiesAndOrdersOfReadOnlyOnes() {
		// given
		Plan plan = new Plan(Map.of(),
				List.of(step("s1", StepKind.QUERY, "teleport.instant", Map.of()),
						step("s2", StepKind.CONFIRM, "weather.forecast", Map.of()),
						step("s3", StepKind.ORDER, "weather.forecast", Map.of("destination", "杭州"), "s2")));

		// when
		List<PlanViolation> violations = this.validator.validate(plan);

		// then
		assertThat(violations).extracting(PlanViolation::toString)
			.anyMatch((v) -> v.startsWith("steps[0].capability") && v.contains("not in the capability catalog"))
			.anyMatch((v) -> v.startsWith("steps[2].capability") && v.contains("read-only"));
	}

	@Test
	void shouldAcceptAMoreSpecificCapability() {
		// given
		Plan plan = new Plan(Map.of(), List
			.of(step("s1", StepKind.QUERY, "travel.flight.search", Map.of("destination", "上海", "date", "2026-12-09"))));

		// when
		List<PlanViolation> violations = this.validator.validate(plan);

		// then
		assertThat(violations).isEmpty();
	}

	@Test
	void shouldCheckInputsAgainstTheCapabilitysInputSchema() {
		// given
		Plan plan = new Plan(Map.of(),
				List.of(step("s1", StepKind.QUERY, "travel.hotel",
						Map.of("destination", "杭州", "date", "next friday", "nights", "three")),
						step("s2", StepKind.CONFIRM, "travel.hotel", Map.of(), "s1"),
						step("s3", StepKind.ORDER, "travel.hotel", Map.of("date", "2026-12-05"), "s2")));

		// when
		List<PlanViolation> violations = this.validator.validate(plan);

		// then
		assertThat(violations).extracting(PlanViolation::path)
			.containsExactlyInAnyOrder("steps[0].inputs.date", "steps[0].inputs.nights", "steps[2].inputs.destination");
	}

	@Test
	void shouldTakeFeelExpressionsAsTheyAre() {
		// given
		Plan plan = new Plan(Map.of(), List.of(step("s1", StepKind.QUERY, "shop.product", Map.of("item", "水")),
				step("s2", StepKind.CONFIRM, "shop.product", Map.of(), "s1"),
				step("s3", StepKind.ORDER, "shop.product", Map.of("item", "=selected.name", "quantity", "=2"), "s2")));

		// when
		List<PlanViolation> violations = this.validator.validate(plan);

		// then
		assertThat(violations).isEmpty();
	}

	@Test
	void shouldLetASearchInAConsequentialCapabilityBeBroad() {
		// given: "what did I spend this month" has no amount, which a ledger entry
		// requires
		Plan plan = new Plan(Map.of(), List.of(step("s1", StepKind.QUERY, "finance.ledger", Map.of())));

		// when
		List<PlanViolation> violations = this.validator.validate(plan);

		// then
		assertThat(violations).isEmpty();
	}

	@Test
	void shouldRequireTheInputsOfAReadOnlyQuery() {
		// given
		Plan plan = new Plan(Map.of(), List.of(step("s1", StepKind.QUERY, "weather.forecast", Map.of())));

		// when
		List<PlanViolation> violations = this.validator.validate(plan);

		// then
		assertThat(violations).extracting(PlanViolation::path).containsExactly("steps[0].inputs.destination");
	}

	@Test
	void shouldCheckSlotsAndStepShapesAgainstThePlanSchema() {
		// given
		Map<String, Object> slots = new LinkedHashMap<>();
		slots.put("date", "2026-13-45");
		slots.put("time", "7pm");
		slots.put("repeat", "hourly");
		slots.put("party_size", 0);
		slots.put("budget", Map.of("amount", 300, "currency", "CNY"));
		slots.put("remind_at", "2026-12-01 20:00");
		Plan plan = new Plan(slots, List.of(step("1st step", StepKind.REMIND, null, Map.of())));

		// when
		List<PlanViolation> violations = this.validator.validate(plan);

		// then
		assertThat(violations).extracting(PlanViolation::path)
			.containsExactlyInAnyOrder("slots.date", "slots.time", "slots.repeat", "slots.party_size",
					"slots.remind_at", "steps[0].id");
	}

	@Test
	void shouldRejectAPlanWithNoStepsOrDuplicateIdsOrMissingKinds() {
		// given
		Plan empty = new Plan(Map.of(), List.of());
		Plan duplicate = new Plan(Map.of(), List.of(step("s1", StepKind.NOTIFY, "notify.message", Map.of()),
				step("s1", StepKind.NOTIFY, "notify.message", Map.of())));
		Plan noKind = new Plan(Map.of(), List.of(new PlanStep("s1", null, "notify.message", Map.of(), List.of())));

		// then
		assertThat(this.validator.validate(empty)).extracting(PlanViolation::path).containsExactly("steps");
		assertThat(this.validator.validate(duplicate)).extracting(PlanViolation::path).containsExactly("steps[1].id");
		assertThat(this.validator.validate(noKind)).extracting(PlanViolation::path).containsExactly("steps[0].kind");
	}

	@Test
	void shouldThrowWithEveryViolationWhenAskedToCheck() {
		// given
		Plan plan = new Plan(Map.of(), List.of(step("s1", StepKind.ORDER, "shop.product", Map.of())));

		// then
		assertThatThrownBy(() -> this.validator.check(plan)).isInstanceOfSatisfying(InvalidPlanException.class,
				(ex) -> assertThat(ex.violations()).hasSize(2));
	}

	private static Plan flightPlan() {
		Map<String, Object> flight = Map.of("destination", "上海", "date", "2026-12-09");
		return new Plan(Map.of("destination", "上海", "date", "2026-12-09", "remind_at", "2026-12-09T08:00"),
				List.of(step("s1", StepKind.QUERY, "travel.flight", flight),
						step("s2", StepKind.COMPARE, "travel.flight", Map.of("by", "price"), "s1"),
						step("s3", StepKind.CONFIRM, "travel.flight", Map.of(), "s2"),
						step("s4", StepKind.ORDER, "travel.flight", flight, "s3"),
						step("s5", StepKind.NOTIFY, "notify.message", Map.of("text", "done"), "s4"),
						step("s6", StepKind.REMIND, null, Map.of("remind_text", "带充电器"), "s5")));
	}

	private static PlanStep step(String id, StepKind kind, String capability, Map<String, Object> inputs,
			String... dependsOn) {
		return new PlanStep(id, kind, capability, inputs, new ArrayList<>(List.of(dependsOn)));
	}

}
