package io.banshi.workflows.compiler;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.FlowNode;
import io.camunda.zeebe.model.bpmn.instance.SequenceFlow;
import io.camunda.zeebe.model.bpmn.instance.bpmndi.BpmnEdge;
import io.camunda.zeebe.model.bpmn.instance.bpmndi.BpmnShape;
import org.junit.jupiter.api.Test;

import io.banshi.workflows.catalog.CapabilityCatalog;
import io.banshi.workflows.offline.OfflinePlanner;
import io.banshi.workflows.plan.PlanOutcome;
import io.banshi.workflows.plan.PlanRequest;
import io.banshi.workflows.templates.TemplateMatch;
import io.banshi.workflows.templates.TemplateMatcher;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every plan the offline planner makes for the dev set (and its extra errands) compiles
 * into BPMN that passes Zeebe's design-time rules, with a shape for every flow node and
 * an edge for every sequence flow; a template found for one is a published one with every
 * required parameter filled.
 */
class DevSetCompileTest {

	private static final OffsetDateTime NOW = OffsetDateTime.parse("2026-11-30T09:00:00+08:00");

	private final CapabilityCatalog catalog = CapabilityCatalog.builtIn();

	private final OfflinePlanner planner = new OfflinePlanner(this.catalog);

	private final BpmnPlanCompiler compiler = new BpmnPlanCompiler();

	private final TemplateMatcher templates = TemplateMatcher.builtIn(this.catalog, this.compiler,
			ZoneId.of("Asia/Shanghai"));

	@Test
	void shouldCompileEveryDevSetPlanIntoBpmnTheEngineAccepts() throws IOException {
		// given
		List<JsonNode> errands = new ArrayList<>(read("eval/errands-dev.jsonl"));
		errands.addAll(read("offline/errands-extra.jsonl"));
		int planned = 0;

		for (JsonNode errand : errands) {
			String text = errand.path("text").asText();
			PlanOutcome outcome = this.planner.plan(PlanRequest.of(text, NOW, ZoneId.of("Asia/Shanghai")));
			if (!(outcome instanceof PlanOutcome.Planned plan)) {
				continue;
			}
			planned++;

			// when
			BpmnModelInstance model = this.compiler.compileModel(plan.plan(), "errand_" + errand.path("id").asText());
			List<TemplateMatch> match = this.templates.match(plan.plan()).stream().toList();

			// then
			assertThat(BpmnValidation.problems(model)).as(text).isEmpty();
			assertThat(ids(model.getModelElementsByType(BpmnShape.class)
				.stream()
				.map((shape) -> shape.getBpmnElement().getId())
				.toList())).as(text)
				.isEqualTo(ids(model.getModelElementsByType(FlowNode.class).stream().map(FlowNode::getId).toList()));
			assertThat(ids(model.getModelElementsByType(BpmnEdge.class)
				.stream()
				.map((edge) -> edge.getBpmnElement().getId())
				.toList())).as(text)
				.isEqualTo(ids(
						model.getModelElementsByType(SequenceFlow.class).stream().map(SequenceFlow::getId).toList()));
			match.forEach((found) -> assertThat(found.variables()).as(text).isNotEmpty());
		}
		assertThat(planned).isGreaterThan(errands.size() / 2);
	}

	private static String ids(List<String> ids) {
		return ids.stream().sorted().collect(Collectors.joining(","));
	}

	private static List<JsonNode> read(String resource) throws IOException {
		ObjectMapper json = new ObjectMapper();
		try (InputStream in = DevSetCompileTest.class.getClassLoader().getResourceAsStream(resource)) {
			assertThat(in).as(resource).isNotNull();
			List<JsonNode> lines = new ArrayList<>();
			for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
				if (!line.isBlank()) {
					lines.add(json.readTree(line));
				}
			}
			return lines;
		}
	}

}
