package io.banshi.workflows.compiler;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.impl.BpmnModelConstants;
import io.camunda.zeebe.model.bpmn.builder.BoundaryEventBuilder;
import io.camunda.zeebe.model.bpmn.builder.IntermediateCatchEventBuilder;
import io.camunda.zeebe.model.bpmn.builder.ServiceTaskBuilder;
import io.camunda.zeebe.model.bpmn.instance.ConditionExpression;
import io.camunda.zeebe.model.bpmn.instance.StartEvent;
import io.camunda.zeebe.model.bpmn.instance.ServiceTask;
import io.camunda.zeebe.model.bpmn.instance.Process;
import io.camunda.zeebe.model.bpmn.instance.ParallelGateway;
import io.camunda.zeebe.model.bpmn.instance.IntermediateCatchEvent;
import io.camunda.zeebe.model.bpmn.instance.FlowNode;
import io.camunda.zeebe.model.bpmn.instance.EventBasedGateway;
import io.camunda.zeebe.model.bpmn.instance.EndEvent;
import io.camunda.zeebe.model.bpmn.instance.BoundaryEvent;
import io.camunda.zeebe.model.bpmn.instance.Activity;
import io.camunda.zeebe.model.bpmn.instance.ExclusiveGateway;
import io.camunda.zeebe.model.bpmn.instance.SequenceFlow;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import io.banshi.workflows.compiler.ProcessGraph.Edge;
import io.banshi.workflows.compiler.ProcessGraph.Node;
import io.banshi.workflows.compiler.ProcessGraph.Type;
import io.banshi.workflows.plan.Plan;
import io.banshi.workflows.plan.PlanStep;
import io.banshi.workflows.plan.StepKind;

/**
 * Compiles plans into BPMN for an engine with Zeebe's semantics.
 *
 * <p>
 * The process it writes, and what the workers and the errand API can rely on:
 * <ul>
 * <li>Every step is a service task whose id is the step id, with job type = the step's
 * kind, task headers {@code stepId} and {@code capability}, and the step's inputs as
 * input mappings (literals as FEEL literals, strings starting with {@code =} as
 * FEEL).</li>
 * <li>Steps with no dependency between them run on parallel branches (parallel gateway
 * fork and join).</li>
 * <li>A {@code confirm} task is followed by an event-based gateway that races the message
 * {@value #CONFIRMED_MESSAGE}, correlated by {@link #confirmationKey(String, String)}
 * (the errand and the confirm step, so that the answer to one confirm can never be taken
 * by another confirm waiting on a parallel branch), against a timer (default
 * {@code PT24H}). The message's variables must carry {@code confirmation}, which the
 * catch event keeps as {@code confirmation_<confirm step>};
 * {@code confirmation.declined = true} ends the errand without ordering, and so does the
 * timeout (after a {@code notify} task telling the person). Every {@code order} without a
 * {@code confirm} before it gets one inserted, and reads the answer of the confirm it
 * stands behind as its local {@code confirmation}.</li>
 * <li>A {@code remind} step waits on a timer until its {@code remind_at} (step input,
 * else the plan slot; a local date-time is read in the plan's {@code timezone} slot, else
 * the compiler's zone). With a {@code repeat} ({@code daily}, {@code weekly},
 * {@code monthly}, or an ISO-8601 duration) the remind task loops through an exclusive
 * gateway and a duration timer, because Zeebe allows only date and duration timers on
 * intermediate catch events; the loop ends when the variable {@value #STOP_REMINDERS} is
 * {@code true}, or with the errand.</li>
 * <li>The business errors {@code SOLD_OUT}, {@code OVER_BUDGET} and {@code PRICE_CHANGED}
 * on an {@code order} (and {@code OVER_BUDGET} on a {@code compare}) are caught by error
 * boundary events that set {@code businessError} and lead to a {@code notify} task, then
 * end the errand. An {@code order} also has a catch-all error boundary for the codes
 * plugins add ({@code NOT_FOUND}, {@code INVALID_INPUT}, ...).</li>
 * <li>Paths that end the errand early use terminate end events, so that parallel branches
 * never wait for a branch that is gone.</li>
 * <li>The process has an {@code end} execution listener of job type
 * {@value #ERRAND_ENDED}: when it completes (by any end event, terminate included; not
 * when it is canceled) a worker learns through the protocol that the errand ended, on the
 * embedded engine and on a Camunda 8 cluster alike.</li>
 * </ul>
 * The process expects the variable {@code errandId} when it is started.
 */
