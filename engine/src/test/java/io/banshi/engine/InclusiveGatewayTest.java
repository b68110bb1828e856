package io.banshi.engine;

import java.util.Collections;
import java.util.List;
import java.util.Map;

import io.banshi.engine.query.QueryFilter;
import io.banshi.engine.query.Views;
import io.banshi.engine.testing.Bpmns;
import io.banshi.engine.testing.EngineExtension;
import io.banshi.engine.testing.TestEngine;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.response.ProcessInstanceEvent;
import io.camunda.client.api.response.ProcessInstanceResult;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Joining inclusive gateways: the join waits for the branches that were taken and can
 * still arrive, and for nothing else.
 */
@ExtendWith(EngineExtension.class)
class InclusiveGatewayTest {

	@Test
	void shouldJoinOnceAfterBothTakenBranchesCompleted(CamundaClient client, TestEngine engine) {
		// given
		String id = Bpmns.randomId();
		Bpmns.deploy(client, threeBranches(id));
		long instance = Bpmns.start(client, id, Map.of("a", true, "b", true, "c", false)).getProcessInstanceKey();
		ActivatedJob a = Bpmns.activateOne(client, id + "-a");
		ActivatedJob b = Bpmns.activateOne(client, id + "-b");

		// when
		client.newCompleteCommand(a).send().join();

		// then
		assertThat(elementEvents(engine, instance, "join")).isEmpty();
		assertThat(Bpmns.instanceState(engine, instance)).isEqualTo("ACTIVE");

		// when
		client.newCompleteCommand(b).send().join();
		client.newCompleteCommand(Bpmns.activateOne(client, id + "-after")).send().join();

		// then
		Bpmns.awaitInstanceState(engine, instance, "COMPLETED");
		assertThat(completed(engine, instance)).containsSubsequence("a", "b", "join", "after").doesNotContain("c");
		assertThat(Collections.frequency(completed(engine, instance), "join")).isEqualTo(1);
		assertThat(elementEvents(engine, instance, "join")).containsOnlyOnce("ACTIVATE");
	}

	@Test
	void shouldPassTheJoinRightAfterTheOnlyTakenBranch(CamundaClient client, TestEngine engine) {
		// given
		String id = Bpmns.randomId();
		Bpmns.deploy(client, threeBranches(id));
		long instance = Bpmns.start(client, id, Map.of("a", false, "b", true, "c", false)).getProcessInstanceKey();

		// when
		client.newCompleteCommand(Bpmns.activateOne(client, id + "-b")).send().join();

		// then
		assertThat(elementEvents(engine, instance, "join")).contains("COMPLETED");
		client.newCompleteCommand(Bpmns.activateOne(client, id + "-after")).send().join();
		Bpmns.awaitInstanceState(engine, instance, "COMPLETED");
		assertThat(completed(engine, instance)).containsSubsequence("fork", "b", "join", "after")
			.doesNotContain("a", "c");
		assertThat(Collections.frequency(completed(engine, instance), "join")).isEqualTo(1);
	}

	@Test
	void shouldWaitForABranchOfTheSameForkWhenAnotherGoesStraightToTheJoin(CamundaClient client, TestEngine engine) {
		// given: the fork's first flow leads straight to the join, before a has started
		String id = Bpmns.randomId();
		Bpmns.deploy(client,
				Bpmn.createExecutableProcess(id)
					.startEvent()
					.inclusiveGateway("fork")
					.conditionExpression("= true")
					.inclusiveGateway("join")
					.serviceTask("after", (t) -> t.zeebeJobType(id + "-after"))
					.endEvent()
					.moveToNode("fork")
					.conditionExpression("= true")
					.serviceTask("a", (t) -> t.zeebeJobType(id + "-a"))
					.connectTo("join")
					.done());
		long instance = Bpmns.start(client, id, Map.of()).getProcessInstanceKey();
		ActivatedJob a = Bpmns.activateOne(client, id + "-a");
		assertThat(elementEvents(engine, instance, "join")).isEmpty();

		// when
		client.newCompleteCommand(a).send().join();

		// then
		client.newCompleteCommand(Bpmns.activateOne(client, id + "-after")).send().join();
		Bpmns.awaitInstanceState(engine, instance, "COMPLETED");
		assertThat(completed(engine, instance)).containsSubsequence("fork", "a", "join", "after");
		assertThat(Collections.frequency(completed(engine, instance), "join")).isEqualTo(1);
	}

