package io.banshi.engine;

import java.time.Duration;
import java.util.Map;

import io.banshi.engine.query.QueryFilter;
import io.banshi.engine.testing.Bpmns;
import io.banshi.engine.testing.ControlledClock;
import io.banshi.engine.testing.TestEngine;
import io.camunda.client.CamundaClient;
import io.camunda.zeebe.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two engines on one database, both sweeping timers on the same clock: every timer fires
 * exactly as often as it should, never twice.
 */
class TimerClusterTest {

	@Test
	void shouldFireEachTimerOnceWithTwoEnginesSweeping() {
		ControlledClock clock = new ControlledClock();
		try (TestEngine first = TestEngine.start("timercluster", clock);
				BanshiEngine second = BanshiEngine.start(EngineConfiguration.builder(first.dataSource())
					.port(0)
					.clock(clock)
					.sweepInterval(Duration.ofMillis(20))
					.build());
				CamundaClient client = first.newClient()) {
			// given: 20 instances, each with a reminder cycle of five on its task, and a
			// process started three times by a timer start cycle
			String id = Bpmns.randomId();
			Bpmns.deploy(client,
					Bpmn.createExecutableProcess(id)
						.startEvent()
						.serviceTask("confirm", (t) -> t.zeebeJobType(id))
						.boundaryEvent("remind", (b) -> b.timerWithCycle("R5/PT1M").cancelActivity(false))
						.serviceTask("reminder", (t) -> t.zeebeJobType(id + "-reminder"))
						.endEvent()
						.moveToActivity("confirm")
						.endEvent()
						.done());
			String scheduled = Bpmns.randomId();
			Bpmns.deploy(client,
					Bpmn.createExecutableProcess(scheduled)
						.startEvent("tick")
						.timerWithCycle("R3/PT1M")
						.serviceTask("work", (t) -> t.zeebeJobType(scheduled))
						.endEvent()
						.done());
			for (int i = 0; i < 20; i++) {
				Bpmns.start(client, id, Map.of());
			}

			// when: both engines sweep while an hour passes, a minute at a time
			for (int minute = 0; minute < 60; minute++) {
				clock.advance(Duration.ofMinutes(1));
				TimerTest.sweeps();
				if (minute >= 5 && jobs(first, id + "-reminder") == 100 && instances(first, scheduled) == 3) {
					break;
				}
			}
			TimerTest.sweeps();

			// then
			assertThat(jobs(first, id + "-reminder")).isEqualTo(100);
			assertThat(instances(first, scheduled)).isEqualTo(3);
		}
	}

	private static long jobs(TestEngine engine, String type) {
		return engine.engine().queries().jobs(QueryFilter.any().withJobType(type), 0, 1).total();
	}

	private static long instances(TestEngine engine, String processId) {
		return engine.engine().queries().processInstances(QueryFilter.any().withBpmnProcessId(processId), 0, 1).total();
	}

}