@Component
public class BpmnPlanCompiler implements PlanCompiler {

	/**
	 * The job type of the process-level {@code end} execution listener every errand
	 * process has: its job says the errand's process completed.
	 */
	public static final String ERRAND_ENDED = "errand-ended";

	/** The name of the message a confirmation sends. */
	public static final String CONFIRMED_MESSAGE = "errand-confirmed";

	/**
	 * The correlation key of the {@value #CONFIRMED_MESSAGE} message that answers one
	 * confirm step of one errand.
	 * @param errandId the errand (the process variable {@code errandId})
	 * @param confirmStepId the confirm step's id (its task's {@code stepId} header)
	 * @return the key
	 */
	public static String confirmationKey(String errandId, String confirmStepId) {
		return errandId + "/" + confirmStepId;
	}

	/** The variable that ends a repeating reminder's loop when {@code true}. */
	public static final String STOP_REMINDERS = "remindersStopped";

	/** The business error codes an {@code order} may throw. */
	public static final List<String> ORDER_ERRORS = List.of("SOLD_OUT", "OVER_BUDGET", "PRICE_CHANGED");

	private static final String NOTIFY_CAPABILITY = "notify.message";

	private final ZoneId zone;

	private final Duration confirmTimeout;

	/**
	 * Creates a compiler for errands in Asia/Shanghai with a 24-hour confirmation window.
	 */
	public BpmnPlanCompiler() {
		this(ZoneId.of("Asia/Shanghai"), Duration.ofHours(24));
	}

	/**
	 * Creates a compiler.
	 * @param zone the zone a reminder's local date-time is read in when the plan has no
	 * {@code timezone} slot
	 * @param confirmTimeout how long a confirmation is waited for
	 */
	@Autowired
	public BpmnPlanCompiler(@Value("${banshi.errands.zone:Asia/Shanghai}") ZoneId zone,
			@Value("${banshi.errands.confirm-timeout:PT24H}") Duration confirmTimeout) {
		this.zone = zone;
		this.confirmTimeout = confirmTimeout;
	}

	@Override
	public CompiledProcess compile(Plan plan, String processId) {
		BpmnModelInstance model = compileModel(plan, processId);
		return new CompiledProcess(processId, Bpmn.convertToString(model));
	}

	/**
	 * Returns a plan as the compiler sees it: steps ordered so that each comes after
	 * those it depends on, and a {@code confirm} inserted before every {@code order} that
	 * has none among the steps it depends on.
	 * @param plan the plan
	 * @return the plan with the inserted confirms
	 * @throws IllegalArgumentException when the plan cannot be compiled, naming the step
	 */
	public Plan normalise(Plan plan) {
		return new Plan(plan.slots(), PlanGraph.of(plan).steps());
	}

	/**
	 * Compiles a plan into a BPMN model (what {@link #compile(Plan, String)} writes out).
	 * @param plan the plan
	 * @param processId the process id
	 * @return the model, with diagram layout
	 * @throws IllegalArgumentException when the plan cannot be compiled, naming the step
	 */
	public BpmnModelInstance compileModel(Plan plan, String processId) {
		if (processId == null || !processId.matches("[A-Za-z_][A-Za-z0-9_.-]*")) {
			throw new IllegalArgumentException("Process id '" + processId + "' is not a valid BPMN id");
		}
		PlanGraph steps = PlanGraph.of(plan);
		ProcessGraph graph = toProcessGraph(plan, steps);
		BpmnModelInstance model = write(graph, processId);
		DiagramLayout.apply(model, graph);
		return model;
	}

