package io.banshi.workflows.compiler;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.banshi.engine.testing.TestEngine;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.DeploymentEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.banshi.workflows.catalog.CapabilityCatalog;
import io.banshi.workflows.offline.OfflinePlanner;
import io.banshi.workflows.plan.PlanOutcome;
import io.banshi.workflows.plan.PlanRequest;
import io.banshi.workflows.templates.TemplateMatch;
import io.banshi.workflows.templates.TemplateMatcher;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every plan the offline planner makes for the dev set compiles into BPMN that the
 * running engine deploys without error, through the Camunda client, and so does every
 * template a plan picks. (The engine's test harness is test scope only: the planner
 * itself never imports the engine.)
 */
class DevSetDeployTest {

	private static final OffsetDateTime NOW = OffsetDateTime.parse("2026-11-30T09:00:00+08:00");

	private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	private static TestEngine engine;

	private static CamundaClient client;

	private final CapabilityCatalog catalog = CapabilityCatalog.builtIn();

	private final OfflinePlanner planner = new OfflinePlanner(this.catalog);

	private final BpmnPlanCompiler compiler = new BpmnPlanCompiler();

	private final TemplateMatcher templates = TemplateMatcher.builtIn(this.catalog, this.compiler, ZONE);

	@BeforeAll
	static void startEngine() {
		engine = TestEngine.start("devset_deploy");
		client = engine.newClient();
	}

	@AfterAll
	static void stopEngine() {
		client.close();
		engine.close();
	}

	@Test
	void shouldDeployEveryDevSetPlanAndTemplateOnTheEngine() throws IOException {
		// given
		List<JsonNode> errands = read("eval/errands-dev.jsonl");
		int deployed = 0;
		int templatesDeployed = 0;

		for (JsonNode errand : errands) {
			PlanOutcome outcome = this.planner.plan(PlanRequest.of(errand.path("text").asText(), NOW, ZONE));
			if (!(outcome instanceof PlanOutcome.Planned planned)) {
				continue;
			}
			String processId = "errand_" + errand.path("id").asText();

			// when
			String xml = this.compiler.compile(planned.plan(), processId).bpmnXml();
			DeploymentEvent deployment = client.newDeployResourceCommand()
				.addResourceStringUtf8(xml, processId + ".bpmn")
				.send()
				.join();

			// then
			assertThat(deployment.getProcesses()).as(errand.path("text").asText())
				.singleElement()
				.satisfies((process) -> assertThat(process.getBpmnProcessId()).isEqualTo(processId));
			deployed++;
			for (TemplateMatch template : this.templates.match(planned.plan()).stream().toList()) {
				DeploymentEvent templateDeployment = client.newDeployResourceCommand()
					.addResourceStringUtf8(template.bpmnXml(), template.key() + ".bpmn")
					.send()
					.join();
				assertThat(templateDeployment.getProcesses()).extracting((process) -> process.getBpmnProcessId())
					.containsExactly(template.processId());
				templatesDeployed++;
			}
		}
		assertThat(deployed).as("dev-set errands that are plans").isGreaterThanOrEqualTo(35);
		assertThat(templatesDeployed).as("plans that picked a template").isPositive();
	}

	private static List<JsonNode> read(String resource) throws IOException {
		ObjectMapper json = new ObjectMapper();
		List<JsonNode> result = new ArrayList<>();
		try (InputStream in = DevSetDeployTest.class.getClassLoader().getResourceAsStream(resource);
				BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				if (!line.isBlank()) {
					result.add(json.readTree(line));
				}
			}
		}
		return result;
	}

}
