package io.banshi.workflows.templates;

import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.banshi.workflows.catalog.CapabilityCatalog;
import io.banshi.workflows.compiler.BpmnPlanCompiler;
import io.banshi.workflows.plan.Plan;
import io.banshi.workflows.plan.PlanStep;
import io.banshi.workflows.plan.StepKind;

import static org.assertj.core.api.Assertions.assertThat;

class TemplateMatcherTest {

	private final TemplateMatcher matcher = TemplateMatcher.builtIn(CapabilityCatalog.builtIn(), new BpmnPlanCompiler(),
			ZoneId.of("Asia/Shanghai"));

	static PlanStep step(String id, StepKind kind, String capability, String... dependsOn) {
		return new PlanStep(id, kind, capability, Map.of(), Arrays.asList(dependsOn));
	}

	@Test
	void shouldPickTheTripTemplateAndFillItsParameters() {
		// given: a specific capability name, and one confirm per order
		Plan plan = new Plan(
				Map.of("destination", "上海", "date", "2026-12-09", "budget", Map.of("amount", 5000), "party_size", "2"),
				List.of(step("s1", StepKind.QUERY, "travel.flight.search"), step("s2", StepKind.QUERY, "travel.hotel"),
						step("s3", StepKind.COMPARE, "travel.flight", "s1"),
						step("s4", StepKind.COMPARE, "travel.hotel", "s2"),
						step("s5", StepKind.ORDER, "travel.flight", "s3"),
						step("s6", StepKind.ORDER, "travel.hotel", "s4"),
						step("s7", StepKind.NOTIFY, "notify.message", "s5", "s6")));

		// when
		Optional<TemplateMatch> match = this.matcher.match(plan);

		// then
		assertThat(match).hasValueSatisfying((found) -> {
			assertThat(found.key()).isEqualTo("trip_with_budget");
			assertThat(found.processId()).isEqualTo("banshi_trip_with_budget");
			assertThat(found.variables()).containsEntry("destination", "上海")
				.containsEntry("date", "2026-12-09")
				.containsEntry("budget", 5000)
				.containsEntry("party_size", 2L)
				.containsEntry("origin", null);
		});
	}

	@Test
	void shouldPickTheReminderTemplateWithTheMomentInTheErrandsZone() {
		// given
		Plan plan = new Plan(Map.of("remind_at", "2026-12-01T08:00", "remind_text", "带充电器"),
				List.of(step("s1", StepKind.REMIND, null)));

		// when
		Optional<TemplateMatch> match = this.matcher.match(plan);

		// then
		assertThat(match).hasValueSatisfying((found) -> {
			assertThat(found.key()).isEqualTo("reminder");
			assertThat(found.variables()).containsEntry("remind_at", "2026-12-01T08:00:00+08:00")
				.containsEntry("remind_text", "带充电器");
		});
	}

	@Test
	void shouldNotPickTheOnceReminderForARepeatingOne() {
		// given
		Plan plan = new Plan(Map.of("remind_at", "2026-12-01T08:00", "remind_text", "喝水", "repeat", "daily"),
				List.of(step("s1", StepKind.REMIND, null)));

		// when / then
		assertThat(this.matcher.match(plan)).isEmpty();
	}

	@Test
	void shouldNotPickATemplateWhenARequiredParameterIsMissing() {
		// given: buying needs the item
		Plan plan = new Plan(Map.of("quantity", 2), List.of(step("s1", StepKind.QUERY, "shop.product"),
				step("s2", StepKind.COMPARE, "shop.product", "s1"), step("s3", StepKind.ORDER, "shop.product", "s2")));

		// when / then
		assertThat(this.matcher.match(plan)).isEmpty();
	}

	@Test
	void shouldNotPickATemplateThatLeavesOutAStep() {
		// given: the template tells the person when it is done; this plan does not
		Plan plan = new Plan(Map.of("item", "农夫山泉", "quantity", 2), List.of(step("s1", StepKind.QUERY, "shop.product"),
				step("s2", StepKind.COMPARE, "shop.product", "s1"), step("s3", StepKind.ORDER, "shop.product", "s2")));

		// when / then
		assertThat(this.matcher.match(plan)).isEmpty();
	}

	@Test
	void shouldNotPickATemplateThatDoesOtherSteps() {
		// given: asked only to compare, the plan must not become a purchase
		Plan plan = new Plan(Map.of("item", "农夫山泉"), List.of(step("s1", StepKind.QUERY, "shop.product"),
				step("s2", StepKind.COMPARE, "shop.product", "s1")));

		// when / then
		assertThat(this.matcher.match(plan)).isEmpty();
	}

	@Test
	void shouldPickBuyingWhenTheConfirmIsLeftToTheCompiler() {
		// given
		Plan plan = new Plan(Map.of("item", "农夫山泉", "quantity", 2),
				List.of(step("s1", StepKind.QUERY, "shop.product"), step("s2", StepKind.COMPARE, "shop.product", "s1"),
						step("s3", StepKind.ORDER, "shop.product", "s2"), step("s4", StepKind.NOTIFY, null, "s3")));

		// when
		Optional<TemplateMatch> match = this.matcher.match(plan);

		// then
		assertThat(match).map(TemplateMatch::key).hasValue("buy_after_compare");
		assertThat(match.get().variables()).containsEntry("item", "农夫山泉")
			.containsEntry("quantity", 2L)
			.containsEntry("budget", null);
	}

}
