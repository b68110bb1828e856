package io.banshi.admin.errands;

import javax.sql.DataSource;

import io.banshi.db.TestDatabase;
import io.banshi.workers.jobs.StepWorkers;
import io.camunda.client.CamundaClient;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application with no engine: not embedded and no Camunda client configured. It
 * starts cleanly, runs no job workers, and says so when asked to run an errand.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "engine.embedded=false", "camunda.client.enabled=false" })
class ErrandsWithoutEngineTest {

	@LocalServerPort
	int port;

	@Autowired
	DataSource dataSource;

	@Autowired
	ObjectProvider<CamundaClient> clients;

	@Autowired
	StepWorkers workers;

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestDatabase.create("noengine").springProperties().forEach((key, value) -> registry.add(key, () -> value));
		registry.add("banshi.admin-password", () -> "s3cret-for-no-engine-tests");
	}

	@Test
	void shouldStartWithoutWorkersAndRefuseToRunErrands() throws Exception {
		// given
		ErrandApiClient.accounts(this.dataSource, "USER", "erin");

		// when
		ErrandApiClient.Answer answer = new ErrandApiClient(this.port).create("erin", "杭州明天天气怎么样?");

		// then
		assertThat(this.clients.getIfAvailable()).isNull();
		assertThat(this.workers.isRunning()).isFalse();
		assertThat(answer.status()).isEqualTo(503);
		assertThat(answer.json().path("error").asText()).isEqualTo("no_engine");
		assertThat(new ErrandApiClient(this.port).send("erin", "GET", "/api/inbox", null).status()).isEqualTo(200);
	}

}
