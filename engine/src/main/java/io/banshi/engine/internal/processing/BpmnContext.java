package io.banshi.engine.internal.processing;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import io.banshi.engine.internal.feel.FeelExpressions;
import io.banshi.engine.internal.model.ExecutableProcess;
import io.banshi.engine.internal.model.ExecutableSequenceFlow;
import io.banshi.engine.internal.state.ElementInstanceState;
import io.banshi.engine.internal.state.IncidentState;
import io.banshi.engine.internal.state.InstanceState;
import io.banshi.engine.internal.state.JobState;
import io.banshi.engine.internal.state.KeyGenerator;
import io.banshi.engine.internal.state.VariableState;

/**
 * Everything one command on one process instance works with: read-only views of the
 * instance's state, the behaviors that change it (through the {@link StateWriter}), and
 * the steps still to run. Steps are queued rather than called recursively, so a long
 * chain of elements that complete at once does not grow the stack.
 */
public final class BpmnContext {

	private final InstanceState state;

	private final ExecutableProcess process;

	private final long now;

	private final String actor;

	private final KeyGenerator keys;

	private final StateWriter writer;

	private final FeelExpressions feel;

	private final VariableBehavior variables;

	private final JobBehavior jobs;

	private final IncidentBehavior incidents;

	private final EventBehavior events;

	private final CatchEventBehavior catchEvents;

	private final BpmnFlow flow;

	private final Deque<Runnable> steps = new ArrayDeque<>();

	private final Set<String> createdJobTypes = new LinkedHashSet<>();

	/**
	 * The flow an exclusive gateway chose while activating, taken when it completes (same
	 * command).
	 */
	final Map<Long, ExecutableSequenceFlow> chosenFlows = new HashMap<>();

	/** The flows an inclusive gateway chose while activating. */
	final Map<Long, java.util.List<ExecutableSequenceFlow>> chosenFlowLists = new HashMap<>();

	private Map<String, Object> endVariables;

	/**
	 * Element instances whose start listeners completed in this command: their input
	 * mappings were applied before the listeners and are not applied again.
	 */
	private final Set<Long> startListenersDone = new java.util.HashSet<>();

	private String startEventId;

	private final java.util.List<Call> pendingCalls = new java.util.ArrayList<>();

	private final java.util.List<Long> pendingChildCancels = new java.util.ArrayList<>();

	/** Contexts of other instances this command changed (called, calling, canceled). */
	final java.util.List<BpmnContext> related = new java.util.ArrayList<>();

	/**
	 * Subscriptions this command opened that found no buffered message: a message
	 * published by a transaction running alongside this one is looked for again once both
	 * have committed.
	 */
	final java.util.Set<AwaitedMessage> awaitedMessages = new java.util.LinkedHashSet<>();

	/**
	 * A message an instance waits for.
	 *
	 * @param name the message name
	 * @param correlationKey the correlation key
	 * @param processInstanceKey the waiting instance
	 */
	record AwaitedMessage(String name, String correlationKey, long processInstanceKey) {
	}

	/**
	 * A call activity asks for an instance of another process.
	 *
	 * @param elementInstanceKey the call activity's instance
	 * @param processId the called process id
	 * @param variables the child's initial variables
	 */
	record Call(long elementInstanceKey, String processId, Map<String, Object> variables) {
	}

	void requestCall(Call call) {
		this.pendingCalls.add(call);
	}

	java.util.List<Call> takeCalls() {
		java.util.List<Call> calls = java.util.List.copyOf(this.pendingCalls);
		this.pendingCalls.clear();
		return calls;
	}

	void requestChildCancel(long callActivityInstanceKey) {
		this.pendingChildCancels.add(callActivityInstanceKey);
	}

	java.util.List<Long> takeChildCancels() {
		java.util.List<Long> cancels = java.util.List.copyOf(this.pendingChildCancels);
		this.pendingChildCancels.clear();
		return cancels;
	}

	private final JobStreams streams;

	private final java.util.List<Push> pushes = new java.util.ArrayList<>();

