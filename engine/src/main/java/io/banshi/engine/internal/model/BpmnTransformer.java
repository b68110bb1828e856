package io.banshi.engine.internal.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.banshi.engine.internal.feel.Expression;
import io.banshi.engine.internal.feel.FeelExpressions;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.Activity;
import io.camunda.zeebe.model.bpmn.instance.BaseElement;
import io.camunda.zeebe.model.bpmn.instance.BoundaryEvent;
import io.camunda.zeebe.model.bpmn.instance.BusinessRuleTask;
import io.camunda.zeebe.model.bpmn.instance.ConditionExpression;
import io.camunda.zeebe.model.bpmn.instance.CallActivity;
import io.camunda.zeebe.model.bpmn.instance.EndEvent;
import io.camunda.zeebe.model.bpmn.instance.ErrorEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.EventDefinition;
import io.camunda.zeebe.model.bpmn.instance.EventBasedGateway;
import io.camunda.zeebe.model.bpmn.instance.ExclusiveGateway;
import io.camunda.zeebe.model.bpmn.instance.InclusiveGateway;
import io.camunda.zeebe.model.bpmn.instance.IntermediateCatchEvent;
import io.camunda.zeebe.model.bpmn.instance.Message;
import io.camunda.zeebe.model.bpmn.instance.MultiInstanceLoopCharacteristics;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeLoopCharacteristics;
import io.camunda.zeebe.model.bpmn.instance.MessageEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.ReceiveTask;
import io.camunda.zeebe.model.bpmn.instance.TimerEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.UserTask;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeAssignmentDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeCalledElement;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeSubscription;
import io.camunda.zeebe.model.bpmn.instance.FlowElement;
import io.camunda.zeebe.model.bpmn.instance.FlowNode;
import io.camunda.zeebe.model.bpmn.instance.ParallelGateway;
import io.camunda.zeebe.model.bpmn.instance.Process;
import io.camunda.zeebe.model.bpmn.instance.ScriptTask;
import io.camunda.zeebe.model.bpmn.instance.SendTask;
import io.camunda.zeebe.model.bpmn.instance.SequenceFlow;
import io.camunda.zeebe.model.bpmn.instance.ServiceTask;
import io.camunda.zeebe.model.bpmn.instance.StartEvent;
import io.camunda.zeebe.model.bpmn.instance.SubProcess;
import io.camunda.zeebe.model.bpmn.instance.TerminateEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeExecutionListener;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeExecutionListenerEventType;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeExecutionListeners;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeHeader;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeInput;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeIoMapping;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeOutput;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeScript;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskHeaders;
import io.camunda.zeebe.model.bpmn.validation.zeebe.ZeebeDesignTimeValidators;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.camunda.bpm.model.xml.validation.ValidationResult;
import org.camunda.bpm.model.xml.validation.ValidationResultType;
import org.camunda.bpm.model.xml.validation.ValidationResults;

/**
 * Turns a parsed BPMN model into executable graphs, collecting every problem (Zeebe's
 * design-time rules plus this engine's own) instead of stopping at the first.
 */
public final class BpmnTransformer {

	private final FeelExpressions feel;

	public BpmnTransformer(FeelExpressions feel) {
		this.feel = feel;
	}

	/**
	 * Validates and transforms every executable process of a model.
	 * @param model the parsed model
	 * @return the graphs, or the problems (element id and message) when it cannot run
	 */
	public Result transform(BpmnModelInstance model) {
		Problems problems = new Problems();
		ValidationResults results = model.validate(ZeebeDesignTimeValidators.VALIDATORS);
		results.getResults().forEach((element, list) -> {
			for (ValidationResult result : list) {
				if (result.getType() == ValidationResultType.ERROR) {
					problems.add(idOf(element), result.getMessage());
				}
			}
		});
		List<ProcessGraph> graphs = new ArrayList<>();
		Collection<Process> processes = model.getModelElementsByType(Process.class);
		for (Process process : processes) {
			if (!process.isExecutable()) {
				continue;
			}
			graphs.add(new ProcessBuilder(process, problems).build());
		}
		if (graphs.isEmpty() && problems.isEmpty()) {
			problems.add(null, "Expected to find at least one executable process, but found none");
		}
		return new Result(problems.isEmpty() ? graphs : List.of(), problems.list());
	}