	private ProcessGraph toProcessGraph(Plan plan, PlanGraph steps) {
		ProcessGraph graph = new ProcessGraph();
		graph.add("errand_start", Type.START, "errand");
		List<Fragment> fragments = new ArrayList<>();
		Map<String, Fragment> byStep = new HashMap<>();
		List<String> roots = steps.steps().stream().filter((s) -> s.dependsOn().isEmpty()).map(PlanStep::id).toList();
		String rootSource = "errand_start";
		if (roots.size() > 1) {
			graph.add("errand_fork", Type.PARALLEL_GATEWAY, null);
			graph.connect("errand_start", "errand_fork");
			rootSource = "errand_fork";
		}
		for (PlanStep step : steps.steps()) {
			String in = null;
			if (step.dependsOn().size() > 1) {
				in = step.id() + "_join";
				graph.add(in, Type.PARALLEL_GATEWAY, null);
			}
			Fragment fragment = fragment(graph, plan, steps, step);
			if (in != null) {
				graph.connect(in, fragment.entry());
			}
			else {
				in = fragment.entry();
			}
			fragment = fragment.withIn(in);
			fragments.add(fragment);
			byStep.put(step.id(), fragment);
		}
		List<String> sinks = steps.sinks();
		String sinkTarget = "errand_end";
		if (sinks.size() > 1) {
			sinkTarget = "errand_join";
			graph.add(sinkTarget, Type.PARALLEL_GATEWAY, null);
		}
		graph.add("errand_end", Type.END, "done");
		if (sinks.size() > 1) {
			graph.connect("errand_join", "errand_end");
		}
		if (steps.steps().isEmpty()) {
			graph.connect("errand_start", "errand_end");
		}
		for (String root : roots) {
			graph.connect(rootSource, byStep.get(root).in());
		}
		for (Fragment fragment : fragments) {
			List<String> targets = steps.successors(fragment.stepId())
				.stream()
				.map((id) -> byStep.get(id).in())
				.toList();
			if (targets.isEmpty()) {
				targets = List.of(sinkTarget);
			}
			String source = fragment.exit();
			if (targets.size() > 1) {
				String fork = fragment.stepId() + "_fork";
				graph.add(fork, Type.PARALLEL_GATEWAY, null);
				graph.connect(source, fork, fragment.exitCondition(), fragment.exitIsDefault(), false);
				targets.forEach((target) -> graph.connect(fork, target));
			}
			else {
				graph.connect(source, targets.get(0), fragment.exitCondition(), fragment.exitIsDefault(), false);
			}
		}
		return graph;
	}

	/**
	 * Where a step's flow nodes begin and end.
	 */
	private record Fragment(String stepId, String in, String entry, String exit, String exitCondition,
			boolean exitIsDefault) {

		Fragment withIn(String newIn) {
			return new Fragment(this.stepId, newIn, this.entry, this.exit, this.exitCondition, this.exitIsDefault);
		}

	}

	private static String confirmationVariable(String confirmStepId) {
		// Step ids may hold '-', which FEEL would read as a minus.
		return "confirmation_" + confirmStepId.replaceAll("[^\\p{L}\\p{N}_]", "_");
	}

	private Fragment fragment(ProcessGraph graph, Plan plan, PlanGraph steps, PlanStep step) {
		return switch (step.kind()) {
			case CONFIRM -> confirm(graph, step);
			case REMIND -> remind(graph, plan, step);
			case ORDER -> {
				Fragment order = withBusinessErrors(graph, step, ORDER_ERRORS, true);
				String confirm = steps.confirmBefore(step);
				if (confirm != null) {
					graph.node(step.id()).inputs.put("confirmation", "=" + confirmationVariable(confirm));
				}
				yield order;
			}
			case COMPARE -> withBusinessErrors(graph, step, List.of("OVER_BUDGET"), false);
			case QUERY, NOTIFY -> {
				task(graph, step);
				yield new Fragment(step.id(), null, step.id(), step.id(), null, false);
			}
		};
	}

	private Node task(ProcessGraph graph, PlanStep step) {
		String name = step.kind().jobType() + ((step.capability() != null) ? " " + step.capability() : "");
		Node task = graph.add(step.id(), Type.SERVICE_TASK, name);
		task.jobType = step.kind().jobType();
		task.headers.put("stepId", step.id());
		if (step.capability() != null) {
			task.headers.put("capability", step.capability());
		}
		step.inputs().forEach((key, value) -> {
			if (key == null || !key.matches("[\\p{L}_][\\p{L}\\p{N}_]*")) {
				throw new IllegalArgumentException(
						"Step '" + step.id() + "' has an input named '" + key + "', which is not a variable name");
			}
			task.inputs.put(key, FeelLiterals.expression(value));
		});
		return task;
	}

