package io.banshi.workflows.compiler;

import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.feel.api.EvaluationResult;
import org.camunda.feel.api.FeelEngineApi;
import org.camunda.feel.api.FeelEngineBuilder;
import org.camunda.feel.api.ParseResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.banshi.workflows.plan.Plan;
import io.banshi.workflows.plan.PlanStep;
import io.banshi.workflows.plan.StepKind;
import io.banshi.workflows.templates.BuiltInTemplates;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every FEEL expression the compiler and the built-in templates write parses with the
 * FEEL engine Zeebe uses, and the ones the process depends on evaluate as intended.
 */
class FeelExpressionsTest {

	/**
	 * Attribute values and element texts that hold an expression (they start with '=').
	 */
	private static final Pattern EXPRESSION = Pattern.compile("(?:=\"(=[^\"]*)\")|(?:>(=[^<]*)<)");

	private final FeelEngineApi feel = FeelEngineBuilder.create().build();

	private final BpmnPlanCompiler compiler = new BpmnPlanCompiler();

	static List<String> documents() {
		return List.copyOf(BpmnPlanCompilerTest.shapes().keySet());
	}

	@ParameterizedTest
	@MethodSource("documents")
	void shouldWriteExpressionsThatParse(String shape) {
		// given
		String xml = this.compiler.compile(BpmnPlanCompilerTest.shapes().get(shape), "errand_feel").bpmnXml();

		// when
		List<String> expressions = expressions(xml);

		// then
		assertThat(expressions).allSatisfy(this::assertParses);
	}

	@Test
	void shouldShipTemplatesWhoseExpressionsParse() {
		for (BuiltInTemplates.BuiltIn template : BuiltInTemplates.load()) {
			assertThat(expressions(template.bpmn())).as(template.descriptor().key())
				.isNotEmpty()
				.allSatisfy(this::assertParses);
		}
	}

	@Test
	void shouldKeepLiteralInputsLiteral() {
		// given: a value that would be code if it were not quoted
		Plan plan = new Plan(Map.of(), List.of(new PlanStep("s1", StepKind.QUERY, "shop.product",
				Map.of("item", "a\" + string length(\"x\") + \"\\b\nc"), List.of())));
		String source = BpmnPlanCompilerTest
			.inputs(BpmnPlanCompilerTest.read(this.compiler.compile(plan, "errand_literal").bpmnXml())
				.getModelElementById("s1"))
			.get("item");

		// when
		EvaluationResult result = this.feel.evaluateExpression(source.substring(1), Map.of());

		// then
		assertThat(result.isSuccess()).isTrue();
		assertThat(result.result()).isEqualTo("a\" + string length(\"x\") + \"\\b\nc");
	}

	@Test
	void shouldDeclineOnlyWhenTheConfirmationSaysSo() {
		// given
		String declined = "confirmation.declined = true";

		// when / then: a missing confirmation must not count as declined, nor fail
		assertThat(evaluate(declined, Map.of("confirmation", Map.of("declined", true)))).isEqualTo(true);
		assertThat(evaluate(declined, Map.of("confirmation", Map.of("option", 1)))).isEqualTo(false);
		assertThat(evaluate(declined, Map.of())).isEqualTo(false);
	}

	@Test
	void shouldReadTheReminderMomentInItsZone() {
		// given
		String timer = "date and time(\"2026-12-01T08:00:00@Asia/Shanghai\")";
		String template = "date and time(remind_at)";

		// when
		Object compiled = evaluate(timer, Map.of());
		Object filled = evaluate(template, Map.of("remind_at", "2026-12-01T08:00:00+08:00"));

		// then
		assertThat(compiled).isInstanceOf(ZonedDateTime.class);
		assertThat(((ZonedDateTime) compiled).toInstant())
			.isEqualTo(ZonedDateTime.parse("2026-12-01T00:00:00Z").toInstant());
		assertThat(((ZonedDateTime) filled).toInstant()).isEqualTo(((ZonedDateTime) compiled).toInstant());
	}

	private Object evaluate(String expression, Map<String, Object> variables) {
		EvaluationResult result = this.feel.evaluateExpression(expression, variables);
		assertThat(result.isSuccess()).as("%s: %s", expression, result.isSuccess() ? "" : result.failure()).isTrue();
		return result.result();
	}

	private void assertParses(String expression) {
		ParseResult parsed = this.feel.parseExpression(expression.substring(1));
		assertThat(parsed.isSuccess()).as("%s: %s", expression, parsed.isSuccess() ? "" : parsed.failure()).isTrue();
	}

	private static List<String> expressions(String xml) {
		List<String> found = new ArrayList<>();
		Matcher matcher = EXPRESSION.matcher(xml);
		while (matcher.find()) {
			String expression = (matcher.group(1) != null) ? matcher.group(1) : matcher.group(2);
			found.add(
					expression.replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&"));
		}
		return found;
	}

}
