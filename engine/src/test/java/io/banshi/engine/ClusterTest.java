package io.banshi.engine;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.banshi.engine.query.QueryFilter;
import io.banshi.engine.testing.Bpmns;
import io.banshi.engine.testing.TestEngine;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.worker.JobWorker;
import io.camunda.zeebe.model.bpmn.Bpmn;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ClusterTest {

	@Test
	void shouldNeverHandOutAJobTwiceWhenTwoEnginesShareADatabase() {
		try (TestEngine first = TestEngine.start("cluster");
				BanshiEngine second = BanshiEngine
					.start(EngineConfiguration.builder(first.dataSource()).port(0).keyBlockSize(50).build());
				CamundaClient clientA = first.newClient();
				CamundaClient clientB = TestEngineClients.client(second.port())) {
			// given
			String id = Bpmns.randomId();
			Bpmns.deploy(clientA,
					Bpmn.createExecutableProcess(id)
						.startEvent()
						.serviceTask("task", (t) -> t.zeebeJobType(id))
						.endEvent()
						.done());
			Set<Long> seen = ConcurrentHashMap.newKeySet();
			AtomicInteger duplicates = new AtomicInteger();
			int instances = 60;

			// when
			try (JobWorker a = worker(clientA, id, seen, duplicates);
					JobWorker b = worker(clientB, id, seen, duplicates)) {
				for (int i = 0; i < instances; i++) {
					Bpmns.start((i % 2 == 0) ? clientA : clientB, id, Map.of("i", i));
				}
				Awaitility.await()
					.atMost(Duration.ofSeconds(30))
					.until(() -> first.engine()
						.queries()
						.processInstances(QueryFilter.any().withBpmnProcessId(id).withState("COMPLETED"), 0, 1)
						.total() == instances);
			}

			// then
			assertThat(duplicates).hasValue(0);
			assertThat(seen).hasSize(instances);
		}
	}

	private static JobWorker worker(CamundaClient client, String type, Set<Long> seen, AtomicInteger duplicates) {
		return client.newWorker().jobType(type).handler((jobClient, job) -> {
			if (!seen.add(job.getKey())) {
				duplicates.incrementAndGet();
			}
			jobClient.newCompleteCommand(job).send().join();
		}).timeout(Duration.ofMinutes(5)).streamEnabled(true).open();
	}

	/** A client for an engine started without the harness. */
	static final class TestEngineClients {

		static CamundaClient client(int port) {
			return CamundaClient.newClientBuilder()
				.grpcAddress(java.net.URI.create("http://127.0.0.1:" + port))
				.restAddress(java.net.URI.create("http://127.0.0.1:" + port))
				.preferRestOverGrpc(false)
				.build();
		}

	}

}