	@Test
	void shouldNotWaitForABranchThatEndsAtAnEndEvent(CamundaClient client, TestEngine engine) {
		// given: b leads to an end event, never to the join
		String id = Bpmns.randomId();
		Bpmns.deploy(client,
				Bpmn.createExecutableProcess(id)
					.startEvent()
					.inclusiveGateway("fork")
					.conditionExpression("= a")
					.serviceTask("a", (t) -> t.zeebeJobType(id + "-a"))
					.inclusiveGateway("join")
					.serviceTask("after", (t) -> t.zeebeJobType(id + "-after"))
					.endEvent("end")
					.moveToNode("fork")
					.conditionExpression("= b")
					.serviceTask("b", (t) -> t.zeebeJobType(id + "-b"))
					.endEvent("bEnd")
					.moveToNode("fork")
					.conditionExpression("= c")
					.serviceTask("c", (t) -> t.zeebeJobType(id + "-c"))
					.connectTo("join")
					.done());
		long instance = Bpmns.start(client, id, Map.of("a", true, "b", true, "c", false)).getProcessInstanceKey();
		ActivatedJob b = Bpmns.activateOne(client, id + "-b");

		// when
		client.newCompleteCommand(Bpmns.activateOne(client, id + "-a")).send().join();

		// then: the join passed while b is still active
		assertThat(elementEvents(engine, instance, "join")).contains("COMPLETED");
		ActivatedJob after = Bpmns.activateOne(client, id + "-after");
		client.newCompleteCommand(b).send().join();
		client.newCompleteCommand(after).send().join();
		Bpmns.awaitInstanceState(engine, instance, "COMPLETED");
		assertThat(completed(engine, instance)).containsSubsequence("a", "join", "b", "bEnd", "after", "end");
		assertThat(Collections.frequency(completed(engine, instance), "join")).isEqualTo(1);
	}

	@Test
	void shouldStopWaitingWhenABranchLeavesThroughAnErrorBoundaryEvent(CamundaClient client, TestEngine engine) {
		// given: b reaches the join unless its error boundary event takes it to an end
		String id = Bpmns.randomId();
		Bpmns.deploy(client,
				Bpmn.createExecutableProcess(id)
					.startEvent()
					.inclusiveGateway("fork")
					.conditionExpression("= true")
					.serviceTask("a", (t) -> t.zeebeJobType(id + "-a"))
					.inclusiveGateway("join")
					.serviceTask("after", (t) -> t.zeebeJobType(id + "-after"))
					.endEvent()
					.moveToNode("fork")
					.conditionExpression("= true")
					.serviceTask("b", (t) -> t.zeebeJobType(id + "-b"))
					.boundaryEvent("failed", (e) -> e.error("FAILED"))
					.endEvent("failedEnd")
					.moveToActivity("b")
					.connectTo("join")
					.done());
		long instance = Bpmns.start(client, id, Map.of()).getProcessInstanceKey();
		ActivatedJob b = Bpmns.activateOne(client, id + "-b");
		client.newCompleteCommand(Bpmns.activateOne(client, id + "-a")).send().join();
		assertThat(elementEvents(engine, instance, "join")).isEmpty();

		// when
		client.newThrowErrorCommand(b).errorCode("FAILED").send().join();

		// then
		client.newCompleteCommand(Bpmns.activateOne(client, id + "-after")).send().join();
		Bpmns.awaitInstanceState(engine, instance, "COMPLETED");
		assertThat(completed(engine, instance)).containsSubsequence("a", "failed", "failedEnd", "join", "after")
			.doesNotContain("b");
		assertThat(Collections.frequency(completed(engine, instance), "join")).isEqualTo(1);
	}

