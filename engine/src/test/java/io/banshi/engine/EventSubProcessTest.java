package io.banshi.engine;

import java.time.Duration;
import java.util.Map;

import io.banshi.engine.query.QueryFilter;
import io.banshi.engine.testing.Bpmns;
import io.banshi.engine.testing.ControlledClock;
import io.banshi.engine.testing.TestEngine;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.response.ProcessInstanceEvent;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.builder.ProcessBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Event subprocesses started by a message, a timer or an error, interrupting and not.
 */
class EventSubProcessTest {

	private static final ControlledClock clock = new ControlledClock();

	private static TestEngine engine;

	private static CamundaClient client;

	@BeforeAll
	static void start() {
		engine = TestEngine.start("eventsub", clock);
		client = engine.newClient();
	}

	@AfterAll
	static void stop() {
		client.close();
		engine.close();
	}

	@Test
	void shouldRunANonInterruptingMessageEventSubprocessBesideTheMainFlow() {
		// given
		String id = Bpmns.randomId();
		ProcessBuilder process = Bpmn.createExecutableProcess(id);
		process.eventSubProcess("onQuestion")
			.startEvent("question")
			.interrupting(false)
			.message((m) -> m.name("question").zeebeCorrelationKeyExpression("errandId"))
			.serviceTask("answer", (t) -> t.zeebeJobType(id + "-answer"))
			.endEvent();
		Bpmns.deploy(client, process.startEvent().serviceTask("work", (t) -> t.zeebeJobType(id)).endEvent().done());
		ProcessInstanceEvent instance = Bpmns.start(client, id, Map.of("errandId", id));

		// when
		client.newPublishMessageCommand()
			.messageName("question")
			.correlationKey(id)
			.variables(Map.of("q", "when?"))
			.send()
			.join();

		// then: both run; the instance completes when both are done
		ActivatedJob answer = Bpmns.activateOne(client, id + "-answer");
		assertThat(answer.getVariablesAsMap()).containsEntry("q", "when?");
		client.newCompleteCommand(answer).send().join();
		assertThat(Bpmns.instanceState(engine, instance.getProcessInstanceKey())).isEqualTo("ACTIVE");
		client.newCompleteCommand(Bpmns.activateOne(client, id)).send().join();
		Bpmns.awaitInstanceState(engine, instance.getProcessInstanceKey(), "COMPLETED");
	}

	@Test
	void shouldInterruptTheProcessWithATimerEventSubprocess() {
		// given
		String id = Bpmns.randomId();
		ProcessBuilder process = Bpmn.createExecutableProcess(id);
		process.eventSubProcess("onDeadline").startEvent("deadline").timerWithDuration("P3D").endEvent("expired");
		Bpmns.deploy(client, process.startEvent().serviceTask("work", (t) -> t.zeebeJobType(id)).endEvent().done());
		ProcessInstanceEvent instance = Bpmns.start(client, id, Map.of());

		// when
		clock.advance(Duration.ofDays(4));

		// then
		Bpmns.awaitInstanceState(engine, instance.getProcessInstanceKey(), "COMPLETED");
		assertThat(engine.engine().queries().jobs(QueryFilter.any().withJobType(id), 0, 10).total()).isZero();
		assertThat(elementHistory(instance, "expired")).isPositive();
	}