	private static String idOf(ModelElementInstance element) {
		// A problem in an extension element (a listener without a type) is reported on
		// the
		// BPMN element that carries it, so the message names an id the modeler shows.
		for (ModelElementInstance current = element; current != null; current = current.getParentElement()) {
			if (current instanceof BaseElement base && base.getId() != null) {
				return base.getId();
			}
		}
		return (element != null) ? element.getElementType().getTypeName() : null;
	}

	/**
	 * The outcome of a transformation.
	 *
	 * @param graphs the executable processes (empty when there are problems)
	 * @param problems every problem found, as {@code element id -> messages}
	 */
	public record Result(List<ProcessGraph> graphs, Map<String, List<String>> problems) {

		public boolean valid() {
			return this.problems.isEmpty();
		}

	}

	private static final class Problems {

		private final Map<String, Set<String>> byElement = new LinkedHashMap<>();

		void add(String elementId, String message) {
			this.byElement.computeIfAbsent(String.valueOf(elementId), (k) -> new LinkedHashSet<>()).add(message);
		}

		boolean isEmpty() {
			return this.byElement.isEmpty();
		}

		Map<String, List<String>> list() {
			Map<String, List<String>> result = new LinkedHashMap<>();
			this.byElement.forEach((k, v) -> result.put(k, List.copyOf(v)));
			return result;
		}

	}

	/** Builds one process; an instance per process keeps the state of the walk. */
	private final class ProcessBuilder {

		private final Process process;

		private final Problems problems;

		private final Map<String, ExecutableElement> elements = new HashMap<>();

		private final Map<String, ExecutableSequenceFlow> flows = new HashMap<>();

		ProcessBuilder(Process process, Problems problems) {
			this.process = process;
			this.problems = problems;
		}

		ProcessGraph build() {
			ExecutableContainer root = new ExecutableContainer(this.process.getId(), ElementType.PROCESS);
			this.elements.put(root.id(), root);
			listeners(this.process, root);
			buildScope(root, this.process.getFlowElements());
			if (!root.listeners(ExecutionListener.START).isEmpty() && !root.eventStartEvents().isEmpty()) {
				// The start event a message or timer picked is known only in the command
				// that creates the instance, not when the last start listener completes.
				this.problems.add(root.id(), "Expected process start execution listeners only on a process without "
						+ "message or timer start events; this engine does not support them together yet");
			}
			return new ProcessGraph(this.process.getId(), root, Map.copyOf(this.elements));
		}

