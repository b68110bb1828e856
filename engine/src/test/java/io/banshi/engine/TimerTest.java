package io.banshi.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import io.banshi.engine.query.QueryFilter;
import io.banshi.engine.testing.Bpmns;
import io.banshi.engine.testing.ControlledClock;
import io.banshi.engine.testing.TestEngine;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ClientStatusException;
import io.camunda.client.api.response.ProcessInstanceEvent;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Timer catch events, timer boundary events and timer start events, on an engine clock
 * the test moves: a week passes in milliseconds.
 */
class TimerTest {

	private static final ControlledClock clock = new ControlledClock();

	private static TestEngine engine;

	private static CamundaClient client;

	@BeforeAll
	static void start() {
		engine = TestEngine.start("timer", clock);
		client = engine.newClient();
	}

	@AfterAll
	static void stop() {
		client.close();
		engine.close();
	}

	@Test
	void shouldFireAnIntermediateTimerAfterItsDuration() {
		// given
		String id = Bpmns.randomId();
		Bpmns.deploy(client,
				Bpmn.createExecutableProcess(id)
					.startEvent()
					.intermediateCatchEvent("wait", (e) -> e.timerWithDuration("P7D"))
					.endEvent()
					.done());
		ProcessInstanceEvent instance = Bpmns.start(client, id, Map.of());

		// when: six days pass
		clock.advance(Duration.ofDays(6));
		sweeps();

		// then
		assertThat(Bpmns.instanceState(engine, instance.getProcessInstanceKey())).isEqualTo("ACTIVE");
		assertThat(activeElements(instance, "wait")).isEqualTo(1);

		// when: the seventh day ends
		clock.advance(Duration.ofDays(1).plusSeconds(1));

		// then
		Bpmns.awaitInstanceState(engine, instance.getProcessInstanceKey(), "COMPLETED");
	}

	@Test
	void shouldFireATimerAtADateFromFeel() {
		// given
		String id = Bpmns.randomId();
		Bpmns.deploy(client,
				Bpmn.createExecutableProcess(id)
					.startEvent()
					.intermediateCatchEvent("remind", (e) -> e.timerWithDateExpression("date and time(remindAt)"))
					.endEvent()
					.done());
		String remindAt = Instant.ofEpochMilli(clock.millis()).plus(Duration.ofHours(3)).toString();
		ProcessInstanceEvent instance = Bpmns.start(client, id, Map.of("remindAt", remindAt));
		clock.advance(Duration.ofHours(2));
		sweeps();
		assertThat(Bpmns.instanceState(engine, instance.getProcessInstanceKey())).isEqualTo("ACTIVE");

		// when
		clock.advance(Duration.ofHours(1).plusSeconds(1));

		// then
		Bpmns.awaitInstanceState(engine, instance.getProcessInstanceKey(), "COMPLETED");
	}

	@Test
	void shouldFireADurationFromFeel() {
		// given
		String id = Bpmns.randomId();
		Bpmns.deploy(client,
				Bpmn.createExecutableProcess(id)
					.startEvent()
					.intermediateCatchEvent("wait", (e) -> e.timerWithDurationExpression("waitFor"))
					.endEvent()
					.done());
		ProcessInstanceEvent instance = Bpmns.start(client, id, Map.of("waitFor", "PT30M"));

		// when
		clock.advance(Duration.ofMinutes(31));

		// then
		Bpmns.awaitInstanceState(engine, instance.getProcessInstanceKey(), "COMPLETED");
	}

	@Test
	void shouldRaiseAnIncidentWhenTheTimerExpressionIsNoDuration() {
		// given
		String id = Bpmns.randomId();
		Bpmns.deploy(client,
				Bpmn.createExecutableProcess(id)
					.startEvent()
					.intermediateCatchEvent("wait", (e) -> e.timerWithDurationExpression("waitFor"))
					.endEvent()
					.done());

		// when
		ProcessInstanceEvent instance = Bpmns.start(client, id, Map.of("waitFor", "soon"));

		// then
		assertThat(Bpmns.awaitIncident(engine, instance.getProcessInstanceKey()).errorType())
			.isEqualTo("EXTRACT_VALUE_ERROR");
	}

	@Test
	void shouldRefuseAnInvalidStaticTimerAtDeployment() {
		// given
		BpmnModelInstance model = Bpmn.createExecutableProcess(Bpmns.randomId())
			.startEvent()
			.intermediateCatchEvent("wait", (e) -> e.timerWithDuration("ten minutes"))
			.endEvent()
			.done();

		// then
		assertThatThrownBy(() -> Bpmns.deploy(client, model)).isInstanceOf(ClientStatusException.class)
			.hasMessageContaining("wait")
			.hasMessageContaining("ISO 8601");
	}

