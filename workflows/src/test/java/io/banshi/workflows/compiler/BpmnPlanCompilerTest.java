package io.banshi.workflows.compiler;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.BoundaryEvent;
import io.camunda.zeebe.model.bpmn.instance.EndEvent;
import io.camunda.zeebe.model.bpmn.instance.ErrorEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.EventBasedGateway;
import io.camunda.zeebe.model.bpmn.instance.ExclusiveGateway;
import io.camunda.zeebe.model.bpmn.instance.FlowNode;
import io.camunda.zeebe.model.bpmn.instance.IntermediateCatchEvent;
import io.camunda.zeebe.model.bpmn.instance.MessageEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.ParallelGateway;
import io.camunda.zeebe.model.bpmn.instance.Process;
import io.camunda.zeebe.model.bpmn.instance.SequenceFlow;
import io.camunda.zeebe.model.bpmn.instance.ServiceTask;
import io.camunda.zeebe.model.bpmn.instance.TerminateEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.TimerEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.bpmndi.BpmnEdge;
import io.camunda.zeebe.model.bpmn.instance.bpmndi.BpmnShape;
import io.camunda.zeebe.model.bpmn.instance.dc.Bounds;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeExecutionListener;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeExecutionListenerEventType;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeExecutionListeners;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeHeader;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeInput;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeIoMapping;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeOutput;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeSubscription;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskDefinition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.banshi.workflows.plan.Plan;
import io.banshi.workflows.plan.PlanStep;
import io.banshi.workflows.plan.StepKind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.tuple;

class BpmnPlanCompilerTest {

	private final BpmnPlanCompiler compiler = new BpmnPlanCompiler();

	static PlanStep step(String id, StepKind kind, String capability, Map<String, Object> inputs, String... dependsOn) {
		return new PlanStep(id, kind, capability, inputs, Arrays.asList(dependsOn));
	}

	static Map<String, Plan> shapes() {
		Map<String, Plan> shapes = new LinkedHashMap<>();
		shapes.put("linear",
				new Plan(Map.of("destination", "上海"),
						List.of(step("s1", StepKind.QUERY, "travel.flight", Map.of("destination", "上海")),
								step("s2", StepKind.COMPARE, "travel.flight", Map.of("by", "price"), "s1"),
								step("s3", StepKind.CONFIRM, "travel.flight", Map.of(), "s2"),
								step("s4", StepKind.ORDER, "travel.flight", Map.of(), "s3"))));
		shapes.put("parallel",
				new Plan(Map.of(),
						List.of(step("s1", StepKind.QUERY, "travel.flight", Map.of()),
								step("s2", StepKind.QUERY, "travel.hotel", Map.of()),
								step("s3", StepKind.COMPARE, "travel.hotel", Map.of(), "s1", "s2"),
								step("s4", StepKind.NOTIFY, "notify.message", Map.of(), "s3"),
								step("s5", StepKind.QUERY, "weather.forecast", Map.of()))));
		shapes.put("confirm inserted",
				new Plan(Map.of("item", "农夫山泉"),
						List.of(step("s1", StepKind.QUERY, "shop.product", Map.of("item", "农夫山泉", "quantity", 2)),
								step("s2", StepKind.ORDER, "shop.product", Map.of(), "s1"))));
		shapes.put("remind once", new Plan(Map.of("remind_at", "2026-12-01T08:00", "remind_text", "带充电器"),
				List.of(step("s1", StepKind.REMIND, null, Map.of("text", "带充电器")))));
		shapes.put("remind repeat",
				new Plan(Map.of("remind_at", "2026-12-01T08:00", "repeat", "daily"),
						List.of(step("s1", StepKind.QUERY, "weather.forecast", Map.of()),
								step("s2", StepKind.REMIND, null, Map.of("text", "喝水"), "s1"))));
		shapes.put("errors",
				new Plan(Map.of("budget", 5000), List.of(step("s1", StepKind.QUERY, "travel.flight", Map.of()),
						step("s2", StepKind.QUERY, "travel.hotel", Map.of()),
						step("s3", StepKind.COMPARE, "travel.flight", Map.of("budget", 5000), "s1"),
						step("s4", StepKind.ORDER, "travel.flight", Map.of(), "s3"),
						step("s5", StepKind.ORDER, "travel.hotel", Map.of(), "s2"),
						step("s6", StepKind.REMIND, null, Map.of("remind_at", "2026-12-08T20:00"), "s4", "s5"))));
		shapes.put("shared confirm",
				new Plan(Map.of(),
						List.of(step("s1", StepKind.QUERY, "travel.flight", Map.of()),
								step("s2", StepKind.QUERY, "travel.hotel", Map.of()),
								step("s3", StepKind.CONFIRM, null, Map.of(), "s1", "s2"),
								step("s4", StepKind.ORDER, "travel.flight", Map.of(), "s3"),
								step("s5", StepKind.ORDER, "travel.hotel", Map.of(), "s3"),
								step("s6", StepKind.NOTIFY, "notify.message", Map.of(), "s1", "s5"))));
		shapes.put("empty", new Plan(Map.of(), List.of()));
		return shapes;
	}