		private void buildScope(ExecutableContainer scope, Collection<FlowElement> flowElements) {
			List<SequenceFlow> sequenceFlows = new ArrayList<>();
			List<BoundaryEvent> boundaries = new ArrayList<>();
			List<ExecutableMultiInstanceBody> bodies = new ArrayList<>();
			for (FlowElement element : flowElements) {
				if (element instanceof SequenceFlow flow) {
					sequenceFlows.add(flow);
					continue;
				}
				if (element instanceof BoundaryEvent boundary) {
					boundaries.add(boundary);
				}
				ExecutableElement executable = node(element);
				if (executable == null) {
					continue;
				}
				executable.setFlowScope(scope);
				ExecutableMultiInstanceBody body = null;
				if (element instanceof Activity activity
						&& activity.getLoopCharacteristics() instanceof MultiInstanceLoopCharacteristics loop) {
					body = multiInstance(executable, loop);
					if (body == null) {
						continue;
					}
					body.setFlowScope(scope);
					bodies.add(body);
				}
				if (executable.type() == ElementType.EVENT_SUB_PROCESS) {
					scope.eventSubProcesses().add((ExecutableContainer) executable);
				}
				else {
					scope.children().add((body != null) ? body : executable);
				}
				// Until the scope is built, the activity's id names its body: sequence
				// flows and boundary events belong to the body.
				this.elements.put(executable.id(), (body != null) ? body : executable);
				if (executable instanceof ExecutableCatchEvent catchEvent
						&& executable.type() == ElementType.START_EVENT) {
					scope.eventStartEvents().add(catchEvent);
				}
				else if (executable.type() == ElementType.START_EVENT) {
					scope.setStartEvent(executable);
				}
				if (element instanceof FlowNode node) {
					mappings(node, executable);
					listeners(node, executable);
				}
				if (executable instanceof ExecutableContainer sub && element instanceof SubProcess subProcess) {
					buildScope(sub, subProcess.getFlowElements());
					if (sub.type() == ElementType.EVENT_SUB_PROCESS) {
						if (sub.eventStartEvents().size() != 1 || sub.startEvent() != null) {
							this.problems.add(sub.id(), "Must have exactly one start event with an event definition");
						}
						else {
							sub.setStartEvent(sub.eventStartEvents().get(0));
						}
					}
					else if (sub.startEvent() == null) {
						this.problems.add(sub.id(), "Must have exactly one none start event");
					}
				}
			}
			if (scope.startEvent() == null && scope.eventStartEvents().isEmpty()
					&& scope.type() == ElementType.PROCESS) {
				this.problems.add(scope.id(), "Must have exactly one none start event");
			}
			for (BoundaryEvent boundary : boundaries) {
				ExecutableBoundaryEvent executable = (ExecutableBoundaryEvent) this.elements.get(boundary.getId());
				Activity attachedTo = boundary.getAttachedTo();
				ExecutableElement host = (attachedTo != null) ? this.elements.get(attachedTo.getId()) : null;
				if (executable != null && host != null) {
					executable.setAttachedTo(host);
					host.boundaryEvents().add(executable);
				}
			}
			for (SequenceFlow flow : sequenceFlows) {
				sequenceFlow(flow);
			}
			for (ExecutableElement child : scope.children()) {
				checkFlows(child);
				if (child instanceof ExecutableExclusiveGateway gateway && gateway.isInclusiveJoin()) {
					gateway.computeUpstream();
					scope.inclusiveJoins().add(gateway);
				}
			}
			for (ExecutableMultiInstanceBody body : bodies) {
				this.elements.put(body.id(), body);
				this.elements.put(body.inner().id(), body.inner());
			}
		}

		private void sequenceFlow(SequenceFlow flow) {
			Expression condition = null;
			ConditionExpression conditionExpression = flow.getConditionExpression();
			if (conditionExpression != null) {
				String text = conditionExpression.getTextContent();
				text = (text != null) ? text.trim() : "";
				if (!text.startsWith("=")) {
					this.problems.add(flow.getId(),
							"Expected a condition as a FEEL expression starting with '=', but found '" + text + "'");
				}
				else {
					condition = expression(flow.getId(), text);
				}
			}
			ExecutableSequenceFlow executable = new ExecutableSequenceFlow(flow.getId(), condition);
			ExecutableElement source = this.elements.get(flow.getSource().getId());
			ExecutableElement target = this.elements.get(flow.getTarget().getId());
			if (source == null || target == null) {
				return;
			}
			executable.connect(source, target);
			source.outgoing().add(executable);
			target.incoming().add(executable);
			this.flows.put(flow.getId(), executable);
		}

