package io.banshi.engine.spring;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

class EngineEnvironmentDefaultsTest {

	@Test
	void shouldPointTheCamundaClientAtTheEmbeddedGateway() {
		// given
		StandardEnvironment environment = environment(Map.of());

		// when
		new EngineEnvironmentDefaults().postProcessEnvironment(environment, new SpringApplication());

		// then
		assertThat(environment.getProperty("camunda.client.grpc-address")).isEqualTo("http://127.0.0.1:26500");
		assertThat(environment.getProperty("camunda.client.prefer-rest-over-grpc")).isEqualTo("false");
	}

	@Test
	void shouldChooseOneFreePortForGatewayAndClientWhenTheWebPortIsRandom() {
		// given
		StandardEnvironment environment = environment(Map.of("server.port", "0"));

		// when
		new EngineEnvironmentDefaults().postProcessEnvironment(environment, new SpringApplication());

		// then
		String port = environment.getProperty("engine.gateway.port");
		assertThat(port).isNotEqualTo("26500").isNotEqualTo("0");
		assertThat(environment.getProperty("camunda.client.grpc-address")).isEqualTo("http://127.0.0.1:" + port);
	}

	@Test
	void shouldLeaveTheApplicationsOwnSettingsAndExternalEnginesAlone() {
		// given
		StandardEnvironment own = environment(Map.of("camunda.client.grpc-address", "http://zeebe:26500",
				"camunda.client.prefer-rest-over-grpc", "true"));
		StandardEnvironment external = environment(Map.of("engine.embedded", "false"));

		// when
		new EngineEnvironmentDefaults().postProcessEnvironment(own, new SpringApplication());
		new EngineEnvironmentDefaults().postProcessEnvironment(external, new SpringApplication());

		// then
		assertThat(own.getProperty("camunda.client.grpc-address")).isEqualTo("http://zeebe:26500");
		assertThat(own.getProperty("camunda.client.prefer-rest-over-grpc")).isEqualTo("true");
		assertThat(external.containsProperty("camunda.client.grpc-address")).isFalse();
	}

	private static StandardEnvironment environment(Map<String, Object> properties) {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
		return environment;
	}

}