	static Collection<String> shapeNames() {
		return shapes().keySet();
	}

	@ParameterizedTest
	@MethodSource("shapeNames")
	void shouldCompileEveryPlanShapeIntoBpmnThatZeebeAccepts(String shape) {
		// given
		Plan plan = shapes().get(shape);

		// when
		String xml = this.compiler.compile(plan, "errand_test").bpmnXml();

		// then
		assertThat(BpmnValidation.problems(xml)).isEmpty();
		BpmnModelInstance model = read(xml);
		assertThat(model.getModelElementsByType(ServiceTask.class)).allSatisfy((task) -> {
			ZeebeTaskDefinition definition = task.getSingleExtensionElement(ZeebeTaskDefinition.class);
			assertThat(definition.getType()).isIn("query", "compare", "confirm", "order", "remind", "notify");
			assertThat(headers(task)).containsKey("stepId");
		});
	}

	@ParameterizedTest
	@MethodSource("shapeNames")
	void shouldDrawEveryFlowNodeAndSequenceFlowWithoutOverlaps(String shape) {
		// given
		Plan plan = shapes().get(shape);

		// when
		BpmnModelInstance model = read(this.compiler.compile(plan, "errand_test").bpmnXml());

		// then
		Map<String, Bounds> shapes = model.getModelElementsByType(BpmnShape.class)
			.stream()
			.collect(Collectors.toMap((s) -> s.getBpmnElement().getId(), BpmnShape::getBounds));
		Map<String, BpmnEdge> edges = model.getModelElementsByType(BpmnEdge.class)
			.stream()
			.collect(Collectors.toMap((e) -> e.getBpmnElement().getId(), Function.identity()));
		List<FlowNode> nodes = new ArrayList<>(model.getModelElementsByType(FlowNode.class));
		assertThat(shapes.keySet()).containsExactlyInAnyOrderElementsOf(nodes.stream().map(FlowNode::getId).toList());
		assertThat(edges.keySet()).containsExactlyInAnyOrderElementsOf(
				model.getModelElementsByType(SequenceFlow.class).stream().map(SequenceFlow::getId).toList());
		assertThat(edges.values()).allSatisfy((edge) -> assertThat(edge.getWaypoints()).hasSizeGreaterThanOrEqualTo(2));
		for (FlowNode a : nodes) {
			for (FlowNode b : nodes) {
				if (a == b || attached(a, b) || attached(b, a)) {
					continue;
				}
				assertThat(overlap(shapes.get(a.getId()), shapes.get(b.getId())))
					.as("%s overlaps %s", a.getId(), b.getId())
					.isFalse();
			}
		}
	}