		private void checkFlows(ExecutableElement element) {
			switch (element.type()) {
				case EXCLUSIVE_GATEWAY, PARALLEL_GATEWAY, INCLUSIVE_GATEWAY -> {
					if (element.outgoing().isEmpty()) {
						this.problems.add(element.id(),
								"Expected the gateway to have at least one outgoing sequence flow, but it has none");
					}
				}
				case EVENT_BASED_GATEWAY -> {
					if (element.outgoing().size() < 2) {
						this.problems.add(element.id(),
								"Expected an event-based gateway to have at least two outgoing sequence flows");
					}
					for (ExecutableSequenceFlow flow : element.outgoing()) {
						if (!(flow.target() instanceof ExecutableCatchEvent)) {
							this.problems.add(element.id(), "Expected an event-based gateway to lead to "
									+ "intermediate timer or message catch events or receive tasks only");
						}
					}
				}
				case BOUNDARY_EVENT -> {
					if (element.outgoing().isEmpty()) {
						this.problems.add(element.id(),
								"Expected the boundary event to have an outgoing sequence flow, but it has none");
					}
				}
				default -> {
				}
			}
			if (element instanceof ExecutableExclusiveGateway gateway) {
				ModelElementInstance model = this.process.getModelInstance().getModelElementById(gateway.id());
				SequenceFlow defaultFlow = (model instanceof ExclusiveGateway exclusive) ? exclusive.getDefault()
						: ((InclusiveGateway) model).getDefault();
				if (defaultFlow != null) {
					gateway.setDefaultFlow(this.flows.get(defaultFlow.getId()));
				}
				for (ExecutableSequenceFlow flow : gateway.outgoing()) {
					if (gateway.outgoing().size() > 1 && flow.condition() == null && flow != gateway.defaultFlow()) {
						this.problems.add(flow.id(), "Expected a condition on a sequence flow leaving "
								+ ((gateway.type() == ElementType.INCLUSIVE_GATEWAY) ? "inclusive" : "exclusive")
								+ " gateway '" + gateway.id() + "' that is not its default flow, but found none");
					}
				}
			}
		}

