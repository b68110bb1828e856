package io.banshi.engine.benchmark;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.banshi.db.BanshiDatabase;
import io.banshi.db.TestDatabase;
import io.banshi.engine.BanshiEngine;
import io.banshi.engine.EngineConfiguration;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.worker.JobWorker;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.builder.AbstractFlowNodeBuilder;
import org.junit.jupiter.api.Test;

/**
 * The engine benchmark; not a test (surefire excludes this package unless it is named
 * with {@code -Dtest}). It starts an engine, runs N instances of a one-task and of a
 * five-task process with streaming job workers on the Camunda client, and prints
 * completed instances per second and job activation latency (from sending the command
 * that creates a job to the worker holding it), p50 and p99, against a named baseline.
 *
 * <pre>
 * mvn -B -ntp -pl engine -am verify -Dtest=EngineBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dbenchmark.instances=3000             # H2 file database (the embedded default)
 * ... -Pmariadb                               # MariaDB (TestDatabase settings)
 * </pre>
 */
class EngineBenchmark {

	private static final String BASELINE = "3-broker Zeebe 8.8 cluster, 2 CPUs/broker: ~160-250 instances/s";

	private static final String MYSQL_TUNING = "&rewriteBatchedStatements=true&cachePrepStmts=true"
			+ "&useLocalSessionState=true";

	private static final double BASELINE_LOW = 160;

	private static final double BASELINE_HIGH = 250;

	@Test
	void run() throws Exception {
		main(new String[0]);
	}

	public static void main(String[] args) throws Exception {
		int instances = Integer.getInteger("benchmark.instances", 10_000);
		int inFlight = Integer.getInteger("benchmark.inFlight", 32);
		// Long enough for the JIT to have compiled the hot paths: with a short warm-up
		// the
		// measured run is mostly compilation (see the engine README's profile).
		int warmUp = Integer.getInteger("benchmark.warmUp", 10_000);
		TestDatabase.Kind kind = TestDatabase.configuredKind();
		HikariDataSource dataSource;
		String where;
		if (kind == TestDatabase.Kind.H2) {
			Path dir = Files.createTempDirectory("banshi-benchmark");
			HikariConfig config = new HikariConfig();
			config.setJdbcUrl(BanshiDatabase.embeddedUrl(dir) + System.getProperty("benchmark.h2Options", ""));
			config.setUsername("sa");
			config.setPassword("");
			config.setMaximumPoolSize(24);
			dataSource = new HikariDataSource(config);
			where = "H2 file database " + dir;
		}
		else {
			TestDatabase database = TestDatabase.create("benchmark");
			// The driver settings README recommends for MySQL/MariaDB: one round trip per
			// batch.
			HikariConfig config = new HikariConfig();
			config.setJdbcUrl(database.url() + MYSQL_TUNING);
			config.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
			config.setUsername(database.username());
			config.setPassword(database.password());
			config.setMaximumPoolSize(24);
			dataSource = new HikariDataSource(config);
			where = "MariaDB " + database.url().replaceAll("\\?.*", "") + " (" + MYSQL_TUNING + ")";
		}
		BanshiDatabase.migrate(dataSource);
		try (BanshiEngine engine = BanshiEngine.start(EngineConfiguration.builder(dataSource)
			.port(0)
			.gatewayThreads(Integer.getInteger("benchmark.gatewayThreads", 16))
			.build());
				CamundaClient client = CamundaClient.newClientBuilder()
					.grpcAddress(URI.create("http://127.0.0.1:" + engine.port()))
					.restAddress(URI.create("http://127.0.0.1:" + engine.port()))
					.preferRestOverGrpc(false)
					.numJobWorkerExecutionThreads(4)
					.defaultRequestTimeout(Duration.ofSeconds(30))
					.build()) {
			System.out.printf(Locale.ROOT,
					"%nBanshi engine benchmark on %s, %d cores, %d instances per process after %d to warm up, "
							+ "%d in flight%n",
					where, Runtime.getRuntime().availableProcessors(), instances, warmUp, inFlight);
			for (int tasks : new int[] { 1, 5 }) {
				Result warmup = runProcess(client, tasks, warmUp, inFlight);
				Result result = runProcess(client, tasks, instances, inFlight);
				System.out.printf(Locale.ROOT,
						"%d-task process: %.0f completed instances/s (warm-up %.0f/s), job activation latency "
								+ "p50 %.1f ms, p99 %.1f ms; vs baseline (%s): %.1f-%.1fx%n",
						tasks, result.perSecond, warmup.perSecond, result.p50, result.p99, BASELINE,
						result.perSecond / BASELINE_HIGH, result.perSecond / BASELINE_LOW);
			}
			if (!Boolean.getBoolean("benchmark.skipMessageTimer")) {
				runMessageAndTimer(client, Math.min(500, instances), inFlight);
				double rate = runMessageAndTimer(client, instances, inFlight);
				System.out.printf(Locale.ROOT,
						"message+timer process (a buffered message and a PT0S timer per instance, fired by the "
								+ "scheduler sweep): %.0f completed instances/s%n",
						rate);
			}
			if (Boolean.getBoolean("benchmark.onlyMessageTimer")) {
				return;
			}
			for (int tasks : new int[] { 1, 5 }) {
				Result quiet = runProcess(client, tasks, 300, 4);
				System.out.printf(Locale.ROOT,
						"%d-task process, 4 in flight: job activation latency p50 %.1f ms, p99 %.1f ms (%.0f instances/s)%n",
						tasks, quiet.p50, quiet.p99, quiet.perSecond);
			}
			System.out.println();
		}
		finally {
			dataSource.close();
		}
	}