	@Test
	void shouldMapEachStepToAServiceTaskWithItsKindCapabilityAndInputs() {
		// given
		Plan plan = new Plan(Map.of(),
				List.of(step("s1", StepKind.QUERY, "travel.flight",
						Map.of("destination", "上\"海", "party_size", 2, "budget", 2500.5, "direct", true, "date",
								"=today() + duration(\"P1D\")", "stops", List.of("a", 1)))));

		// when
		BpmnModelInstance model = this.compiler.compileModel(plan, "errand_inputs");

		// then
		ServiceTask task = model.getModelElementById("s1");
		assertThat(task.getSingleExtensionElement(ZeebeTaskDefinition.class).getType()).isEqualTo("query");
		assertThat(headers(task)).containsEntry("capability", "travel.flight").containsEntry("stepId", "s1");
		assertThat(inputs(task)).containsEntry("destination", "=\"上\\\"海\"")
			.containsEntry("party_size", "=2")
			.containsEntry("budget", "=2500.5")
			.containsEntry("direct", "=true")
			.containsEntry("date", "=today() + duration(\"P1D\")")
			.containsEntry("stops", "=[\"a\", 1]");
	}

	@Test
	void shouldTellThroughAnEndListenerThatTheErrandsProcessEnded() {
		// given
		Plan plan = new Plan(Map.of(), List.of(step("s1", StepKind.QUERY, "travel.flight", Map.of())));

		// when
		BpmnModelInstance model = read(this.compiler.compile(plan, "errand_ended").bpmnXml());

		// then: one end listener on the process itself, none on its elements
		Process process = model.getModelElementById("errand_ended");
		assertThat(process.getSingleExtensionElement(ZeebeExecutionListeners.class).getExecutionListeners())
			.extracting(ZeebeExecutionListener::getEventType, ZeebeExecutionListener::getType)
			.containsExactly(tuple(ZeebeExecutionListenerEventType.end, BpmnPlanCompiler.ERRAND_ENDED));
		assertThat(model.getModelElementsByType(ZeebeExecutionListener.class)).hasSize(1);
	}

	@Test
	void shouldRunIndependentStepsOnParallelBranches() {
		// given
		Plan plan = shapes().get("parallel");

		// when
		BpmnModelInstance model = this.compiler.compileModel(plan, "errand_parallel");

		// then
		ParallelGateway fork = model.getModelElementById("errand_fork");
		assertThat(fork.getOutgoing()).extracting((flow) -> flow.getTarget().getId())
			.containsExactlyInAnyOrder("s1", "s2", "s5");
		ParallelGateway join = model.getModelElementById("s3_join");
		assertThat(join.getIncoming()).extracting((flow) -> flow.getSource().getId())
			.containsExactlyInAnyOrder("s1", "s2");
		ParallelGateway end = model.getModelElementById("errand_join");
		assertThat(end.getIncoming()).extracting((flow) -> flow.getSource().getId())
			.containsExactlyInAnyOrder("s4", "s5");
	}

