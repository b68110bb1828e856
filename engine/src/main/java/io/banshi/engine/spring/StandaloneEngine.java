package io.banshi.engine.spring;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import io.banshi.db.BanshiDatabase;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The engine on its own, so workers can live in other processes:
 * {@code java -jar engine/target/banshi-engine-exec.jar}. The database comes from
 * {@code spring.datasource.*} (default: the H2 file database under
 * {@code banshi.data-dir}, {@code ./data}); Flyway migrates it on start. The gateway
 * listens on {@code engine.gateway.host}:{@code engine.gateway.port} (127.0.0.1:26500).
 */
@SpringBootApplication
public class StandaloneEngine {

	/**
	 * Starts the engine and runs until the process is stopped.
	 * @param args Spring Boot arguments ({@code --spring.datasource.url=...})
	 * @throws InterruptedException when interrupted
	 */
	public static void main(String[] args) throws InterruptedException {
		start(args);
		// The gateway's threads are daemons; the shutdown hook closes the engine on
		// SIGTERM.
		new CountDownLatch(1).await();
	}

	/**
	 * Starts the standalone engine: migrates the database and opens the gateway.
	 * @param args Spring Boot arguments
	 * @return the running application; closing it stops the engine
	 */
	public static ConfigurableApplicationContext start(String... args) {
		SpringApplication application = new SpringApplication(StandaloneEngine.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		String dataDir = System.getProperty("banshi.data-dir", "./data");
		application.setDefaultProperties(Map.of("spring.datasource.url", BanshiDatabase.embeddedUrl(Path.of(dataDir)),
				"spring.datasource.username", "sa", "spring.datasource.password", "", "engine.embedded", "true"));
		return application.run(args);
	}

}
