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

	private final VariableBehavior variables;

	private final JobBehavior jobs;

	private final IncidentBehavior incidents;

	private final EventBehavior events;

	private final BpmnFlow flow;

	private final Deque<Runnable> steps = new ArrayDeque<>();

	private final Set<String> createdJobTypes = new LinkedHashSet<>();

	final Map<Long, ExecutableSequenceFlow> chosenFlows = new HashMap<>();

	private Map<String, Object> endVariables;

	BpmnContext(InstanceState state, ExecutableProcess process, long now, String actor, KeyGenerator keys,
			FeelExpressions feel, BpmnProcessors processors) {
		this.state = state;
		this.process = process;
		this.now = now;
		this.actor = actor;
		this.keys = keys;
		this.writer = new StateWriter(state, keys, now, actor);
		this.variables = new VariableBehavior(this, feel);
		this.jobs = new JobBehavior(this, feel);
		this.incidents = new IncidentBehavior(this);
		this.events = new EventBehavior(this);
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