		private ExecutableElement node(FlowElement element) {
			String id = element.getId();
			if (element instanceof StartEvent start) {
				if (start.getEventDefinitions().isEmpty()) {
					return new ExecutableElement(id, ElementType.START_EVENT);
				}
				boolean inEventSubProcess = start.getScope() instanceof SubProcess sub && sub.triggeredByEvent();
				if (!(start.getScope() instanceof Process) && !inEventSubProcess) {
					return unsupported(element, "start events with an event definition inside subprocesses");
				}
				if (inEventSubProcess) {
					EventDefinition definition = start.getEventDefinitions().iterator().next();
					EventTrigger trigger;
					if (definition instanceof ErrorEventDefinition error) {
						String code = (error.getError() != null) ? error.getError().getErrorCode() : null;
						trigger = EventTrigger.error((code == null || code.isBlank()) ? null : code);
					}
					else {
						trigger = trigger(id, start.getEventDefinitions(), true);
					}
					return (trigger != null)
							? new ExecutableCatchEvent(id, ElementType.START_EVENT, trigger, start.isInterrupting())
							: null;
				}
				EventTrigger trigger = trigger(id, start.getEventDefinitions(), false);
				if (trigger != null && ((trigger.isTimer() && trigger.timer().isFeel())
						|| (!trigger.isTimer() && trigger.messageName().isFeel()))) {
					this.problems.add(id, "Expected a timer or message start event to be static text, "
							+ "but FEEL expressions are not supported there yet");
					return null;
				}
				return (trigger != null) ? new ExecutableCatchEvent(id, ElementType.START_EVENT, trigger) : null;
			}
			if (element instanceof IntermediateCatchEvent catchEvent) {
				EventTrigger trigger = trigger(id, catchEvent.getEventDefinitions(), true);
				return (trigger != null) ? new ExecutableCatchEvent(id, ElementType.INTERMEDIATE_CATCH_EVENT, trigger)
						: null;
			}
			if (element instanceof ReceiveTask receive) {
				if (receive.getMessage() == null) {
					this.problems.add(id, "Expected a receive task to reference a message, but it does not");
					return null;
				}
				EventTrigger trigger = messageTrigger(id, receive.getMessage(), true);
				return (trigger != null) ? new ExecutableCatchEvent(id, ElementType.RECEIVE_TASK, trigger) : null;
			}
			if (element instanceof EventBasedGateway) {
				return new ExecutableElement(id, ElementType.EVENT_BASED_GATEWAY);
			}
			if (element instanceof EndEvent end) {
				Collection<EventDefinition> definitions = end.getEventDefinitions();
				if (definitions.isEmpty()) {
					return new ExecutableEndEvent(id, ExecutableEndEvent.Kind.NONE, null);
				}
				EventDefinition definition = definitions.iterator().next();
				if (definition instanceof TerminateEventDefinition) {
					return new ExecutableEndEvent(id, ExecutableEndEvent.Kind.TERMINATE, null);
				}
				if (definition instanceof ErrorEventDefinition error) {
					if (error.getError() == null || error.getError().getErrorCode() == null
							|| error.getError().getErrorCode().isBlank()) {
						this.problems.add(id, "Expected an error end event to reference an error with a code");
						return null;
					}
					return new ExecutableEndEvent(id, ExecutableEndEvent.Kind.ERROR, error.getError().getErrorCode());
				}
				return unsupported(element, "end events of this kind");
			}
			if (element instanceof BoundaryEvent boundary) {
				Collection<EventDefinition> definitions = boundary.getEventDefinitions();
				if (definitions.size() == 1 && !(definitions.iterator().next() instanceof ErrorEventDefinition)) {
					EventTrigger trigger = trigger(id, definitions, true);
					if (trigger != null && trigger.timerKind() == EventTrigger.TimerKind.CYCLE
							&& boundary.cancelActivity()) {
						this.problems.add(id, "Expected a timer cycle only on a non-interrupting boundary event");
					}
					return (trigger != null) ? new ExecutableBoundaryEvent(id, null, boundary.cancelActivity(), trigger)
							: null;
				}
				if (definitions.size() != 1) {
					return unsupported(element, "boundary events without exactly one event definition");
				}
				ErrorEventDefinition error = (ErrorEventDefinition) definitions.iterator().next();
				String code = (error.getError() != null) ? error.getError().getErrorCode() : null;
				return new ExecutableBoundaryEvent(id, (code == null || code.isBlank()) ? null : code,
						boundary.cancelActivity());
			}
			if (element instanceof Activity activity && activity.getLoopCharacteristics() != null
					&& !(activity.getLoopCharacteristics() instanceof MultiInstanceLoopCharacteristics)) {
				return unsupported(element, "standard loops");
			}
			if (element instanceof CallActivity call) {
				ZeebeCalledElement called = call.getSingleExtensionElement(ZeebeCalledElement.class);
				if (called == null || called.getProcessId() == null || called.getProcessId().isBlank()) {
					this.problems.add(id, "Expected a call activity to name the process it calls, but it does not");
					return null;
				}
				Expression processId = expression(id, called.getProcessId().trim());
				return (processId != null) ? new ExecutableCallActivity(id, processId,
						called.isPropagateAllChildVariablesEnabled(), called.isPropagateAllParentVariablesEnabled())
						: null;
			}
			if (element instanceof UserTask userTask) {
				return userTask(userTask);
			}
			if (element instanceof ServiceTask || element instanceof SendTask || element instanceof BusinessRuleTask) {
				return jobTask((FlowNode) element);
			}
			if (element instanceof ScriptTask) {
				ZeebeScript script = ((BaseElement) element).getSingleExtensionElement(ZeebeScript.class);
				if (script == null) {
					this.problems.add(id, "Expected a 'zeebe:script' with an expression and a result variable "
							+ "(script tasks with a job worker are not supported yet)");
					return null;
				}
				String text = script.getExpression();
				if (text == null || !text.trim().startsWith("=")) {
					this.problems.add(id,
							"Expected the script to be a FEEL expression starting with '=', but found '" + text + "'");
					return null;
				}
				if (script.getResultVariable() == null || script.getResultVariable().isBlank()) {
					this.problems.add(id, "Expected the script to have a result variable, but it has none");
				}
				return new ExecutableScriptTask(id, expression(id, text.trim()), script.getResultVariable());
			}
			if (element instanceof ExclusiveGateway) {
				return new ExecutableExclusiveGateway(id);
			}
			if (element instanceof InclusiveGateway) {
				return new ExecutableExclusiveGateway(id, ElementType.INCLUSIVE_GATEWAY);
			}
			if (element instanceof ParallelGateway) {
				return new ExecutableElement(id, ElementType.PARALLEL_GATEWAY);
			}
			if (element instanceof SubProcess sub) {
				if (sub.triggeredByEvent()) {
					return new ExecutableContainer(id, ElementType.EVENT_SUB_PROCESS);
				}
				return new ExecutableContainer(id, ElementType.SUB_PROCESS);
			}
			return unsupported(element, null);
		}