	@Test
	void shouldInsertAConfirmBeforeAnOrderThatHasNone() {
		// given
		Plan plan = shapes().get("confirm inserted");

		// when
		BpmnModelInstance model = this.compiler.compileModel(plan, "errand_buy");

		// then
		ServiceTask confirm = model.getModelElementById("s2_confirm");
		assertThat(confirm.getSingleExtensionElement(ZeebeTaskDefinition.class).getType()).isEqualTo("confirm");
		assertThat(confirm.getIncoming()).extracting((flow) -> flow.getSource().getId()).containsExactly("s1");
		EventBasedGateway wait = (EventBasedGateway) confirm.getOutgoing().iterator().next().getTarget();
		IntermediateCatchEvent message = model.getModelElementById("s2_confirm_confirmed");
		MessageEventDefinition definition = (MessageEventDefinition) message.getEventDefinitions().iterator().next();
		assertThat(definition.getMessage().getName()).isEqualTo("errand-confirmed");
		assertThat(definition.getMessage().getSingleExtensionElement(ZeebeSubscription.class).getCorrelationKey())
			.isEqualTo("=errandId + \"/s2_confirm\"");
		assertThat(message.getSingleExtensionElement(ZeebeIoMapping.class).getOutputs())
			.extracting(ZeebeOutput::getSource, ZeebeOutput::getTarget)
			.containsExactly(tuple("=confirmation", "confirmation_s2_confirm"));
		assertThat(inputsOf(model, "s2")).containsEntry("confirmation", "=confirmation_s2_confirm");
		IntermediateCatchEvent timeout = model.getModelElementById("s2_confirm_timeout");
		TimerEventDefinition timer = (TimerEventDefinition) timeout.getEventDefinitions().iterator().next();
		assertThat(timer.getTimeDuration().getTextContent()).isEqualTo("PT24H");
		assertThat(wait.getOutgoing()).extracting((flow) -> flow.getTarget().getId())
			.containsExactlyInAnyOrder("s2_confirm_confirmed", "s2_confirm_timeout");
		ExclusiveGateway decision = model.getModelElementById("s2_confirm_decision");
		assertThat(decision.getDefault().getTarget().getId()).isEqualTo("s2");
		SequenceFlow declined = decision.getOutgoing()
			.stream()
			.filter((flow) -> flow != decision.getDefault())
			.findFirst()
			.orElseThrow();
		assertThat(declined.getConditionExpression().getTextContent())
			.isEqualTo("=confirmation_s2_confirm.declined = true");
		assertThat(endsWithoutOrdering(declined.getTarget())).isTrue();
		assertThat(endsWithoutOrdering(timeout)).isTrue();
	}

	@Test
	void shouldKeyEachConfirmsAnswerToThatConfirmSoParallelBranchesNeverTakeEachOthers() {
		// given: a flight and a hotel, each ordered behind a confirm of its own on its
		// branch
		Plan plan = shapes().get("errors");

		// when
		BpmnModelInstance model = this.compiler.compileModel(plan, "errand_trip");

		// then
		assertThat(correlationKey(model, "s4_confirm_confirmed")).isEqualTo("=errandId + \"/s4_confirm\"");
		assertThat(correlationKey(model, "s5_confirm_confirmed")).isEqualTo("=errandId + \"/s5_confirm\"");
		assertThat(BpmnPlanCompiler.confirmationKey("e-1", "s4_confirm")).isEqualTo("e-1/s4_confirm");
		assertThat(inputsOf(model, "s4")).containsEntry("confirmation", "=confirmation_s4_confirm");
		assertThat(inputsOf(model, "s5")).containsEntry("confirmation", "=confirmation_s5_confirm");
	}

	@Test
	void shouldLetOrdersBehindOneSharedConfirmReadItsAnswer() {
		// given
		Plan plan = shapes().get("shared confirm");

		// when
		BpmnModelInstance model = this.compiler.compileModel(plan, "errand_shared");

		// then
		assertThat(inputsOf(model, "s4")).containsEntry("confirmation", "=confirmation_s3");
		assertThat(inputsOf(model, "s5")).containsEntry("confirmation", "=confirmation_s3");
		assertThat(inputsOf(model, "s1")).doesNotContainKey("confirmation");
	}

	private static String correlationKey(BpmnModelInstance model, String catchEventId) {
		IntermediateCatchEvent event = model.getModelElementById(catchEventId);
		MessageEventDefinition definition = (MessageEventDefinition) event.getEventDefinitions().iterator().next();
		return definition.getMessage().getSingleExtensionElement(ZeebeSubscription.class).getCorrelationKey();
	}

	private static Map<String, String> inputsOf(BpmnModelInstance model, String taskId) {
		ServiceTask task = model.getModelElementById(taskId);
		ZeebeIoMapping io = task.getSingleExtensionElement(ZeebeIoMapping.class);
		Map<String, String> inputs = new LinkedHashMap<>();
		if (io != null) {
			io.getInputs().forEach((input) -> inputs.put(input.getTarget(), input.getSource()));
		}
		return inputs;
	}

