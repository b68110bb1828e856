package io.banshi.engine.testing;

import java.net.URI;
import java.time.Duration;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.banshi.db.BanshiDatabase;
import io.banshi.db.TestDatabase;
import io.banshi.engine.BanshiEngine;
import io.banshi.engine.EngineClock;
import io.banshi.engine.EngineConfiguration;
import io.camunda.client.CamundaClient;

/**
 * A real engine for tests: a fresh {@link TestDatabase} (H2, or MariaDB with
 * {@code -Pmariadb}), migrated, and a {@link BanshiEngine} on a free port of 127.0.0.1.
 * Other modules use it from the engine's test jar to run their workers and processes
 * against an engine:
 *
 * <pre>
 * try (TestEngine engine = TestEngine.start("errands");
 *         CamundaClient client = engine.newClient()) { ... }
 * </pre>
 *
 * or with {@link EngineExtension}.
 */
public final class TestEngine implements AutoCloseable {

	private final TestDatabase database;

	private final HikariDataSource dataSource;

	private final EngineClock clock;

	private BanshiEngine engine;

	private TestEngine(TestDatabase database, EngineClock clock) {
		this.database = database;
		this.clock = clock;
		this.dataSource = database.dataSource();
		this.dataSource.setMaximumPoolSize(24);
		BanshiDatabase.migrate(this.dataSource);
		this.engine = BanshiEngine.start(configuration());
	}

	/**
	 * Starts an engine on a new database.
	 * @param purpose a word naming the test, part of the database name
	 * @return the running engine
	 */
	public static TestEngine start(String purpose) {
		return new TestEngine(TestDatabase.create(purpose), EngineClock.system());
	}

	/**
	 * Starts an engine on a new database with a clock the test moves.
	 * @param purpose a word naming the test, part of the database name
	 * @param clock the engine's clock
	 * @return the running engine
	 */
	public static TestEngine start(String purpose, ControlledClock clock) {
		return new TestEngine(TestDatabase.create(purpose), clock);
	}

	private EngineConfiguration configuration() {
		return EngineConfiguration.builder(this.dataSource)
			.port(0)
			.clock(this.clock)
			.sweepInterval(Duration.ofMillis(50))
			.build();
	}

	/**
	 * A Camunda client for this engine (gRPC, plaintext); close it when done.
	 * @return a new client
	 */
	public CamundaClient newClient() {
		return CamundaClient.newClientBuilder()
			.grpcAddress(URI.create("http://127.0.0.1:" + port()))
			.restAddress(URI.create("http://127.0.0.1:" + port()))
			.preferRestOverGrpc(false)
			.defaultRequestTimeout(Duration.ofSeconds(15))
			.defaultJobPollInterval(Duration.ofMillis(100))
			.build();
	}

	/**
	 * Stops the engine and starts a new one on the same database (and a new port).
	 */
	public void restart() {
		restart(() -> {
		});
	}

	/**
	 * Stops the engine, runs something while it is down (moves the clock, say), and
	 * starts a new one on the same database.
	 * @param whileDown what happens while no engine runs
	 */
	public void restart(Runnable whileDown) {
		this.engine.close();
		whileDown.run();
		this.engine = BanshiEngine.start(configuration());
	}

	public BanshiEngine engine() {
		return this.engine;
	}

	public int port() {
		return this.engine.port();
	}

	public DataSource dataSource() {
		return this.dataSource;
	}

	public TestDatabase database() {
		return this.database;
	}

	@Override
	public void close() {
		this.engine.close();
		this.dataSource.close();
	}

}