		private ExecutableMultiInstanceBody multiInstance(ExecutableElement inner,
				MultiInstanceLoopCharacteristics loop) {
			String id = inner.id();
			ZeebeLoopCharacteristics zeebe = loop.getSingleExtensionElement(ZeebeLoopCharacteristics.class);
			if (zeebe == null || zeebe.getInputCollection() == null || zeebe.getInputCollection().isBlank()) {
				this.problems.add(id,
						"Expected a multi-instance activity to have an input collection, but it has none");
				return null;
			}
			Expression inputCollection = feelOnly(id, zeebe.getInputCollection());
			Expression outputElement = (zeebe.getOutputElement() != null && !zeebe.getOutputElement().isBlank())
					? feelOnly(id, zeebe.getOutputElement()) : null;
			String outputCollection = blankToNull(zeebe.getOutputCollection());
			if ((outputElement == null) != (outputCollection == null)) {
				this.problems.add(id, "Expected an output collection and an output element together, but found one");
			}
			Expression completion = null;
			if (loop.getCompletionCondition() != null && loop.getCompletionCondition().getTextContent() != null
					&& !loop.getCompletionCondition().getTextContent().isBlank()) {
				completion = feelOnly(id, loop.getCompletionCondition().getTextContent());
			}
			ExecutableMultiInstanceBody body = new ExecutableMultiInstanceBody(inner, loop.isSequential(),
					inputCollection, blankToNull(zeebe.getInputElement()), outputCollection, outputElement, completion);
			inner.setMultiInstanceBody(body);
			return body;
		}

		private Expression feelOnly(String id, String text) {
			String value = text.trim();
			return expression(id, value.startsWith("=") ? value : "=" + value);
		}

		private static String blankToNull(String text) {
			return (text == null || text.isBlank()) ? null : text.trim();
		}

		private EventTrigger trigger(String id, Collection<EventDefinition> definitions, boolean needsKey) {
			if (definitions.size() != 1) {
				this.problems.add(id, "Expected exactly one event definition, but found " + definitions.size());
				return null;
			}
			EventDefinition definition = definitions.iterator().next();
			if (definition instanceof TimerEventDefinition timer) {
				EventTrigger.TimerKind kind;
				String text;
				if (timer.getTimeDuration() != null) {
					kind = EventTrigger.TimerKind.DURATION;
					text = timer.getTimeDuration().getTextContent();
				}
				else if (timer.getTimeDate() != null) {
					kind = EventTrigger.TimerKind.DATE;
					text = timer.getTimeDate().getTextContent();
				}
				else if (timer.getTimeCycle() != null) {
					kind = EventTrigger.TimerKind.CYCLE;
					text = timer.getTimeCycle().getTextContent();
				}
				else {
					this.problems.add(id, "Expected a timer with a duration, a date or a cycle, but found none");
					return null;
				}
				text = (text != null) ? text.trim() : "";
				Expression expression = expression(id, text);
				if (expression == null) {
					return null;
				}
				if (!expression.isFeel()) {
					try {
						Timers.check(kind, text);
					}
					catch (IllegalArgumentException ex) {
						this.problems.add(id, ex.getMessage());
						return null;
					}
				}
				return EventTrigger.timer(kind, expression);
			}
			if (definition instanceof MessageEventDefinition message) {
				if (message.getMessage() == null) {
					this.problems.add(id, "Expected a message event to reference a message, but it does not");
					return null;
				}
				return messageTrigger(id, message.getMessage(), needsKey);
			}
			FlowElement element = this.process.getModelInstance().getModelElementById(id);
			unsupported(element, "event definition " + definition.getElementType().getTypeName());
			return null;
		}