	@Test
	void shouldInterruptATaskWhenItsTimerBoundaryFires() {
		// given
		String id = Bpmns.randomId();
		Bpmns.deploy(client,
				Bpmn.createExecutableProcess(id)
					.startEvent()
					.serviceTask("confirm", (t) -> t.zeebeJobType(id))
					.boundaryEvent("tooLate", (b) -> b.timerWithDuration("PT1H").cancelActivity(true))
					.scriptTask("giveUp", (s) -> s.zeebeExpression("\"gave up\"").zeebeResultVariable("outcome"))
					.endEvent()
					.moveToActivity("confirm")
					.endEvent()
					.done());
		ProcessInstanceEvent instance = Bpmns.start(client, id, Map.of());

		// when
		clock.advance(Duration.ofMinutes(61));

		// then
		Bpmns.awaitInstanceState(engine, instance.getProcessInstanceKey(), "COMPLETED");
		assertThat(engine.engine().queries().jobs(QueryFilter.any().withJobType(id), 0, 10).total()).isZero();
		assertThat(history(instance, "giveUp")).isPositive();
	}

	@Test
	void shouldNotFireATimerBoundaryOfACompletedTask() {
		// given
		String id = Bpmns.randomId();
		Bpmns.deploy(client,
				Bpmn.createExecutableProcess(id)
					.startEvent()
					.serviceTask("confirm", (t) -> t.zeebeJobType(id))
					.boundaryEvent("tooLate", (b) -> b.timerWithDuration("PT1H"))
					.endEvent("late")
					.moveToActivity("confirm")
					.serviceTask("next", (t) -> t.zeebeJobType(id + "-next"))
					.endEvent()
					.done());
		ProcessInstanceEvent instance = Bpmns.start(client, id, Map.of());
		client.newCompleteCommand(Bpmns.activateOne(client, id)).send().join();

		// when
		clock.advance(Duration.ofHours(2));
		sweeps();

		// then
		assertThat(history(instance, "late")).isZero();
		client.newCompleteCommand(Bpmns.activateOne(client, id + "-next")).send().join();
		Bpmns.awaitInstanceState(engine, instance.getProcessInstanceKey(), "COMPLETED");
	}

	@Test
	void shouldRepeatANonInterruptingTimerCycleAndKeepTheTask() {
		// given
		String id = Bpmns.randomId();
		Bpmns.deploy(client,
				Bpmn.createExecutableProcess(id)
					.startEvent()
					.serviceTask("confirm", (t) -> t.zeebeJobType(id))
					.boundaryEvent("remind", (b) -> b.timerWithCycle("R3/PT10S").cancelActivity(false))
					.serviceTask("sendReminder", (t) -> t.zeebeJobType(id + "-reminder"))
					.endEvent()
					.moveToActivity("confirm")
					.endEvent()
					.done());
		ProcessInstanceEvent instance = Bpmns.start(client, id, Map.of());

		// when: far more than three periods pass
		clock.advance(Duration.ofMinutes(5));

		// then: three reminders, and the task still waits
		Bpmns.await(() -> (reminders(id) == 3) ? Boolean.TRUE : null);
		sweeps();
		assertThat(reminders(id)).isEqualTo(3);
		assertThat(activeElements(instance, "confirm")).isEqualTo(1);

		// when
		client.newCompleteCommand(Bpmns.activateOne(client, id)).send().join();
		for (int i = 0; i < 3; i++) {
			client.newCompleteCommand(Bpmns.activateOne(client, id + "-reminder")).send().join();
		}

		// then
		Bpmns.awaitInstanceState(engine, instance.getProcessInstanceKey(), "COMPLETED");
	}

	@Test
	void shouldRefuseATimerCycleOnAnInterruptingBoundary() {
		// given
		BpmnModelInstance model = Bpmn.createExecutableProcess(Bpmns.randomId())
			.startEvent()
			.serviceTask("task", (t) -> t.zeebeJobType("x"))
			.boundaryEvent("cycle", (b) -> b.timerWithCycle("R2/PT1M").cancelActivity(true))
			.endEvent()
			.moveToActivity("task")
			.endEvent()
			.done();

		// then
		assertThatThrownBy(() -> Bpmns.deploy(client, model)).isInstanceOf(ClientStatusException.class)
			.hasMessageContaining("non-interrupting");
	}