	@Test
	void shouldStopWaitingWhenAnExclusiveGatewayLeadsAwayFromTheJoin(CamundaClient client, TestEngine engine) {
		// given
		String id = Bpmns.randomId();
		Bpmns.deploy(client,
				Bpmn.createExecutableProcess(id)
					.startEvent()
					.inclusiveGateway("fork")
					.conditionExpression("= true")
					.serviceTask("a", (t) -> t.zeebeJobType(id + "-a"))
					.inclusiveGateway("join")
					.serviceTask("after", (t) -> t.zeebeJobType(id + "-after"))
					.endEvent()
					.moveToNode("fork")
					.conditionExpression("= true")
					.serviceTask("b", (t) -> t.zeebeJobType(id + "-b"))
					.exclusiveGateway("decide")
					.defaultFlow()
					.connectTo("join")
					.moveToNode("decide")
					.conditionExpression("= skip")
					.endEvent("skipped")
					.done());
		long instance = Bpmns.start(client, id, Map.of("skip", true)).getProcessInstanceKey();
		ActivatedJob b = Bpmns.activateOne(client, id + "-b");

		// when
		client.newCompleteCommand(Bpmns.activateOne(client, id + "-a")).send().join();

		// then: b could still arrive
		assertThat(elementEvents(engine, instance, "join")).isEmpty();

		// when
		client.newCompleteCommand(b).send().join();

		// then
		client.newCompleteCommand(Bpmns.activateOne(client, id + "-after")).send().join();
		Bpmns.awaitInstanceState(engine, instance, "COMPLETED");
		assertThat(completed(engine, instance)).containsSubsequence("a", "b", "decide", "skipped", "join", "after");
		assertThat(Collections.frequency(completed(engine, instance), "join")).isEqualTo(1);
	}

	@Test
	void shouldWaitForATokenThatAnEarlierJoinStillHolds(CamundaClient client, TestEngine engine) {
		// given: "inner" feeds "outer"; outer comes first in the model, so it is looked
		// at
		// first when b turns away, while inner still holds a's token
		String id = Bpmns.randomId();
		Bpmns.deploy(client,
				Bpmn.createExecutableProcess(id)
					.startEvent()
					.inclusiveGateway("fork")
					.conditionExpression("= true")
					.serviceTask("c", (t) -> t.zeebeJobType(id + "-c"))
					.inclusiveGateway("outer")
					.serviceTask("after", (t) -> t.zeebeJobType(id + "-after"))
					.endEvent()
					.moveToNode("fork")
					.conditionExpression("= true")
					.serviceTask("a", (t) -> t.zeebeJobType(id + "-a"))
					.inclusiveGateway("inner")
					.connectTo("outer")
					.moveToNode("fork")
					.conditionExpression("= true")
					.serviceTask("b", (t) -> t.zeebeJobType(id + "-b"))
					.exclusiveGateway("decide")
					.defaultFlow()
					.connectTo("inner")
					.moveToNode("decide")
					.conditionExpression("= skip")
					.endEvent("skipped")
					.done());
		long instance = Bpmns.start(client, id, Map.of("skip", true)).getProcessInstanceKey();
		ActivatedJob a = Bpmns.activateOne(client, id + "-a");
		ActivatedJob b = Bpmns.activateOne(client, id + "-b");
		client.newCompleteCommand(Bpmns.activateOne(client, id + "-c")).send().join();
		client.newCompleteCommand(a).send().join();
		assertThat(elementEvents(engine, instance, "inner")).isEmpty();
		assertThat(elementEvents(engine, instance, "outer")).isEmpty();

		// when
		client.newCompleteCommand(b).send().join();

		// then
		client.newCompleteCommand(Bpmns.activateOne(client, id + "-after")).send().join();
		Bpmns.awaitInstanceState(engine, instance, "COMPLETED");
		assertThat(completed(engine, instance)).containsSubsequence("c", "a", "b", "skipped", "inner", "outer",
				"after");
		assertThat(Collections.frequency(completed(engine, instance), "outer")).isEqualTo(1);
		assertThat(Collections.frequency(completed(engine, instance), "after")).isEqualTo(1);
	}