	@Test
	void shouldNotInsertAConfirmWhenTheOrderIsAlreadyBehindOne() {
		// given
		Plan plan = shapes().get("linear");

		// when
		BpmnModelInstance model = this.compiler.compileModel(plan, "errand_linear");

		// then
		assertThat(model.getModelElementsByType(ServiceTask.class)
			.stream()
			.filter((task) -> "confirm".equals(task.getSingleExtensionElement(ZeebeTaskDefinition.class).getType())))
			.extracting(ServiceTask::getId)
			.containsExactly("s3");
	}

	@Test
	void shouldWaitUntilTheReminderTimeInThePlansZoneThenRemind() {
		// given
		Plan plan = shapes().get("remind once");

		// when
		BpmnModelInstance model = this.compiler.compileModel(plan, "errand_remind");

		// then
		IntermediateCatchEvent at = model.getModelElementById("s1_at");
		TimerEventDefinition timer = (TimerEventDefinition) at.getEventDefinitions().iterator().next();
		assertThat(timer.getTimeDate().getTextContent())
			.isEqualTo("=date and time(\"2026-12-01T08:00:00@Asia/Shanghai\")");
		assertThat(at.getOutgoing()).extracting((flow) -> flow.getTarget().getId()).containsExactly("s1");
		assertThat(model.getModelElementsByType(ExclusiveGateway.class)).isEmpty();
	}

	@Test
	void shouldRepeatAReminderThroughALoopWithADurationTimer() {
		// given
		Plan plan = shapes().get("remind repeat");

		// when
		BpmnModelInstance model = this.compiler.compileModel(plan, "errand_daily");

		// then
		IntermediateCatchEvent every = model.getModelElementById("s2_every");
		TimerEventDefinition timer = (TimerEventDefinition) every.getEventDefinitions().iterator().next();
		assertThat(timer.getTimeDuration().getTextContent()).isEqualTo("P1D");
		assertThat(every.getOutgoing()).extracting((flow) -> flow.getTarget().getId()).containsExactly("s2_loop");
		ExclusiveGateway again = model.getModelElementById("s2_again");
		assertThat(again.getDefault().getTarget().getId()).isEqualTo("s2_every");
		assertThat(again.getOutgoing()).filteredOn((flow) -> flow != again.getDefault())
			.extracting((flow) -> flow.getConditionExpression().getTextContent())
			.containsExactly("=remindersStopped = true");
		ServiceTask remind = model.getModelElementById("s2");
		assertThat(headers(remind)).containsEntry("repeat", "P1D");
	}

	@Test
	void shouldCatchBusinessErrorsAndTellThePerson() {
		// given
		Plan plan = shapes().get("errors");

		// when
		BpmnModelInstance model = this.compiler.compileModel(plan, "errand_errors");

		// then
		assertThat(errorCodes(model, "s4")).containsExactlyInAnyOrder("SOLD_OUT", "OVER_BUDGET", "PRICE_CHANGED", "*");
		assertThat(errorCodes(model, "s5")).containsExactlyInAnyOrder("SOLD_OUT", "OVER_BUDGET", "PRICE_CHANGED", "*");
		assertThat(errorCodes(model, "s3")).containsExactly("OVER_BUDGET");
		ServiceTask notify = model.getModelElementById("s4_failed");
		assertThat(notify.getSingleExtensionElement(ZeebeTaskDefinition.class).getType()).isEqualTo("notify");
		assertThat(inputs(notify)).containsEntry("reason", "=businessError");
		assertThat(notify.getIncoming()).hasSize(4);
		assertThat(endsWithoutOrdering(notify)).isTrue();
	}

	@Test
	void shouldTreatADependencyNamedTwiceAsOne() {
		// given
		Plan plan = new Plan(Map.of(), List.of(step("s1", StepKind.QUERY, "travel.flight", Map.of()),
				step("s2", StepKind.COMPARE, "travel.flight", Map.of(), "s1", "s1")));

		// when
		BpmnModelInstance model = this.compiler.compileModel(plan, "errand_twice");

		// then
		assertThat(model.getModelElementsByType(ParallelGateway.class)).isEmpty();
		ServiceTask compare = model.getModelElementById("s2");
		assertThat(compare.getIncoming()).extracting((flow) -> flow.getSource().getId()).containsExactly("s1");
	}