	@Test
	void shouldInterruptASubprocessWithATimerBoundary() {
		// given
		String id = Bpmns.randomId();
		Bpmns.deploy(client, Bpmn.createExecutableProcess(id)
			.startEvent()
			.subProcess("errand", (
					s) -> s.embeddedSubProcess().startEvent().serviceTask("book", (t) -> t.zeebeJobType(id)).endEvent())
			.boundaryEvent("deadline", (b) -> b.timerWithDuration("P1D"))
			.endEvent("expired")
			.moveToActivity("errand")
			.endEvent()
			.done());
		ProcessInstanceEvent instance = Bpmns.start(client, id, Map.of());

		// when
		clock.advance(Duration.ofDays(2));

		// then
		Bpmns.awaitInstanceState(engine, instance.getProcessInstanceKey(), "COMPLETED");
		assertThat(history(instance, "expired")).isPositive();
		assertThat(engine.engine().queries().jobs(QueryFilter.any().withJobType(id), 0, 10).total()).isZero();
	}

	@Test
	void shouldStartInstancesFromATimerStartCycle() {
		// given
		String id = Bpmns.randomId();
		Bpmns.deploy(client,
				Bpmn.createExecutableProcess(id)
					.startEvent("daily")
					.timerWithCycle("R2/P1D")
					.serviceTask("remind", (t) -> t.zeebeJobType(id))
					.endEvent()
					.done());
		sweeps();
		assertThat(instances(id)).isZero();

		// when
		clock.advance(Duration.ofDays(1).plusSeconds(1));

		// then
		Bpmns.await(() -> (instances(id) == 1) ? Boolean.TRUE : null);

		// when
		clock.advance(Duration.ofDays(5));

		// then: two repetitions, no more
		Bpmns.await(() -> (instances(id) == 2) ? Boolean.TRUE : null);
		sweeps();
		assertThat(instances(id)).isEqualTo(2);
	}

	@Test
	void shouldStartAnInstanceAtATimerStartDateAndReplaceTheTimerOfAnOlderVersion() {
		// given
		String id = Bpmns.randomId();
		String inOneHour = Instant.ofEpochMilli(clock.millis()).plus(Duration.ofHours(1)).toString();
		String inTwoHours = Instant.ofEpochMilli(clock.millis()).plus(Duration.ofHours(2)).toString();
		Bpmns.deploy(client,
				Bpmn.createExecutableProcess(id).startEvent("at").timerWithDate(inOneHour).endEvent("v1").done());
		Bpmns.deploy(client,
				Bpmn.createExecutableProcess(id).startEvent("at").timerWithDate(inTwoHours).endEvent("v2").done());

		// when
		clock.advance(Duration.ofMinutes(90));
		sweeps();

		// then: version 1's timer is gone
		assertThat(instances(id)).isZero();

		// when
		clock.advance(Duration.ofMinutes(31));

		// then
		Bpmns.await(() -> (instances(id) == 1) ? Boolean.TRUE : null);
	}

	@Test
	void shouldFireATimerThatFellDueWhileTheEngineWasDown() {
		// given
		String id = Bpmns.randomId();
		Bpmns.deploy(client,
				Bpmn.createExecutableProcess(id)
					.startEvent()
					.intermediateCatchEvent("wait", (e) -> e.timerWithDuration("PT8H"))
					.endEvent()
					.done());
		ProcessInstanceEvent instance = Bpmns.start(client, id, Map.of());
		client.close();

		// when: the engine is down while the timer falls due
		engine.restart(() -> clock.advance(Duration.ofHours(9)));
		client = engine.newClient();

		// then
		Bpmns.awaitInstanceState(engine, instance.getProcessInstanceKey(), "COMPLETED");
	}

	private static long reminders(String id) {
		return engine.engine().queries().jobs(QueryFilter.any().withJobType(id + "-reminder"), 0, 10).total();
	}

	private static long instances(String id) {
		return engine.engine().queries().processInstances(QueryFilter.any().withBpmnProcessId(id), 0, 10).total();
	}

	private static long activeElements(ProcessInstanceEvent instance, String elementId) {
		return engine.engine()
			.queries()
			.elementInstances(
					QueryFilter.any().withProcessInstanceKey(instance.getProcessInstanceKey()).withElementId(elementId),
					0, 10)
			.total();
	}

	static long history(ProcessInstanceEvent instance, String elementId) {
		return engine.engine()
			.queries()
			.history(instance.getProcessInstanceKey(), QueryFilter.any().withState("ELEMENT").withElementId(elementId),
					0, 10)
			.total();
	}

	/** Lets a few scheduler sweeps pass (the test engine sweeps every 50 ms). */
	static void sweeps() {
		try {
			Thread.sleep(300);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