	private Node notifyTask(ProcessGraph graph, String id, String stepId, String name, String reasonExpression) {
		Node notify = graph.add(id, Type.SERVICE_TASK, name);
		notify.jobType = StepKind.NOTIFY.jobType();
		notify.headers.put("stepId", stepId);
		notify.headers.put("capability", NOTIFY_CAPABILITY);
		notify.inputs.put("reason", reasonExpression);
		return notify;
	}

	private Fragment confirm(ProcessGraph graph, PlanStep step) {
		String id = step.id();
		task(graph, step);
		graph.add(id + "_wait", Type.EVENT_GATEWAY, "wait for the person");
		graph.connect(id, id + "_wait");
		Node message = graph.add(id + "_confirmed", Type.MESSAGE_CATCH, "confirmed");
		message.messageName = CONFIRMED_MESSAGE;
		// Must match confirmationKey(errandId, id).
		message.correlationKey = "=errandId + \"/" + id + "\"";
		message.outputs.put(confirmationVariable(id), "=confirmation");
		graph.connect(id + "_wait", message.id);
		Node timer = graph.add(id + "_timeout", Type.TIMER_DURATION_CATCH, "no answer");
		timer.timer = this.confirmTimeout.toString();
		graph.connect(id + "_wait", timer.id);
		graph.add(id + "_decision", Type.EXCLUSIVE_GATEWAY, "declined?");
		graph.connect(message.id, id + "_decision");
		graph.add(id + "_declined", Type.TERMINATE_END, "declined");
		graph.connect(id + "_decision", id + "_declined", "=" + confirmationVariable(id) + ".declined = true", false,
				false);
		notifyTask(graph, id + "_timeout_notify", id, "notify: not confirmed in time", "=\"CONFIRM_TIMEOUT\"");
		graph.connect(timer.id, id + "_timeout_notify");
		graph.add(id + "_timeout_end", Type.TERMINATE_END, "not confirmed");
		graph.connect(id + "_timeout_notify", id + "_timeout_end");
		return new Fragment(id, null, id, id + "_decision", null, true);
	}

	private Fragment withBusinessErrors(ProcessGraph graph, PlanStep step, List<String> errorCodes, boolean catchAll) {
		String id = step.id();
		task(graph, step);
		List<String> boundaries = new ArrayList<>();
		for (String code : errorCodes) {
			Node boundary = graph.add(id + "_" + code.toLowerCase(Locale.ROOT), Type.ERROR_BOUNDARY, code);
			boundary.attachedTo = id;
			boundary.errorCode = code;
			boundary.outputs.put("businessError", FeelLiterals.expression(code));
			boundaries.add(boundary.id);
		}
		if (catchAll) {
			// Any other business error a plugin throws (NOT_FOUND, INVALID_INPUT, ...)
			// also
			// reaches the person instead of becoming an incident; the worker sets
			// businessError itself. Zeebe prefers a boundary with the thrown code.
			Node boundary = graph.add(id + "_other_error", Type.ERROR_BOUNDARY, "other business error");
			boundary.attachedTo = id;
			boundaries.add(boundary.id);
		}
		notifyTask(graph, id + "_failed", id, "notify: " + String.join(", ", errorCodes), "=businessError");
		boundaries.forEach((boundary) -> graph.connect(boundary, id + "_failed"));
		graph.add(id + "_failed_end", Type.TERMINATE_END, "stopped");
		graph.connect(id + "_failed", id + "_failed_end");
		return new Fragment(id, null, id, id, null, false);
	}

