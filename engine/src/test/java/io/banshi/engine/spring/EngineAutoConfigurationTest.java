package io.banshi.engine.spring;

import java.net.URI;

import io.banshi.db.TestDatabase;
import io.banshi.engine.BanshiEngine;
import io.banshi.engine.query.EngineQueries;
import io.camunda.client.CamundaClient;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

class EngineAutoConfigurationTest {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, FlywayAutoConfiguration.class,
				EngineAutoConfiguration.class, EngineQueriesAutoConfiguration.class));

	@Test
	void shouldStartTheEmbeddedEngineOnTheApplicationsDataSource() {
		TestDatabase database = TestDatabase.create("autoconfig");
		this.runner.withPropertyValues(properties(database, "engine.gateway.port=0")).run((context) -> {
			// then
			assertThat(context).hasSingleBean(BanshiEngine.class).hasSingleBean(EngineQueries.class);
			int port = context.getBean(BanshiEngine.class).port();
			try (CamundaClient client = CamundaClient.newClientBuilder()
				.grpcAddress(URI.create("http://127.0.0.1:" + port))
				.preferRestOverGrpc(false)
				.build()) {
				assertThat(client.newTopologyRequest().send().join().getPartitionsCount()).isEqualTo(1);
			}
		});
	}

	@Test
	void shouldTakeAFreeGatewayPortWhenTheWebServerPortIsRandom() {
		TestDatabase database = TestDatabase.create("autoconfig_random");
		this.runner.withPropertyValues(properties(database, "server.port=0")).run((context) -> {
			int port = context.getBean(BanshiEngine.class).port();
			assertThat(port).isNotEqualTo(26500).isPositive();
			assertThat(context.getEnvironment().getProperty(EngineAutoConfiguration.LOCAL_PORT_PROPERTY, Integer.class))
				.isEqualTo(port);
		});
	}

	@Test
	void shouldNotStartTheEngineWhenEmbeddedIsFalse() {
		TestDatabase database = TestDatabase.create("autoconfig_off");
		this.runner.withPropertyValues(properties(database, "engine.embedded=false"))
			.run((context) -> assertThat(context).doesNotHaveBean(BanshiEngine.class)
				.hasSingleBean(EngineQueries.class));
	}

	private static String[] properties(TestDatabase database, String extra) {
		return new String[] { "spring.datasource.url=" + database.url(),
				"spring.datasource.username=" + database.username(),
				"spring.datasource.password=" + database.password(), extra };
	}

}