	BpmnContext(InstanceState state, ExecutableProcess process, long now, String actor, KeyGenerator keys,
			FeelExpressions feel, BpmnProcessors processors, JobStreams streams) {
		this.state = state;
		this.streams = streams;
		this.process = process;
		this.now = now;
		this.actor = actor;
		this.keys = keys;
		this.writer = new StateWriter(state, keys, now, actor);
		this.feel = feel;
		this.variables = new VariableBehavior(this, feel);
		this.jobs = new JobBehavior(this, feel);
		this.incidents = new IncidentBehavior(this);
		this.events = new EventBehavior(this);
		this.catchEvents = new CatchEventBehavior(this, feel);
		this.flow = new BpmnFlow(this, processors);
	}

	public ExecutableProcess process() {
		return this.process;
	}

	public ElementInstanceState elements() {
		return this.state;
	}

	public VariableState variableState() {
		return this.state;
	}

	public JobState jobState() {
		return this.state;
	}

	public IncidentState incidentState() {
		return this.state;
	}

	InstanceState mutableState() {
		return this.state;
	}

	public long now() {
		return this.now;
	}

	public String actor() {
		return this.actor;
	}

	long newKey() {
		return this.keys.nextKey();
	}

	StateWriter writer() {
		return this.writer;
	}

	/**
	 * The FEEL engine, shared by the whole engine.
	 * @return FEEL
	 */
	public FeelExpressions feel() {
		return this.feel;
	}

	public VariableBehavior variables() {
		return this.variables;
	}

	public JobBehavior jobs() {
		return this.jobs;
	}

	public IncidentBehavior incidents() {
		return this.incidents;
	}

	public EventBehavior events() {
		return this.events;
	}

	/**
	 * The timer or message start event this instance starts at, or {@code null} for the
	 * none start event.
	 * @return the start event id
	 */
	String startEventId() {
		return this.startEventId;
	}

	void startAt(String startEventId) {
		this.startEventId = startEventId;
	}

	public CatchEventBehavior catchEvents() {
		return this.catchEvents;
	}

	public BpmnFlow flow() {
		return this.flow;
	}

	void schedule(Runnable step) {
		this.steps.add(step);
	}

	/** Runs queued steps until none are left. */
	void runSteps() {
		Runnable step;
		while ((step = this.steps.poll()) != null) {
			step.run();
		}
	}

	JobStreams streams() {
		return this.streams;
	}

	void pushAfterCommit(io.banshi.engine.internal.state.Entities.Job job, JobStreams.Target stream) {
		this.pushes.add(new Push(job, stream, null));
	}

	/**
	 * Collects the variables of the jobs to push, from the state as the command leaves it
	 * (inside the transaction); jobs the command already ended are dropped.
	 */
	void preparePushes() {
		for (int i = 0; i < this.pushes.size(); i++) {
			Push push = this.pushes.get(i);
			if (this.state.job(push.job().key) == null) {
				continue;
			}
			Map<String, Object> visible = this.state.visibleVariablesAsJson(push.job().elementInstanceKey);
			Map<String, Object> variables = visible;
			if (!push.stream().fetch().isEmpty()) {
				variables = new java.util.LinkedHashMap<>();
				for (String name : push.stream().fetch()) {
					if (visible.containsKey(name)) {
						variables.put(name, visible.get(name));
					}
				}
			}
			this.pushes.set(i, new Push(push.job(), push.stream(), variables));
		}
	}

	/** Pushes the jobs this command activated for streams; after the commit only. */
	void pushJobs() {
		for (Push push : this.pushes) {
			if (push.variables() != null) {
				push.stream().push(push.job(), push.variables());
			}
		}
	}

	record Push(io.banshi.engine.internal.state.Entities.Job job, JobStreams.Target stream,
			Map<String, Object> variables) {
	}

	void jobCreated(String type) {
		this.createdJobTypes.add(type);
	}

	/**
	 * The job types that got a new activatable job in this command.
	 * @return the types
	 */
	public Set<String> createdJobTypes() {
		return this.createdJobTypes;
	}

	boolean startListenersDone(long elementInstanceKey) {
		return this.startListenersDone.contains(elementInstanceKey);
	}

	void markStartListenersDone(long elementInstanceKey) {
		this.startListenersDone.add(elementInstanceKey);
	}

	void instanceEnded(Map<String, Object> variables) {
		this.endVariables = variables;
	}

	/**
	 * The root variables at the moment the instance completed, or {@code null} when it
	 * did not end in this command.
	 * @return the variables
	 */
	public Map<String, Object> endVariables() {
		return this.endVariables;
	}

	public String endState() {
		return this.state.processInstance().state;
	}

}