	private Fragment remind(ProcessGraph graph, Plan plan, PlanStep step) {
		String id = step.id();
		Object at = step.inputs().containsKey("remind_at") ? step.inputs().get("remind_at")
				: plan.slots().get("remind_at");
		Object repeatValue = step.inputs().containsKey("repeat") ? step.inputs().get("repeat")
				: plan.slots().get("repeat");
		String repeat = (repeatValue != null) ? repeatInterval(step, String.valueOf(repeatValue)) : null;
		String entry = null;
		String previous = null;
		if (at != null) {
			String when = String.valueOf(at).startsWith("=") ? "at the set time" : "at " + at;
			Node timer = graph.add(id + "_at", Type.TIMER_DATE_CATCH, when);
			timer.timer = timeDate(step, at, plan.slots().get("timezone"));
			entry = timer.id;
			previous = timer.id;
		}
		if (repeat != null) {
			graph.add(id + "_loop", Type.EXCLUSIVE_GATEWAY, null);
			if (previous != null) {
				graph.connect(previous, id + "_loop");
			}
			entry = (entry != null) ? entry : id + "_loop";
			previous = id + "_loop";
		}
		Node task = task(graph, step);
		if (repeat != null) {
			task.headers.put("repeat", repeat);
		}
		if (previous != null) {
			graph.connect(previous, id);
		}
		entry = (entry != null) ? entry : id;
		if (repeat == null) {
			return new Fragment(id, null, entry, id, null, false);
		}
		graph.add(id + "_again", Type.EXCLUSIVE_GATEWAY, "stopped?");
		graph.connect(id, id + "_again");
		Node every = graph.add(id + "_every", Type.TIMER_DURATION_CATCH, "every " + repeat);
		every.timer = repeat;
		graph.connect(id + "_again", every.id, null, true, false);
		graph.connect(every.id, id + "_loop", null, false, true);
		return new Fragment(id, null, entry, id + "_again", "=" + STOP_REMINDERS + " = true", false);
	}

	private static String repeatInterval(PlanStep step, String repeat) {
		String value = repeat.trim().toLowerCase(Locale.ROOT);
		return switch (value) {
			case "hourly" -> "PT1H";
			case "daily", "weekdays", "every day" -> "P1D";
			case "weekly", "every week" -> "P7D";
			case "monthly", "every month" -> "P1M";
			case "yearly", "annually" -> "P1Y";
			default -> {
				if (value.startsWith("p")) {
					try {
						if (value.contains("t")) {
							Duration.parse(repeat.trim());
						}
						else {
							java.time.Period.parse(repeat.trim());
						}
						yield repeat.trim().toUpperCase(Locale.ROOT);
					}
					catch (DateTimeParseException ex) {
						// Falls through to the error below.
					}
				}
				throw new IllegalArgumentException("Step '" + step.id() + "' repeats '" + repeat
						+ "'; expected daily, weekly, monthly or an ISO-8601 duration");
			}
		};
	}