	@Test
	void shouldJoinAndForkAtOneGateway(CamundaClient client, TestEngine engine) {
		// given
		String id = Bpmns.randomId();
		Bpmns.deploy(client,
				Bpmn.createExecutableProcess(id)
					.startEvent()
					.inclusiveGateway("fork")
					.conditionExpression("= true")
					.serviceTask("a", (t) -> t.zeebeJobType(id + "-a"))
					.inclusiveGateway("mixed")
					.conditionExpression("= c")
					.serviceTask("c", (t) -> t.zeebeJobType(id + "-c"))
					.endEvent("cEnd")
					.moveToNode("mixed")
					.conditionExpression("= d")
					.serviceTask("d", (t) -> t.zeebeJobType(id + "-d"))
					.endEvent("dEnd")
					.moveToNode("fork")
					.conditionExpression("= true")
					.serviceTask("b", (t) -> t.zeebeJobType(id + "-b"))
					.connectTo("mixed")
					.done());
		long instance = Bpmns.start(client, id, Map.of("c", true, "d", false)).getProcessInstanceKey();
		ActivatedJob b = Bpmns.activateOne(client, id + "-b");
		client.newCompleteCommand(Bpmns.activateOne(client, id + "-a")).send().join();
		assertThat(elementEvents(engine, instance, "mixed")).isEmpty();

		// when
		client.newCompleteCommand(b).send().join();

		// then
		client.newCompleteCommand(Bpmns.activateOne(client, id + "-c")).send().join();
		Bpmns.awaitInstanceState(engine, instance, "COMPLETED");
		assertThat(completed(engine, instance)).containsSubsequence("a", "b", "mixed", "c", "cEnd").doesNotContain("d");
		assertThat(Collections.frequency(completed(engine, instance), "mixed")).isEqualTo(1);
	}

	@Test
	void shouldJoinInsideAnEmbeddedSubprocessAndWaitForAnActiveSubprocess(CamundaClient client, TestEngine engine) {
		// given: the outer join waits for the subprocess, the inner join for c and d
		String id = Bpmns.randomId();
		Bpmns.deploy(client,
				Bpmn.createExecutableProcess(id)
					.startEvent()
					.inclusiveGateway("fork")
					.conditionExpression("= true")
					.serviceTask("a", (t) -> t.zeebeJobType(id + "-a"))
					.inclusiveGateway("join")
					.serviceTask("after", (t) -> t.zeebeJobType(id + "-after"))
					.endEvent()
					.moveToNode("fork")
					.conditionExpression("= true")
					.subProcess("sub",
							(sub) -> sub.embeddedSubProcess()
								.startEvent()
								.inclusiveGateway("innerFork")
								.conditionExpression("= c")
								.serviceTask("c", (t) -> t.zeebeJobType(id + "-c"))
								.inclusiveGateway("innerJoin")
								.endEvent("innerEnd")
								.moveToNode("innerFork")
								.conditionExpression("= d")
								.serviceTask("d", (t) -> t.zeebeJobType(id + "-d"))
								.connectTo("innerJoin")
								.moveToNode("innerFork")
								.conditionExpression("= e")
								.serviceTask("e", (t) -> t.zeebeJobType(id + "-e"))
								.connectTo("innerJoin"))
					.connectTo("join")
					.done());
		long instance = Bpmns.start(client, id, Map.of("c", true, "d", true, "e", false)).getProcessInstanceKey();
		ActivatedJob c = Bpmns.activateOne(client, id + "-c");
		ActivatedJob d = Bpmns.activateOne(client, id + "-d");

		// when
		client.newCompleteCommand(Bpmns.activateOne(client, id + "-a")).send().join();
		client.newCompleteCommand(c).send().join();

		// then
		assertThat(elementEvents(engine, instance, "join")).isEmpty();
		assertThat(elementEvents(engine, instance, "innerJoin")).isEmpty();

		// when
		client.newCompleteCommand(d).send().join();

		// then
		client.newCompleteCommand(Bpmns.activateOne(client, id + "-after")).send().join();
		Bpmns.awaitInstanceState(engine, instance, "COMPLETED");
		assertThat(completed(engine, instance))
			.containsSubsequence("a", "c", "d", "innerJoin", "innerEnd", "sub", "join", "after")
			.doesNotContain("e");
		assertThat(Collections.frequency(completed(engine, instance), "innerJoin")).isEqualTo(1);
		assertThat(Collections.frequency(completed(engine, instance), "join")).isEqualTo(1);
	}

