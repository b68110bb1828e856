package io.banshi.engine.spring;

import java.net.URI;

import io.banshi.db.TestDatabase;
import io.banshi.engine.BanshiEngine;
import io.banshi.engine.testing.Bpmns;
import io.camunda.client.CamundaClient;
import io.camunda.zeebe.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;

import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

class StandaloneEngineTest {

	@Test
	void shouldMigrateAnEmptyDatabaseAndServeClients() {
		// given
		TestDatabase database = TestDatabase.create("standalone");

		// when
		try (ConfigurableApplicationContext context = StandaloneEngine.start(
				"--spring.datasource.url=" + database.url(), "--spring.datasource.username=" + database.username(),
				"--spring.datasource.password=" + database.password(), "--engine.gateway.port=0");
				CamundaClient client = CamundaClient.newClientBuilder()
					.grpcAddress(URI.create("http://127.0.0.1:" + context.getBean(BanshiEngine.class).port()))
					.preferRestOverGrpc(false)
					.build()) {
			// then
			String id = Bpmns.randomId();
			Bpmns.deploy(client, Bpmn.createExecutableProcess(id).startEvent().endEvent().done());
			assertThat(client.newCreateInstanceCommand()
				.bpmnProcessId(id)
				.latestVersion()
				.withResult()
				.send()
				.join()
				.getBpmnProcessId()).isEqualTo(id);
		}
	}

}
