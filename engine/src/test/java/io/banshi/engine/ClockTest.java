package io.banshi.engine;

import java.time.Duration;
import java.util.Map;

import io.banshi.engine.testing.Bpmns;
import io.banshi.engine.testing.ControlledClock;
import io.banshi.engine.testing.TestEngine;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivateJobsResponse;
import io.camunda.client.api.response.ActivatedJob;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Job deadlines and back-offs run on the engine's clock, which a test can move.
 */
class ClockTest {

	@Test
	void shouldHonourAnHourLongBackOffAndTimeoutByTheEngineClock() {
		ControlledClock clock = new ControlledClock();
		try (TestEngine engine = TestEngine.start("clock", clock); CamundaClient client = engine.newClient()) {
			// given
			String id = JobTest.oneTask(client);
			Bpmns.start(client, id, Map.of());
			ActivatedJob job = Bpmns.activateOne(client, id, Duration.ofMinutes(10));

			// when: the activation expires after ten minutes of engine time
			assertThat(noJobNow(client, id)).isTrue();
			clock.advance(Duration.ofMinutes(11));
			ActivatedJob again = Bpmns.activateOne(client, id, Duration.ofMinutes(10));

			// then
			assertThat(again.getKey()).isEqualTo(job.getKey());

			// when: a back-off of an hour
			client.newFailCommand(again).retries(2).retryBackoff(Duration.ofHours(1)).send().join();
			clock.advance(Duration.ofMinutes(59));
			assertThat(noJobAfterASweep(client, id)).isTrue();
			clock.advance(Duration.ofMinutes(2));

			// then
			assertThat(Bpmns.activateOne(client, id).getRetries()).isEqualTo(2);
		}
	}

	private static boolean noJobNow(CamundaClient client, String type) {
		return activate(client, type, Duration.ofMillis(-1)).getJobs().isEmpty();
	}

	private static boolean noJobAfterASweep(CamundaClient client, String type) {
		return activate(client, type, Duration.ofMillis(300)).getJobs().isEmpty();
	}

	private static ActivateJobsResponse activate(CamundaClient client, String type, Duration requestTimeout) {
		return client.newActivateJobsCommand()
			.jobType(type)
			.maxJobsToActivate(1)
			.requestTimeout(requestTimeout)
			.send()
			.join();
	}

}