	@Test
	void shouldJoinTheDefaultFlowOfTheFork(CamundaClient client, TestEngine engine) {
		// given
		String id = Bpmns.randomId();
		Bpmns.deploy(client,
				Bpmn.createExecutableProcess(id)
					.startEvent()
					.inclusiveGateway("fork")
					.defaultFlow()
					.serviceTask("fallback", (t) -> t.zeebeJobType(id + "-fallback"))
					.inclusiveGateway("join")
					.serviceTask("after", (t) -> t.zeebeJobType(id + "-after"))
					.endEvent()
					.moveToNode("fork")
					.conditionExpression("= a")
					.serviceTask("a", (t) -> t.zeebeJobType(id + "-a"))
					.connectTo("join")
					.moveToNode("fork")
					.conditionExpression("= b")
					.serviceTask("b", (t) -> t.zeebeJobType(id + "-b"))
					.connectTo("join")
					.done());
		long instance = Bpmns.start(client, id, Map.of("a", false, "b", false)).getProcessInstanceKey();

		// when
		client.newCompleteCommand(Bpmns.activateOne(client, id + "-fallback")).send().join();

		// then
		client.newCompleteCommand(Bpmns.activateOne(client, id + "-after")).send().join();
		Bpmns.awaitInstanceState(engine, instance, "COMPLETED");
		assertThat(completed(engine, instance)).containsSubsequence("fork", "fallback", "join", "after")
			.doesNotContain("a", "b");
		assertThat(Collections.frequency(completed(engine, instance), "join")).isEqualTo(1);
	}

	@Test
	void shouldJoinOnceInEveryRoundOfALoop(CamundaClient client, TestEngine engine) {
		// given: the first round takes both branches, the later ones only b
		String id = Bpmns.randomId();
		Bpmns.deploy(client,
				Bpmn.createExecutableProcess(id)
					.startEvent()
					.exclusiveGateway("loop")
					.inclusiveGateway("fork")
					.conditionExpression("= round = 0")
					.scriptTask("a", (s) -> s.zeebeExpression("round").zeebeResultVariable("aRound"))
					.inclusiveGateway("join")
					.scriptTask("count", (s) -> s.zeebeExpression("round + 1").zeebeResultVariable("round"))
					.exclusiveGateway("again")
					.defaultFlow()
					.endEvent("end")
					.moveToNode("again")
					.conditionExpression("= round < 3")
					.connectTo("loop")
					.moveToNode("fork")
					.conditionExpression("= true")
					.scriptTask("b", (s) -> s.zeebeExpression("round").zeebeResultVariable("bRound"))
					.connectTo("join")
					.done());

		// when
		ProcessInstanceResult result = client.newCreateInstanceCommand()
			.bpmnProcessId(id)
			.latestVersion()
			.variables(Map.of("round", 0))
			.withResult()
			.send()
			.join();

		// then
		assertThat(result.getVariablesAsMap()).containsEntry("round", 3).containsEntry("aRound", 0);
		List<String> completed = completed(engine, result.getProcessInstanceKey());
		assertThat(Collections.frequency(completed, "join")).isEqualTo(3);
		assertThat(Collections.frequency(completed, "a")).isEqualTo(1);
		assertThat(Collections.frequency(completed, "b")).isEqualTo(3);
		assertThat(completed).containsSubsequence("a", "b", "join", "count", "b", "join", "count", "b", "join", "count",
				"end");
	}

