package io.banshi.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.banshi.engine.internal.deploy.DeploymentService;
import io.banshi.engine.internal.deploy.ProcessCache;
import io.banshi.engine.internal.feel.FeelExpressions;
import io.banshi.engine.internal.gateway.GatewayEndpoints;
import io.banshi.engine.internal.gateway.GatewayService;
import io.banshi.engine.internal.jobs.JobActivator;
import io.banshi.engine.internal.scheduling.EventDueWork;
import io.banshi.engine.internal.jobs.JobDispatcher;
import io.banshi.engine.internal.model.BpmnTransformer;
import io.banshi.engine.internal.processing.CommandProcessor;
import io.banshi.engine.internal.query.JdbcEngineQueries;
import io.banshi.engine.internal.scheduling.EngineScheduler;
import io.banshi.engine.internal.state.KeyGenerator;
import io.banshi.engine.internal.state.Transactions;
import io.banshi.engine.query.EngineQueries;
import io.grpc.Server;
import io.grpc.netty.NettyServerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running engine: the Zeebe gateway (gRPC) on its port, the BPMN runtime on the
 * database, the scheduler that expires job activations and back-offs.
 *
 * <p>
 * Start one with {@link #start(EngineConfiguration)}; talk to it with the Camunda 8 Java
 * client ({@code grpcAddress=http://127.0.0.1:<port>}, {@code preferRestOverGrpc=false});
 * read its state with {@link #queries()}; {@link #close()} stops it. The database must
 * already carry the Flyway migrations of {@code db/}. Several engines may share one
 * database.
 */
public final class BanshiEngine implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(BanshiEngine.class);

	/**
	 * The largest gRPC message accepted; above Zeebe's 4 MB so oversized variables get a
	 * clear error.
	 */
	private static final int MAX_INBOUND_MESSAGE = 16 * 1024 * 1024;

	private final Server server;

	private final ExecutorService gatewayExecutor;

	private final ExecutorService dispatchExecutor;

	private final ScheduledExecutorService scheduler;

	private final EngineScheduler engineScheduler;

	private final JobDispatcher dispatcher;

	private final EngineQueries queries;

	private BanshiEngine(EngineConfiguration configuration) {
		Transactions transactions = new Transactions(configuration.dataSource());
		this.dispatchExecutor = Executors.newFixedThreadPool(2, threads("jobs"));
		KeyGenerator keys = new KeyGenerator(transactions, configuration.keyBlockSize(), this.dispatchExecutor);
		FeelExpressions feel = new FeelExpressions();
		BpmnTransformer transformer = new BpmnTransformer(feel);
		ProcessCache cache = new ProcessCache(transformer);
		DeploymentService deployments = new DeploymentService(transactions, keys, transformer, cache);
		this.gatewayExecutor = Executors.newFixedThreadPool(gatewayThreads(configuration), threads("gateway"));
		this.scheduler = Executors.newSingleThreadScheduledExecutor(threads("scheduler"));
		JobActivator activator = new JobActivator(transactions, configuration.clock());
		// Long polls wait in real time (the client's request timeout), whatever the
		// engine clock says.
		this.dispatcher = new JobDispatcher(activator, EngineClock.system(), this.dispatchExecutor);
		CommandProcessor commands = new CommandProcessor(transactions, cache, keys, feel, configuration.clock(),
				this.dispatcher, this.dispatcher);
		this.queries = new JdbcEngineQueries(configuration.dataSource());
		int port = configuration.port();
		GatewayEndpoints endpoints = new GatewayEndpoints(deployments, commands, this.dispatcher, configuration.clock(),
				this.scheduler, configuration.host(), this::port);
		this.server = NettyServerBuilder.forAddress(new InetSocketAddress(configuration.host(), port))
			.executor(this.gatewayExecutor)
			.maxInboundMessageSize(MAX_INBOUND_MESSAGE)
			.permitKeepAliveTime(1, TimeUnit.SECONDS)
			.permitKeepAliveWithoutCalls(true)
			.addService(new GatewayService(endpoints))
			.build();
		this.engineScheduler = new EngineScheduler(configuration.clock(), this.scheduler);
		// Jobs whose activation expired or whose back-off ended become activatable; then
		// waiting workers (streams, long polls) get what is there, also from other nodes.
		this.engineScheduler.register((now) -> this.dispatcher.jobsAvailable(activator.releaseDueJobs(now)));
		this.engineScheduler.register((now) -> this.dispatcher.pollAll());
		// Timers and message time-to-live: rows in the database, fired by the engine
		// clock, each in its own transaction.
		this.engineScheduler.register(new EventDueWork(transactions, commands));
		this.engineScheduler.start(configuration.sweepInterval().toMillis());
	}

	/**
	 * Starts an engine.
	 * @param configuration how to run it
	 * @return the running engine
	 * @throws UncheckedIOException when the port cannot be bound
	 */
	public static BanshiEngine start(EngineConfiguration configuration) {
		BanshiEngine engine = new BanshiEngine(configuration);
		try {
			engine.server.start();
		}
		catch (IOException ex) {
			engine.close();
			throw new UncheckedIOException("Could not start the engine gateway on " + configuration.host() + ":"
					+ configuration.port() + ": " + ex.getMessage(), ex);
		}
		logger.info("Banshi engine gateway listening on {}:{}", configuration.host(), engine.port());
		return engine;
	}

	/**
	 * The port the gateway listens on (useful with port 0).
	 * @return the port
	 */
	public int port() {
		return this.server.getPort();
	}

	/**
	 * The read-only query service over definitions, instances, jobs, incidents and
	 * history.
	 * @return the queries
	 */
	public EngineQueries queries() {
		return this.queries;
	}

	/**
	 * Stops the gateway and the scheduler. Work acknowledged to clients is in the
	 * database; activations in flight expire and are handed out again after a restart.
	 */
	@Override
	public void close() {
		this.engineScheduler.close();
		this.dispatcher.close();
		this.server.shutdown();
		try {
			if (!this.server.awaitTermination(5, TimeUnit.SECONDS)) {
				this.server.shutdownNow();
				this.server.awaitTermination(5, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.server.shutdownNow();
		}
		this.dispatchExecutor.shutdownNow();
		this.gatewayExecutor.shutdownNow();
	}

	/**
	 * Gateway threads block on the database; more of them than the pool has connections
	 * (less a few for job dispatch, the scheduler and key reservation) only wait.
	 */
	private static int gatewayThreads(EngineConfiguration configuration) {
		int threads = configuration.gatewayThreads();
		try {
			if (configuration.dataSource().isWrapperFor(com.zaxxer.hikari.HikariDataSource.class)) {
				int pool = configuration.dataSource()
					.unwrap(com.zaxxer.hikari.HikariDataSource.class)
					.getMaximumPoolSize();
				threads = Math.min(threads, Math.max(2, pool - 4));
			}
		}
		catch (java.sql.SQLException ex) {
			// Not a Hikari pool: keep the configured number.
		}
		return threads;
	}

	private static ThreadFactory threads(String name) {
		AtomicInteger counter = new AtomicInteger();
		return (runnable) -> {
			Thread thread = new Thread(runnable, "banshi-engine-" + name + "-" + counter.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		};
	}

}
