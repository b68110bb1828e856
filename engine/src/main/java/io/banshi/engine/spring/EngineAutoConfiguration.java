package io.banshi.engine.spring;

import java.util.Map;

import javax.sql.DataSource;

import io.banshi.engine.BanshiEngine;
import io.banshi.engine.EngineConfiguration;
import io.banshi.engine.query.EngineQueries;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationInitializer;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Starts the embedded engine on the application's DataSource when
 * {@code engine.embedded=true} (the default): the gRPC gateway on
 * {@code engine.gateway.host}:{@code engine.gateway.port} (127.0.0.1:26500). The
 * application's Flyway migration runs first. With {@code engine.embedded=false} nothing
 * starts and the application's Camunda client talks to whatever cluster it is configured
 * for. The port in use is published as {@value #LOCAL_PORT_PROPERTY}.
 */
@AutoConfiguration(after = { DataSourceAutoConfiguration.class, FlywayAutoConfiguration.class })
@ConditionalOnProperty(prefix = "engine", name = "embedded", havingValue = "true", matchIfMissing = true)
@ConditionalOnBean(DataSource.class)
@EnableConfigurationProperties(EngineProperties.class)
public class EngineAutoConfiguration {

	/** The property that tells the application which port the gateway listens on. */
	public static final String LOCAL_PORT_PROPERTY = "local.engine.gateway.port";

	/**
	 * The running engine; closed with the application context.
	 * @param dataSource the application's database
	 * @param properties the engine settings
	 * @param migrations the Flyway migration, when Flyway runs in this application
	 * @param environment the environment, to publish the port in use
	 * @return the engine
	 */
	@Bean(destroyMethod = "close")
	@ConditionalOnMissingBean
	public BanshiEngine banshiEngine(DataSource dataSource, EngineProperties properties,
			ObjectProvider<FlywayMigrationInitializer> migrations, ConfigurableEnvironment environment) {
		// Resolving the initializer makes sure the schema is migrated before the engine
		// reads it.
		migrations.ifAvailable((initializer) -> {
		});
		BanshiEngine engine = BanshiEngine.start(EngineConfiguration.builder(dataSource)
			.host(properties.getGateway().getHost())
			.port(gatewayPort(properties, environment))
			.sweepInterval(properties.getSweepInterval())
			.build());
		environment.getPropertySources()
			.addFirst(new MapPropertySource("banshiEngineGateway", Map.of(LOCAL_PORT_PROPERTY, engine.port())));
		return engine;
	}

	/**
	 * The configured gateway port; when none is configured and the web server asks for a
	 * random port ({@code server.port=0}, as tests and side-by-side instances do), the
	 * gateway takes a random free port too, so two such applications never collide on
	 * 26500.
	 */
	static int gatewayPort(EngineProperties properties, ConfigurableEnvironment environment) {
		if (!environment.containsProperty("engine.gateway.port")
				&& "0".equals(environment.getProperty("server.port"))) {
			return 0;
		}
		return properties.getGateway().getPort();
	}

}