		private EventTrigger messageTrigger(String id, Message message, boolean needsKey) {
			String name = message.getName();
			if (name == null || name.isBlank()) {
				this.problems.add(id, "Expected the message to have a name, but it has none");
				return null;
			}
			Expression nameExpression = expression(id, name.trim());
			Expression key = null;
			ZeebeSubscription subscription = message.getSingleExtensionElement(ZeebeSubscription.class);
			if (subscription != null && subscription.getCorrelationKey() != null
					&& !subscription.getCorrelationKey().isBlank()) {
				String text = subscription.getCorrelationKey().trim();
				// Zeebe reads a correlation key without '=' as a FEEL expression as well.
				key = expression(id, text.startsWith("=") ? text : "=" + text);
			}
			else if (needsKey) {
				this.problems.add(id, "Expected the message '" + name + "' to have a correlation key, but it has none");
				return null;
			}
			return (nameExpression != null) ? EventTrigger.message(nameExpression, key) : null;
		}

		private ExecutableElement userTask(UserTask task) {
			Map<String, String> headers = new LinkedHashMap<>();
			ZeebeAssignmentDefinition assignment = task.getSingleExtensionElement(ZeebeAssignmentDefinition.class);
			if (assignment != null) {
				putIfSet(headers, "io.camunda.zeebe:assignee", assignment.getAssignee());
				putIfSet(headers, "io.camunda.zeebe:candidateGroups", assignment.getCandidateGroups());
				putIfSet(headers, "io.camunda.zeebe:candidateUsers", assignment.getCandidateUsers());
			}
			io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskSchedule schedule = task
				.getSingleExtensionElement(io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskSchedule.class);
			if (schedule != null) {
				putIfSet(headers, "io.camunda.zeebe:dueDate", schedule.getDueDate());
				putIfSet(headers, "io.camunda.zeebe:followUpDate", schedule.getFollowUpDate());
			}
			io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeFormDefinition form = task
				.getSingleExtensionElement(io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeFormDefinition.class);
			if (form != null) {
				putIfSet(headers, "io.camunda.zeebe:formKey", form.getFormKey());
			}
			ZeebeTaskHeaders taskHeaders = task.getSingleExtensionElement(ZeebeTaskHeaders.class);
			if (taskHeaders != null) {
				for (ZeebeHeader header : taskHeaders.getHeaders()) {
					headers.put(header.getKey(), header.getValue());
				}
			}
			return new ExecutableJobTask(task.getId(), ElementType.USER_TASK,
					BpmnTransformer.this.feel.parse("io.camunda.zeebe:userTask"), BpmnTransformer.this.feel.parse("1"),
					headers);
		}

		private static void putIfSet(Map<String, String> headers, String key, String value) {
			if (value != null && !value.isBlank()) {
				headers.put(key, value.trim());
			}
		}

		private ExecutableElement unsupported(FlowElement element, String what) {
			String typeName = element.getElementType().getTypeName();
			this.problems.add(element.getId(), "Elements of type '" + typeName + "'"
					+ ((what != null) ? " (" + what + ")" : "") + " are not supported by this engine yet");
			return null;
		}

