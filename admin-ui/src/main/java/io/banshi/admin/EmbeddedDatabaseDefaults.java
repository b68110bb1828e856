package io.banshi.admin;

import java.nio.file.Path;
import java.util.Map;

import io.banshi.db.BanshiDatabase;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Points the application at the embedded H2 file database under {@code banshi.data-dir}
 * (default {@code ./data}) when no {@code spring.datasource.url} is configured. Done here
 * rather than in {@code application.properties} so that a relative data directory
 * resolves against the working directory the same way on every platform.
 */
class EmbeddedDatabaseDefaults implements EnvironmentPostProcessor {

	static final String DATA_DIR = "banshi.data-dir";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (environment.containsProperty("spring.datasource.url")) {
			return;
		}
		Path dataDir = Path.of(environment.getProperty(DATA_DIR, "./data"));
		environment.getPropertySources()
			.addLast(new MapPropertySource("banshiEmbeddedDatabase",
					Map.of("spring.datasource.url", BanshiDatabase.embeddedUrl(dataDir), "spring.datasource.username",
							"sa", "spring.datasource.password", "")));
	}

}