	private String timeDate(PlanStep step, Object at, Object timezone) {
		String text = String.valueOf(at).trim();
		if (text.startsWith("=")) {
			return text;
		}
		try {
			OffsetDateTime offset = OffsetDateTime.parse(text);
			return "=date and time(" + FeelLiterals.string(offset.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)) + ")";
		}
		catch (DateTimeParseException ex) {
			// Not with an offset: read it as a local date-time below.
		}
		LocalDateTime local;
		try {
			local = LocalDateTime.parse(text);
		}
		catch (DateTimeParseException ex) {
			try {
				// A reminder on a day without a time rings in the morning.
				local = LocalDate.parse(text).atTime(LocalTime.of(9, 0));
			}
			catch (DateTimeParseException notADate) {
				throw new IllegalArgumentException("Step '" + step.id() + "' reminds at '" + text
						+ "', which is not an ISO date-time (YYYY-MM-DDTHH:MM)");
			}
		}
		ZoneId in = this.zone;
		if (timezone != null) {
			try {
				in = ZoneId.of(String.valueOf(timezone));
			}
			catch (DateTimeException ex) {
				// An unknown zone name in the slots: the compiler's zone is the better
				// guess.
			}
		}
		return "=date and time("
				+ FeelLiterals.string(local.format(DateTimeFormatter.ISO_LOCAL_DATE_TIME) + "@" + in.getId()) + ")";
	}

	private static BpmnModelInstance write(ProcessGraph graph, String processId) {
		BpmnModelInstance model = Bpmn.createExecutableProcess(processId).name("errand " + processId).done();
		// Declared before any extension element is written, so they read zeebe:... and
		// not ns0:... in the XML people and modelers look at.
		model.getDefinitions().getDomElement().registerNamespace("zeebe", BpmnModelConstants.ZEEBE_NS);
		Process process = model.getModelElementById(processId);
		process.builder().zeebeEndExecutionListener(ERRAND_ENDED);
		// Elements are created through the model API and configured through their own
		// builders: the fluent builder's chaining would also draw every element,
		// searching
		// the whole document each time, and DiagramLayout draws them all anyway.
		Map<String, FlowNode> created = new HashMap<>();
		for (Node node : graph.ordered()) {
			// Giving the id at creation skips the search for references to the old id.
			FlowNode element = model.newInstance(elementType(node.type), node.id);
			if (node.name != null) {
				element.setName(node.name);
			}
			process.addChildElement(element);
			configure(element, node, created);
			created.put(node.id, element);
		}
		for (Edge edge : graph.edges()) {
			SequenceFlow flow = model.newInstance(SequenceFlow.class, edge.id());
			process.addChildElement(flow);
			FlowNode source = created.get(edge.source());
			FlowNode target = created.get(edge.target());
			flow.setSource(source);
			flow.setTarget(target);
			source.getOutgoing().add(flow);
			target.getIncoming().add(flow);
			if (edge.condition() != null) {
				ConditionExpression condition = model.newInstance(ConditionExpression.class);
				condition.setTextContent(edge.condition());
				flow.setConditionExpression(condition);
			}
			if (edge.isDefault()) {
				((ExclusiveGateway) source).setDefault(flow);
			}
		}
		return model;
	}

	private static Class<? extends FlowNode> elementType(Type type) {
		return switch (type) {
			case START -> StartEvent.class;
			case END, TERMINATE_END -> EndEvent.class;
			case SERVICE_TASK -> ServiceTask.class;
			case PARALLEL_GATEWAY -> ParallelGateway.class;
			case EXCLUSIVE_GATEWAY -> ExclusiveGateway.class;
			case EVENT_GATEWAY -> EventBasedGateway.class;
			case MESSAGE_CATCH, TIMER_DATE_CATCH, TIMER_DURATION_CATCH -> IntermediateCatchEvent.class;
			case ERROR_BOUNDARY -> BoundaryEvent.class;
		};
	}

	private static void configure(FlowNode element, Node node, Map<String, FlowNode> created) {
		switch (node.type) {
			case SERVICE_TASK -> {
				ServiceTaskBuilder task = ((ServiceTask) element).builder().zeebeJobType(node.jobType);
				node.headers.forEach(task::zeebeTaskHeader);
				node.inputs.forEach((target, source) -> task.zeebeInput(source, target));
			}
			case MESSAGE_CATCH -> {
				// A message element of its own (not one shared by name): each confirm has
				// its own correlation key.
				IntermediateCatchEventBuilder builder = ((IntermediateCatchEvent) element).builder()
					.message((message) -> message.name(node.messageName)
						.zeebeCorrelationKeyExpression(node.correlationKey.substring(1)));
				node.outputs.forEach((target, source) -> builder.zeebeOutput(source, target));
			}
			case TIMER_DATE_CATCH -> ((IntermediateCatchEvent) element).builder().timerWithDate(node.timer);
			case TIMER_DURATION_CATCH -> ((IntermediateCatchEvent) element).builder().timerWithDuration(node.timer);
			case TERMINATE_END -> ((EndEvent) element).builder().terminate();
			case ERROR_BOUNDARY -> {
				BoundaryEvent boundary = (BoundaryEvent) element;
				boundary.setAttachedTo((Activity) created.get(node.attachedTo));
				boundary.setCancelActivity(true);
				BoundaryEventBuilder builder = (node.errorCode != null) ? boundary.builder().error(node.errorCode)
						: boundary.builder().error();
				node.outputs.forEach((target, source) -> builder.zeebeOutput(source, target));
			}
			default -> {
				// Gateways, start and plain end events need nothing more.
			}
		}
	}

}