		private ExecutableElement jobTask(FlowNode node) {
			String id = node.getId();
			ElementType type = (node instanceof ServiceTask) ? ElementType.SERVICE_TASK
					: (node instanceof SendTask) ? ElementType.SEND_TASK : ElementType.BUSINESS_RULE_TASK;
			ZeebeTaskDefinition definition = node.getSingleExtensionElement(ZeebeTaskDefinition.class);
			if (definition == null || definition.getType() == null || definition.getType().isBlank()) {
				this.problems.add(id, "Expected a 'zeebe:taskDefinition' with a job type, but found none");
				return null;
			}
			Expression jobType = expression(id, definition.getType());
			String retriesText = (definition.getRetries() != null) ? definition.getRetries()
					: ZeebeTaskDefinition.DEFAULT_RETRIES;
			Expression retries = expression(id, retriesText);
			if (retries != null && !retries.isFeel()) {
				try {
					Integer.parseInt(retriesText.trim());
				}
				catch (NumberFormatException ex) {
					this.problems.add(id,
							"Expected retries to be a number or a FEEL expression, but found '" + retriesText + "'");
				}
			}
			Map<String, String> headers = new LinkedHashMap<>();
			ZeebeTaskHeaders taskHeaders = node.getSingleExtensionElement(ZeebeTaskHeaders.class);
			if (taskHeaders != null) {
				for (ZeebeHeader header : taskHeaders.getHeaders()) {
					headers.put(header.getKey(), header.getValue());
				}
			}
			if (headers.toString().length() > 3000) {
				this.problems.add(id, "Expected the task headers to fit in 3000 characters, but they do not");
			}
			return new ExecutableJobTask(id, type, jobType, retries, headers);
		}

		/**
		 * Reads the {@code zeebe:executionListeners}. Zeebe's design-time validators have
		 * already checked where listeners may stand, that each has an event type and a
		 * job type, and that no event type and job type repeat; here the expressions are
		 * parsed.
		 */
		private void listeners(BaseElement element, ExecutableElement executable) {
			ZeebeExecutionListeners listeners = element.getSingleExtensionElement(ZeebeExecutionListeners.class);
			if (listeners == null) {
				return;
			}
			String id = element.getId();
			for (ZeebeExecutionListener listener : listeners.getExecutionListeners()) {
				if (listener.getEventType() == null || listener.getType() == null || listener.getType().isBlank()) {
					continue;
				}
				Expression type = expression(id, listener.getType().trim());
				String retriesText = (listener.getRetries() != null && !listener.getRetries().isBlank())
						? listener.getRetries().trim() : ZeebeExecutionListener.DEFAULT_RETRIES;
				Expression retries = expression(id, retriesText);
				if (retries != null && !retries.isFeel()) {
					try {
						Integer.parseInt(retriesText);
					}
					catch (NumberFormatException ex) {
						this.problems.add(id, "Expected execution listener retries to be a number or a FEEL "
								+ "expression, but found '" + retriesText + "'");
					}
				}
				if (type != null && retries != null) {
					String eventType = (listener.getEventType() == ZeebeExecutionListenerEventType.start)
							? ExecutionListener.START : ExecutionListener.END;
					executable.addListener(new ExecutionListener(eventType, type, retries));
				}
			}
		}

		private void mappings(FlowNode node, ExecutableElement executable) {
			ZeebeIoMapping io = node.getSingleExtensionElement(ZeebeIoMapping.class);
			if (io == null) {
				return;
			}
			for (ZeebeInput input : io.getInputs()) {
				Mapping mapping = mapping(node.getId(), input.getSource(), input.getTarget());
				if (mapping != null) {
					executable.inputs().add(mapping);
				}
			}
			for (ZeebeOutput output : io.getOutputs()) {
				Mapping mapping = mapping(node.getId(), output.getSource(), output.getTarget());
				if (mapping != null) {
					executable.outputs().add(mapping);
				}
			}
		}

		private Mapping mapping(String id, String source, String target) {
			if (target == null || target.isBlank()) {
				this.problems.add(id, "Expected every mapping to have a target, but one has none");
				return null;
			}
			String text = (source == null || source.isBlank()) ? "=null" : source.trim();
			if (!text.startsWith("=")) {
				// Zeebe reads a mapping source without '=' as a FEEL expression as well.
				text = "=" + text;
			}
			Expression expression = expression(id, text);
			return (expression != null) ? new Mapping(expression, target.trim()) : null;
		}

		private Expression expression(String id, String text) {
			try {
				return BpmnTransformer.this.feel.parse(text);
			}
			catch (IllegalArgumentException ex) {
				this.problems.add(id,
						"Expected a valid FEEL expression, but '" + text + "' does not parse: " + ex.getMessage());
				return null;
			}
		}

	}

}