	private static Result runProcess(CamundaClient client, int tasks, int instances, int inFlight) throws Exception {
		String id = "bench_" + tasks + "_" + Long.toHexString(System.nanoTime());
		AbstractFlowNodeBuilder<?, ?> builder = Bpmn.createExecutableProcess(id).startEvent();
		for (int i = 1; i <= tasks; i++) {
			builder = builder.serviceTask("task" + i, (t) -> t.zeebeJobType(id));
		}
		client.newDeployResourceCommand().addProcessModel(builder.endEvent().done(), id + ".bpmn").send().join();
		Semaphore permits = new Semaphore(inFlight);
		CountDownLatch done = new CountDownLatch(instances);
		ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
		try (JobWorker worker = client.newWorker().jobType(id).handler((jobClient, job) -> {
			long sentAt = ((Number) job.getVariable("sentAt")).longValue();
			latencies.add(System.nanoTime() - sentAt);
			boolean last = job.getElementId().equals("task" + tasks);
			jobClient.newCompleteCommand(job).variables(Map.of("sentAt", System.nanoTime())).send().join();
			if (last) {
				permits.release();
				done.countDown();
			}
		})
			.maxJobsActive(inFlight * 2)
			.timeout(Duration.ofMinutes(5))
			.streamEnabled(true)
			.pollInterval(Duration.ofSeconds(1))
			.open()) {
			long start = System.nanoTime();
			for (int i = 0; i < instances; i++) {
				permits.acquire();
				client.newCreateInstanceCommand()
					.bpmnProcessId(id)
					.latestVersion()
					.variables(Map.of("sentAt", System.nanoTime()))
					.send()
					.exceptionally((error) -> {
						System.err.println("create failed: " + error);
						permits.release();
						done.countDown();
						return null;
					});
			}
			if (!done.await(10, TimeUnit.MINUTES)) {
				throw new IllegalStateException("Benchmark did not finish: " + done.getCount() + " left");
			}
			double seconds = (System.nanoTime() - start) / 1e9;
			long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
			return new Result(instances / seconds, percentile(sorted, 0.50), percentile(sorted, 0.99));
		}
	}

	/**
	 * Each instance: publish a message (buffered for a minute), create the instance with
	 * result; it correlates the buffered message on entering its catch event, then waits
	 * on a zero-length timer that the scheduler fires in its own transaction.
	 */
	private static double runMessageAndTimer(CamundaClient client, int instances, int inFlight) throws Exception {
		String id = "bench_msg_timer_" + Long.toHexString(System.nanoTime());
		client.newDeployResourceCommand()
			.addProcessModel(Bpmn.createExecutableProcess(id)
				.startEvent()
				.intermediateCatchEvent("reply",
						(e) -> e.message((m) -> m.name(id).zeebeCorrelationKeyExpression("key")))
				.intermediateCatchEvent("wait", (e) -> e.timerWithDuration("PT0S"))
				.endEvent()
				.done(), id + ".bpmn")
			.send()
			.join();
		Semaphore permits = new Semaphore(inFlight);
		CountDownLatch done = new CountDownLatch(instances);
		long start = System.nanoTime();
		for (int i = 0; i < instances; i++) {
			permits.acquire();
			String key = id + "-" + i;
			client.newPublishMessageCommand()
				.messageName(id)
				.correlationKey(key)
				.timeToLive(Duration.ofMinutes(1))
				.variables(Map.of("answer", i))
				.send()
				.join();
			client.newCreateInstanceCommand()
				.bpmnProcessId(id)
				.latestVersion()
				.variables(Map.of("key", key))
				.withResult()
				.requestTimeout(Duration.ofMinutes(5))
				.send()
				.whenComplete((result, error) -> {
					if (error != null) {
						System.err.println("instance failed: " + error);
					}
					permits.release();
					done.countDown();
				});
		}
		if (!done.await(10, TimeUnit.MINUTES)) {
			throw new IllegalStateException("Benchmark did not finish: " + done.getCount() + " left");
		}
		return instances / ((System.nanoTime() - start) / 1e9);
	}

	private static double percentile(long[] sorted, double p) {
		if (sorted.length == 0) {
			return Double.NaN;
		}
		int index = (int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1);
		return sorted[Math.max(0, index)] / 1e6;
	}

	private record Result(double perSecond, double p50, double p99) {

		@Override
		public String toString() {
			return Arrays.toString(new double[] { this.perSecond, this.p50, this.p99 });
		}

	}

}
