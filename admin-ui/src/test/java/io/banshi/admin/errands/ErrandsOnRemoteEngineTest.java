package io.banshi.admin.errands;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;
import io.banshi.db.TestDatabase;
import io.banshi.engine.BanshiEngine;
import io.banshi.engine.query.EngineQueries;
import io.banshi.engine.query.QueryFilter;
import io.banshi.engine.testing.TestEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application as it runs against a Camunda 8 cluster ({@code engine.embedded=false}):
 * the engine is another process's, on its own database, reached only through the Camunda
 * client's gRPC settings, so the application cannot read the engine's tables. Errands
 * still end, because their process's end listener tells the workers.
 */
// Declared before @SpringBootTest, so JUnit runs its afterAll after Spring's: the
// application (its client and workers) is closed while the engine still answers; a
// Camunda client closed after its gateway went away waits on its job streams.
@ExtendWith(ErrandsOnRemoteEngineTest.StopRemoteEngine.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class ErrandsOnRemoteEngineTest {

	private static TestEngine remote;

	@LocalServerPort
	int port;

	@Autowired
	DataSource dataSource;

	@Autowired
	ObjectProvider<BanshiEngine> embedded;

	@Autowired
	ObjectProvider<EngineQueries> queries;

	private ErrandApiClient api;

	@DynamicPropertySource
	static void engineElsewhere(DynamicPropertyRegistry registry) {
		remote = TestEngine.start("remote");
		TestDatabase.create("errandsremote").springProperties().forEach((key, value) -> registry.add(key, () -> value));
		registry.add("banshi.admin-password", () -> "s3cret-for-remote-engine-tests");
		registry.add("engine.embedded", () -> "false");
		registry.add("camunda.client.grpc-address", () -> "http://127.0.0.1:" + remote.port());
		registry.add("camunda.client.prefer-rest-over-grpc", () -> "false");
	}

	static final class StopRemoteEngine implements AfterAllCallback {

		@Override
		public void afterAll(ExtensionContext extension) {
			if (remote != null) {
				remote.close();
			}
		}

	}

	@BeforeEach
	void accounts() {
		ErrandApiClient.accounts(this.dataSource, "USER", "rita");
		this.api = new ErrandApiClient(this.port);
	}

	@Test
	void shouldCompleteAnErrandLearningItsEndFromTheEndListener() throws Exception {
		// given: no engine in this application; whatever it reads of engine tables is its
		// own, empty database's
		assertThat(this.embedded.getIfAvailable()).isNull();

		// when: 杭州明天天气怎么样? runs on the remote engine
		ErrandApiClient.Answer created = this.api.create("rita", "杭州明天天气怎么样?");
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		String id = created.json().path("id").asText();
		long processInstanceKey = created.json().path("processInstanceKey").asLong();
		JsonNode errand = this.api.awaitErrand("rita", id, (e) -> e.path("status").asText().equals("completed"));

		// then: the status came from the listener's worker, not from engine tables
		assertThat(errand.path("results").size()).isPositive();
		assertThat(visibleInstances(processInstanceKey)).isZero();
		assertThat(remote.engine()
			.queries()
			.processInstances(QueryFilter.any().withProcessInstanceKey(processInstanceKey), 0, 1)
			.items()).singleElement().satisfies((instance) -> assertThat(instance.state()).isEqualTo("COMPLETED"));
	}

	@Test
	void shouldMarkAnErrandFailedWhenABusinessErrorStoppedIt() throws Exception {
		// when: no rice cooker costs 50 CNY or less
		ErrandApiClient.Answer created = this.api.create("rita", "帮我在淘宝上找一款50元以内的电饭煲");
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		String id = created.json().path("id").asText();
		JsonNode errand = this.api.awaitErrand("rita", id, (e) -> e.path("status").asText().equals("failed"));

		// then
		assertThat(errand.at("/results/error/code").asText()).isEqualTo("OVER_BUDGET");
		assertThat(visibleInstances(created.json().path("processInstanceKey").asLong())).isZero();
	}

	/** What the application itself could read about an instance. */
	private long visibleInstances(long processInstanceKey) {
		EngineQueries local = this.queries.getIfAvailable();
		return (local != null)
				? local.processInstances(QueryFilter.any().withProcessInstanceKey(processInstanceKey), 0, 1).total()
				: 0;
	}

}