	@Test
	void shouldRefuseAPlanWithACycleNamingTheStep() {
		// given
		Plan plan = new Plan(Map.of(),
				List.of(step("s1", StepKind.QUERY, "travel.flight", Map.of()),
						step("s2", StepKind.COMPARE, "travel.flight", Map.of(), "s1", "s3"),
						step("s3", StepKind.NOTIFY, null, Map.of(), "s2")));

		// when / then
		assertThatIllegalArgumentException().isThrownBy(() -> this.compiler.compile(plan, "errand_cycle"))
			.withMessageContaining("'s2'")
			.withMessageContaining("cycle");
	}

	@Test
	void shouldRefuseAPlanWithAnUnknownDependencyNamingTheStep() {
		// given
		Plan plan = new Plan(Map.of(), List.of(step("s1", StepKind.QUERY, "travel.flight", Map.of()),
				step("s2", StepKind.COMPARE, "travel.flight", Map.of(), "s9")));

		// when / then
		assertThatIllegalArgumentException().isThrownBy(() -> this.compiler.compile(plan, "errand_unknown"))
			.withMessageContaining("'s2'")
			.withMessageContaining("'s9'");
	}

	@Test
	void shouldRefuseAReminderAtATimeThatIsNotADate() {
		// given
		Plan plan = new Plan(Map.of("remind_at", "soon"), List.of(step("r1", StepKind.REMIND, null, Map.of())));

		// when / then
		assertThatIllegalArgumentException().isThrownBy(() -> this.compiler.compile(plan, "errand_soon"))
			.withMessageContaining("'r1'")
			.withMessageContaining("soon");
	}

	static BpmnModelInstance read(String xml) {
		return Bpmn.readModelFromStream(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
	}

	static Map<String, String> headers(ServiceTask task) {
		return task.getExtensionElements()
			.getElementsQuery()
			.filterByType(io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskHeaders.class)
			.singleResult()
			.getHeaders()
			.stream()
			.collect(Collectors.toMap(ZeebeHeader::getKey, ZeebeHeader::getValue));
	}

	static Map<String, String> inputs(ServiceTask task) {
		return task.getExtensionElements()
			.getElementsQuery()
			.filterByType(io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeIoMapping.class)
			.singleResult()
			.getInputs()
			.stream()
			.collect(Collectors.toMap(ZeebeInput::getTarget, ZeebeInput::getSource));
	}

	private static List<String> errorCodes(BpmnModelInstance model, String activity) {
		return model.getModelElementsByType(BoundaryEvent.class)
			.stream()
			.filter((event) -> event.getAttachedTo().getId().equals(activity))
			.map((event) -> ((ErrorEventDefinition) event.getEventDefinitions().iterator().next()).getError())
			.map((error) -> (error != null) ? error.getErrorCode() : "*")
			.toList();
	}

	/**
	 * Follows the single path from a node: it must reach a terminate end without an
	 * order.
	 */
	private static boolean endsWithoutOrdering(FlowNode node) {
		FlowNode current = node;
		for (int i = 0; i < 10; i++) {
			if (current instanceof ServiceTask task
					&& "order".equals(task.getSingleExtensionElement(ZeebeTaskDefinition.class).getType())) {
				return false;
			}
			if (current instanceof EndEvent end) {
				return end.getEventDefinitions().stream().anyMatch(TerminateEventDefinition.class::isInstance);
			}
			if (current.getOutgoing().size() != 1) {
				return false;
			}
			current = current.getOutgoing().iterator().next().getTarget();
		}
		return false;
	}

	private static boolean attached(FlowNode boundary, FlowNode host) {
		return boundary instanceof BoundaryEvent event && event.getAttachedTo() == host;
	}

	private static boolean overlap(Bounds a, Bounds b) {
		return a.getX() < b.getX() + b.getWidth() && b.getX() < a.getX() + a.getWidth()
				&& a.getY() < b.getY() + b.getHeight() && b.getY() < a.getY() + a.getHeight();
	}

}