	@Test
	void shouldForgetTokensAtAJoinWhenAnInterruptingEventSubprocessStarts(CamundaClient client, TestEngine engine) {
		// given: a token waits at the join for b when the event subprocess interrupts
		String id = Bpmns.randomId();
		Bpmns.deploy(client,
				Bpmn.createExecutableProcess(id)
					.eventSubProcess("onCancel",
							(sub) -> sub.startEvent("cancelled")
								.message((m) -> m.name(id + "-cancel").zeebeCorrelationKeyExpression("key"))
								.endEvent("cancelledEnd"))
					.startEvent()
					.inclusiveGateway("fork")
					.conditionExpression("= true")
					.serviceTask("a", (t) -> t.zeebeJobType(id + "-a"))
					.inclusiveGateway("join")
					.serviceTask("after", (t) -> t.zeebeJobType(id + "-after"))
					.endEvent()
					.moveToNode("fork")
					.conditionExpression("= true")
					.serviceTask("b", (t) -> t.zeebeJobType(id + "-b"))
					.connectTo("join")
					.done());
		ProcessInstanceEvent instance = Bpmns.start(client, id, Map.of("key", id));
		Bpmns.activateOne(client, id + "-b");
		client.newCompleteCommand(Bpmns.activateOne(client, id + "-a")).send().join();

		// when
		client.newPublishMessageCommand().messageName(id + "-cancel").correlationKey(id).send().join();

		// then
		Bpmns.awaitInstanceState(engine, instance.getProcessInstanceKey(), "COMPLETED");
		assertThat(completed(engine, instance.getProcessInstanceKey())).contains("cancelledEnd")
			.doesNotContain("join", "after");
	}

	private static BpmnModelInstance threeBranches(String id) {
		return Bpmn.createExecutableProcess(id)
			.startEvent()
			.inclusiveGateway("fork")
			.conditionExpression("= a")
			.serviceTask("a", (t) -> t.zeebeJobType(id + "-a"))
			.inclusiveGateway("join")
			.serviceTask("after", (t) -> t.zeebeJobType(id + "-after"))
			.endEvent()
			.moveToNode("fork")
			.conditionExpression("= b")
			.serviceTask("b", (t) -> t.zeebeJobType(id + "-b"))
			.connectTo("join")
			.moveToNode("fork")
			.conditionExpression("= c")
			.serviceTask("c", (t) -> t.zeebeJobType(id + "-c"))
			.connectTo("join")
			.done();
	}

	/** The ids of the element instances that completed, in the order they completed. */
	private static List<String> completed(TestEngine engine, long processInstanceKey) {
		return engine.engine()
			.queries()
			.history(processInstanceKey, QueryFilter.any().withState("ELEMENT"), 0, 1000)
			.items()
			.stream()
			.filter((event) -> event.event().equals("COMPLETED"))
			.map(Views.HistoryEvent::elementId)
			.toList();
	}

	private static List<String> elementEvents(TestEngine engine, long processInstanceKey, String elementId) {
		return engine.engine()
			.queries()
			.history(processInstanceKey, QueryFilter.any().withElementId(elementId).withState("ELEMENT"), 0, 100)
			.items()
			.stream()
			.map(Views.HistoryEvent::event)
			.toList();
	}

}