	@Test
	void shouldCompleteAfterInterruptingATokenThatWaitsAtAParallelJoin() {
		// given: a has reached the join, b is still working
		String id = Bpmns.randomId();
		ProcessBuilder process = Bpmn.createExecutableProcess(id);
		process.eventSubProcess("onDeadline").startEvent("deadline").timerWithDuration("P3D").endEvent("expired");
		Bpmns.deploy(client,
				process.startEvent()
					.parallelGateway("fork")
					.serviceTask("a", (t) -> t.zeebeJobType(id + "-a"))
					.parallelGateway("join")
					.endEvent()
					.moveToNode("fork")
					.serviceTask("b", (t) -> t.zeebeJobType(id + "-b"))
					.connectTo("join")
					.done());
		ProcessInstanceEvent instance = Bpmns.start(client, id, Map.of());
		Bpmns.activateOne(client, id + "-b");
		client.newCompleteCommand(Bpmns.activateOne(client, id + "-a")).send().join();

		// when
		clock.advance(Duration.ofDays(4));

		// then: the waiting token is interrupted with the rest of the process
		Bpmns.awaitInstanceState(engine, instance.getProcessInstanceKey(), "COMPLETED");
		assertThat(elementHistory(instance, "expired")).isPositive();
		assertThat(elementHistory(instance, "join")).isZero();
	}

	@Test
	void shouldCatchAnErrorInAnEventSubprocess() {
		// given
		String id = Bpmns.randomId();
		ProcessBuilder process = Bpmn.createExecutableProcess(id);
		process.eventSubProcess("onError")
			.startEvent("failed")
			.error("NO_SEATS")
			.scriptTask("explain", (s) -> s.zeebeExpression("\"sold out: \" + reason").zeebeResultVariable("message"))
			.endEvent();
		Bpmns.deploy(client,
				process.startEvent().serviceTask("book", (t) -> t.zeebeJobType(id)).endEvent("booked").done());
		var result = client.newCreateInstanceCommand().bpmnProcessId(id).latestVersion().withResult().send();

		// when
		client.newThrowErrorCommand(Bpmns.activateOne(client, id))
			.errorCode("NO_SEATS")
			.variables(Map.of("reason", "flight full"))
			.send()
			.join();

		// then
		assertThat(result.join().getVariablesAsMap()).containsEntry("message", "sold out: flight full");
	}

	@Test
	void shouldRepeatANonInterruptingTimerEventSubprocessInsideASubprocess() {
		// given: an errand subprocess that reminds every day, three times, while it waits
		String id = Bpmns.randomId();
		Bpmns.deploy(client, Bpmn.createExecutableProcess(id).startEvent().subProcess("errand", (sub) -> {
			sub.embeddedSubProcess()
				.eventSubProcess("reminders")
				.startEvent("daily")
				.interrupting(false)
				.timerWithCycle("R3/P1D")
				.serviceTask("remind", (t) -> t.zeebeJobType(id + "-remind"))
				.endEvent();
			sub.embeddedSubProcess().startEvent().serviceTask("confirm", (t) -> t.zeebeJobType(id)).endEvent();
		}).endEvent().done());
		ProcessInstanceEvent instance = Bpmns.start(client, id, Map.of());

		// when: a week passes
		clock.advance(Duration.ofDays(7));

		// then: three reminders, the errand still waits
		Bpmns.await(() -> (jobs(id + "-remind") == 3) ? Boolean.TRUE : null);
		TimerTest.sweeps();
		assertThat(jobs(id + "-remind")).isEqualTo(3);
		assertThat(Bpmns.instanceState(engine, instance.getProcessInstanceKey())).isEqualTo("ACTIVE");

		// when
		client.newCompleteCommand(Bpmns.activateOne(client, id)).send().join();
		for (int i = 0; i < 3; i++) {
			client.newCompleteCommand(Bpmns.activateOne(client, id + "-remind")).send().join();
		}

		// then
		Bpmns.awaitInstanceState(engine, instance.getProcessInstanceKey(), "COMPLETED");
	}

	private static long jobs(String type) {
		return engine.engine().queries().jobs(QueryFilter.any().withJobType(type), 0, 10).total();
	}

	private static long elementHistory(ProcessInstanceEvent instance, String elementId) {
		return engine.engine()
			.queries()
			.history(instance.getProcessInstanceKey(), QueryFilter.any().withState("ELEMENT").withElementId(elementId),
					0, 10)
			.total();
	}

}
