package io.banshi.engine.internal.processing;

import io.banshi.engine.internal.EngineException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.banshi.engine.EngineClock;
import io.banshi.engine.internal.deploy.ProcessCache;
import io.banshi.engine.internal.feel.FeelExpressions;
import io.banshi.engine.internal.model.ExecutableElement;
import io.banshi.engine.internal.model.ExecutableProcess;
import io.banshi.engine.internal.state.ElementStatus;
import io.banshi.engine.internal.state.Entities.ElementInstance;
import io.banshi.engine.internal.state.Entities.Incident;
import io.banshi.engine.internal.state.Entities.Job;
import io.banshi.engine.internal.state.Entities.ProcessInstance;
import io.banshi.engine.internal.state.Entities.Message;
import io.banshi.engine.internal.state.Entities.MessageSubscription;
import io.banshi.engine.internal.state.Entities.Timer;
import io.banshi.engine.internal.state.CallRepository;
import io.banshi.engine.internal.state.EventRepository;
import io.banshi.engine.internal.state.InstanceRepository;
import io.banshi.engine.internal.state.Json;
import io.banshi.engine.internal.state.InstanceState;
import io.banshi.engine.internal.state.JobStatus;
import io.banshi.engine.internal.state.JobStatus.JobEvent;
import io.banshi.engine.internal.state.KeyGenerator;
import io.banshi.engine.internal.state.Transactions;

/**
 * The commands on process instances. Each runs in one transaction: find the instance,
 * lock and load it, check the command's preconditions (rejecting it with an
 * {@link EngineException} that changes nothing), apply it in memory, write the changes
 * and their history, commit; then tell the {@link EngineListener}.
 */
public final class CommandProcessor {

	private final Transactions transactions;

	private final InstanceRepository repository = new InstanceRepository();

	private final EventRepository events = new EventRepository();

	private final CallRepository calls = new CallRepository();

	private final ProcessCache processes;

	private final KeyGenerator keys;

	private final FeelExpressions feel;

	private final BpmnProcessors processors = new BpmnProcessors();

	private final EngineClock clock;

	private final EngineListener listener;

	private final JobStreams streams;

	public CommandProcessor(Transactions transactions, ProcessCache processes, KeyGenerator keys, FeelExpressions feel,
			EngineClock clock, EngineListener listener, JobStreams streams) {
		this.streams = streams;
		this.transactions = transactions;
		this.processes = processes;
		this.keys = keys;
		this.feel = feel;
		this.clock = clock;
		this.listener = listener;
	}

	/**
	 * Creates and starts a process instance.
	 * @param definitionKey the definition key, or 0
	 * @param bpmnProcessId the process id (when no key)
	 * @param version the version, or -1 for the latest
	 * @param variables the initial variables (root scope)
	 * @param beforeCommit called with the new instance inside the transaction, or
	 * {@code null}
	 * @return the new instance
	 */
	public ProcessInstance createInstance(long definitionKey, String bpmnProcessId, int version,
			Map<String, Object> variables, java.util.function.Consumer<ProcessInstance> beforeCommit) {
		long now = this.clock.millis();
		BpmnContext context = named("CREATE", () -> this.transactions.inTransaction((connection) -> {
			ExecutableProcess process = this.processes.find(connection, definitionKey, bpmnProcessId, version);
			if (process.root().startEvent() == null) {
				throw EngineException.invalidState("Expected to create instance of process with none start event, "
						+ "but there is no such event");
			}
			BpmnContext c = startInstance(connection, process, null, variables, now, "client");
			if (beforeCommit != null) {
				beforeCommit.accept(c.elements().processInstance());
			}
			return c;
		}));
		afterCommit(context);
		return context.elements().processInstance();
	}

	private BpmnContext startInstance(Connection connection, ExecutableProcess process, String startEventId,
			Map<String, Object> variables, long now, String actor) throws SQLException {
		return startInstance(connection, process, startEventId, variables, null, now, actor);
	}

	/**
	 * Creates and runs an instance. A buffered message that starts it counts as
	 * correlated to it, so its catch events do not take the same message again.
	 */
	private BpmnContext startInstance(Connection connection, ExecutableProcess process, String startEventId,
			Map<String, Object> variables, Long startMessageKey, long now, String actor) throws SQLException {
		ProcessInstance instance = new ProcessInstance();
		instance.key = this.keys.nextKey();
		instance.processDefinitionKey = process.key();
		instance.bpmnProcessId = process.bpmnProcessId();
		instance.version = process.version();
		instance.state = "ACTIVE";
		instance.startTime = now;
		InstanceState state = InstanceState.created(instance);
		BpmnContext c = newContext(state, process, now, actor);
		c.startAt(startEventId);
		if (startMessageKey != null) {
			state.messageCorrelated(startMessageKey);
		}
		c.flow().activateElement(process.root(), 0, instance.key);
		c.variables().setLocal(instance.key, variables);
		finish(connection, c, state, now);
		return c;
	}

	/**
	 * Ends a command on one instance: runs its steps, correlates buffered messages to the
	 * subscriptions it opened, starts the instances its call activities ask for (the
	 * called instance may end at once), terminates the instances of terminated call
	 * activities, writes the state, and, when the instance ended and a call activity
	 * called it, completes that call activity in the caller, all in this transaction.
	 */
	private void finish(Connection connection, BpmnContext c, InstanceState state, long now) throws SQLException {
		c.runSteps();
		correlateBuffered(connection, c, state, now);
		List<BpmnContext.Call> calls;
		while (!(calls = c.takeCalls()).isEmpty()) {
			for (BpmnContext.Call call : calls) {
				startCalled(connection, c, state, call, now);
			}
			c.runSteps();
			correlateBuffered(connection, c, state, now);
		}
		for (Long callActivityKey : c.takeChildCancels()) {
			Long child = this.calls.childOf(connection, callActivityKey);
			if (child == null) {
				continue;
			}
			this.calls.delete(connection, child);
			InstanceState childState = this.repository.lockAndLoad(connection, child);
			if (childState == null || !"ACTIVE".equals(childState.processInstance().state)) {
				continue;
			}
			ExecutableProcess childProcess = this.processes.byKey(connection,
					childState.processInstance().processDefinitionKey);
			BpmnContext cc = newContext(childState, childProcess, now, "engine");
			cc.flow().terminate(cc.elements().element(child));
			cc.writer().processInstanceEnded("TERMINATED");
			finish(connection, cc, childState, now);
			c.related.add(cc);
		}
		c.preparePushes();
		this.repository.write(connection, state);
		if (!state.processInstance().state.equals("ACTIVE")) {
			long[] parent = this.calls.parentOf(connection, state.processInstance().key);
			if (parent != null) {
				this.calls.delete(connection, state.processInstance().key);
				if ("COMPLETED".equals(state.processInstance().state)) {
					InstanceState parentState = this.repository.lockAndLoad(connection, parent[0]);
					if (parentState != null && "ACTIVE".equals(parentState.processInstance().state)) {
						ExecutableProcess parentProcess = this.processes.byKey(connection,
								parentState.processInstance().processDefinitionKey);
						BpmnContext pc = newContext(parentState, parentProcess, now, "engine");
						ElementInstance callActivity = pc.elements().element(parent[1]);
						if (callActivity != null && callActivity.state == ElementStatus.ACTIVATED) {
							CallActivityProcessor.childCompleted(pc, callActivity, c.endVariables());
						}
						finish(connection, pc, parentState, now);
						c.related.add(pc);
					}
				}
			}
		}
	}

	private void startCalled(Connection connection, BpmnContext c, InstanceState state, BpmnContext.Call call, long now)
			throws SQLException {
		ElementInstance callActivity = state.element(call.elementInstanceKey());
		if (callActivity == null || callActivity.state != ElementStatus.ACTIVATING) {
			return;
		}
		ExecutableProcess child;
		try {
			child = this.processes.find(connection, 0, call.processId(), -1);
		}
		catch (EngineException ex) {
			child = null;
		}
		if (child == null || child.root().startEvent() == null) {
			c.incidents()
				.raise(callActivity, null,
						new IncidentFailure(IncidentFailure.CALLED_ELEMENT_ERROR,
								"Expected process with BPMN process id '" + call.processId()
										+ "' to be deployed with a none start event, but not found."));
			return;
		}
		try {
			c.catchEvents().prepareBoundaries(c.process().element(callActivity.elementId), callActivity);
		}
		catch (IncidentFailure failure) {
			c.incidents().raise(callActivity, null, failure);
			return;
		}
		c.flow().activated(callActivity);
		BpmnContext childContext = startInstance(connection, child, null, call.variables(), now, "engine");
		c.related.add(childContext);
		if ("ACTIVE".equals(childContext.endState())) {
			this.calls.insert(connection, childContext.elements().processInstance().key, state.processInstance().key,
					callActivity.key);
		}
		else if ("COMPLETED".equals(childContext.endState())) {
			CallActivityProcessor.childCompleted(c, callActivity, childContext.endVariables());
		}
	}

	/**
	 * Looks for buffered messages for the subscriptions this command opened, and
	 * correlates them (at most once per message and instance), until no new subscription
	 * is left.
	 */
	private void correlateBuffered(Connection connection, BpmnContext c, InstanceState state, long now)
			throws SQLException {
		List<MessageSubscription> opened;
		while (!(opened = state.takeUncheckedSubscriptions()).isEmpty()) {
			for (MessageSubscription subscription : opened) {
				if (!state.isEventScopeOpen(subscription.elementInstanceKey)) {
					continue;
				}
				Message message = this.events.bufferedMessage(connection, subscription.messageName,
						subscription.correlationKey, now, state.processInstance().key);
				if (message == null) {
					c.awaitedMessages.add(new BpmnContext.AwaitedMessage(subscription.messageName,
							subscription.correlationKey, state.processInstance().key));
					continue;
				}
				if (state.hasCorrelated(message.key)) {
					continue;
				}
				if (c.catchEvents().correlate(subscription, messageVariables(message))) {
					c.writer().messageCorrelated(message.key, message.name, message.correlationKey);
					c.runSteps();
				}
			}
		}
	}

	private static Map<String, Object> messageVariables(Message message) {
		return (message.variables != null) ? Json.parseDocument(message.variables) : Map.of();
	}

	/**
	 * Fires a due timer of a process instance: locks the instance, then the timer; a
	 * timer that is gone (fired by another node, or closed) does nothing.
	 * @param timer the due timer
	 */
	public void fireTimer(EventRepository.DueTimer timer) {
		run("TRIGGER", (c) -> timer.processInstanceKey(), "engine",
				"Expected to trigger timer with key '" + timer.timerKey() + "', but no such timer was found",
				(connection, context) -> {
					Timer locked = this.events.lockTimer(connection, timer.timerKey());
					if (locked != null) {
						context.catchEvents().fireTimer(locked);
					}
				});
	}

	/**
	 * Deletes a timer whose process instance has ended (nothing can fire it any more).
	 * @param timerKey the timer
	 */
	public void dropTimer(long timerKey) {
		this.transactions.inTransaction((connection) -> {
			this.events.deleteTimerRow(connection, timerKey);
			return null;
		});
	}

	/**
	 * Starts instances for the due timer start events this node could claim.
	 * @param now the engine clock
	 * @return how many started
	 */
	public int fireStartTimers(long now) {
		List<BpmnContext> started = this.transactions.inTransaction((connection) -> {
			List<BpmnContext> contexts = new ArrayList<>();
			for (Timer timer : this.events.lockDueStartTimers(connection, now, 20)) {
				ExecutableProcess process = this.processes.byKey(connection, timer.processDefinitionKey);
				contexts.add(startInstance(connection, process, timer.targetElementId, Map.of(), now, "engine"));
				if (timer.repetitions == -1 || timer.repetitions > 1) {
					timer.dueAt += timer.intervalMillis;
					timer.repetitions = (timer.repetitions > 0) ? timer.repetitions - 1 : -1;
				}
				else {
					timer.repetitions = 0;
				}
				this.events.afterStartTimerFired(connection, timer);
			}
			return contexts;
		});
		started.forEach(this::afterCommit);
		return started.size();
	}

	/**
	 * Publishes a message: refuses a duplicate message id while the first is buffered,
	 * buffers it for its time to live, starts instances at message start events and
	 * correlates it to every instance that waits for it (once per instance), all in one
	 * transaction. Instances are locked in key order, so publishers never deadlock.
	 * @param name the message name
	 * @param correlationKey the correlation key
	 * @param timeToLiveMillis how long to buffer it (0: not at all)
	 * @param messageId the id, or empty
	 * @param variables the message's variables
	 * @return the message key
	 */
	public long publishMessage(String name, String correlationKey, long timeToLiveMillis, String messageId,
			Map<String, Object> variables) {
		if (name == null || name.isBlank()) {
			throw EngineException.invalidArgument("Expected to publish a message with a name, but the name was empty");
		}
		long now = this.clock.millis();
		String key = (correlationKey != null) ? correlationKey : "";
		long messageKey = this.keys.nextKey();
		List<BpmnContext> contexts = named("PUBLISH", () -> this.transactions.inTransaction((connection) -> {
			boolean buffered = timeToLiveMillis > 0;
			if (messageId != null && !messageId.isEmpty()) {
				long[] existing = this.events.messageById(connection, name, key, messageId);
				if (existing != null && existing[1] > now) {
					throw EngineException.alreadyExists("Expected to publish a new message with id '" + messageId
							+ "', but a message with that id was already published");
				}
				if (existing != null) {
					this.events.deleteMessage(connection, existing[0]);
				}
			}
			if (buffered) {
				Message message = new Message();
				message.key = messageKey;
				message.name = name;
				message.correlationKey = key;
				message.messageId = (messageId != null && !messageId.isEmpty()) ? messageId : null;
				message.variables = variables.isEmpty() ? null : Json.write(variables);
				message.publishedAt = now;
				message.expiresAt = now + timeToLiveMillis;
				try {
					this.events.insertMessage(connection, message);
				}
				catch (SQLException ex) {
					// Two publishers with one message id at the same moment: the unique
					// key lets one win; the other is told as if it came second.
					if (message.messageId != null && ex.getSQLState() != null && ex.getSQLState().startsWith("23")) {
						throw EngineException.alreadyExists("Expected to publish a new message with id '" + messageId
								+ "', but a message with that id was already published");
					}
					throw ex;
				}
			}
			// Which processes this message starts is decided before it reaches waiting
			// instances: an instance it completes right now still counted as active.
			List<MessageSubscription> starts = eligibleStarts(connection, name, key);
			List<BpmnContext> touched = new ArrayList<>();
			Map<Long, List<MessageSubscription>> byInstance = new java.util.TreeMap<>();
			for (MessageSubscription subscription : this.events.subscriptions(connection, name, key)) {
				byInstance.computeIfAbsent(subscription.processInstanceKey, (k) -> new ArrayList<>()).add(subscription);
			}
			for (Long processInstanceKey : byInstance.keySet()) {
				InstanceState state = this.repository.lockAndLoad(connection, processInstanceKey);
				if (state == null || !"ACTIVE".equals(state.processInstance().state)) {
					continue;
				}
				ExecutableProcess process = this.processes.byKey(connection,
						state.processInstance().processDefinitionKey);
				BpmnContext c = newContext(state, process, now, "client");
				// Read again under the instance's lock: a command may have closed them.
				for (MessageSubscription subscription : this.events.subscriptionsOf(connection, processInstanceKey,
						name, key)) {
					if (c.catchEvents().correlate(subscription, variables)) {
						if (buffered) {
							c.writer().messageCorrelated(messageKey, name, key);
						}
						break;
					}
				}
				finish(connection, c, state, now);
				touched.add(c);
			}
			touched.addAll(startByMessage(connection, starts, key, variables, buffered ? messageKey : null, now));
			return touched;
		}));
		contexts.forEach(this::afterCommit);
		if (timeToLiveMillis > 0) {
			Set<Long> seen = new HashSet<>();
			contexts.forEach((context) -> seen.add(context.elements().processInstance().key));
			correlateLate(name, key, seen);
		}
		return messageKey;
	}

	/**
	 * Gives a buffered message to the instances whose subscriptions were opened by
	 * transactions that ran alongside the one that published it. Neither transaction can
	 * see the other's uncommitted row, so both look again after committing: the later one
	 * to commit finds the other's row. (Zeebe has no such race: a partition processes one
	 * command at a time.)
	 * @param name the message name
	 * @param correlationKey the correlation key
	 * @param handled instances the publishing transaction already had locked
	 */
	private void correlateLate(String name, String correlationKey, Set<Long> handled) {
		List<BpmnContext> contexts = this.transactions.inTransaction((connection) -> {
			long now = this.clock.millis();
			Set<Long> waiting = new java.util.TreeSet<>();
			for (MessageSubscription subscription : this.events.subscriptions(connection, name, correlationKey)) {
				if (!handled.contains(subscription.processInstanceKey)) {
					waiting.add(subscription.processInstanceKey);
				}
			}
			List<BpmnContext> correlated = new ArrayList<>();
			for (Long processInstanceKey : waiting) {
				BpmnContext c = correlateOldestBuffered(connection, processInstanceKey, name, correlationKey, now);
				if (c != null) {
					correlated.add(c);
				}
			}
			return correlated;
		});
		contexts.forEach(this::afterCommit);
	}

	/**
	 * Looks again, after the command that opened a subscription committed, for a message
	 * published alongside it (see {@link #correlateLate(String, String, Set)}).
	 */
	private void correlateLate(BpmnContext.AwaitedMessage awaited) {
		List<BpmnContext> contexts = this.transactions.inTransaction((connection) -> {
			long now = this.clock.millis();
			// Cheap first: nothing is buffered in the common case.
			if (this.events.bufferedMessage(connection, awaited.name(), awaited.correlationKey(), now,
					awaited.processInstanceKey()) == null) {
				return List.<BpmnContext>of();
			}
			BpmnContext c = correlateOldestBuffered(connection, awaited.processInstanceKey(), awaited.name(),
					awaited.correlationKey(), now);
			return (c != null) ? List.of(c) : List.<BpmnContext>of();
		});
		contexts.forEach(this::afterCommit);
	}

	/**
	 * Correlates the oldest buffered message not yet correlated to the instance to one of
	 * its open subscriptions for it, under the instance's lock.
	 * @return the context of the change, or {@code null} when nothing correlated
	 */
	private BpmnContext correlateOldestBuffered(Connection connection, long processInstanceKey, String name,
			String correlationKey, long now) throws SQLException {
		InstanceState state = this.repository.lockAndLoad(connection, processInstanceKey);
		if (state == null || !"ACTIVE".equals(state.processInstance().state)) {
			return null;
		}
		Message message = this.events.bufferedMessage(connection, name, correlationKey, now, processInstanceKey);
		if (message == null || state.hasCorrelated(message.key)) {
			return null;
		}
		ExecutableProcess process = this.processes.byKey(connection, state.processInstance().processDefinitionKey);
		BpmnContext c = newContext(state, process, now, "engine");
		for (MessageSubscription subscription : this.events.subscriptionsOf(connection, processInstanceKey, name,
				correlationKey)) {
			if (state.isEventScopeOpen(subscription.elementInstanceKey)
					&& c.catchEvents().correlate(subscription, messageVariables(message))) {
				c.writer().messageCorrelated(message.key, message.name, message.correlationKey);
				finish(connection, c, state, now);
				return c;
			}
		}
		return null;
	}

	private List<MessageSubscription> eligibleStarts(Connection connection, String name, String correlationKey)
			throws SQLException {
		List<MessageSubscription> eligible = new ArrayList<>();
		for (MessageSubscription start : this.events.startSubscriptions(connection, name)) {
			ExecutableProcess process = this.processes.byKey(connection, start.processDefinitionKey);
			if (correlationKey.isEmpty()
					|| !this.events.activeMessageStart(connection, process.bpmnProcessId(), correlationKey)) {
				eligible.add(start);
			}
		}
		return eligible;
	}

	private List<BpmnContext> startByMessage(Connection connection, List<MessageSubscription> starts,
			String correlationKey, Map<String, Object> variables, Long bufferedMessageKey, long now)
			throws SQLException {
		List<BpmnContext> started = new ArrayList<>();
		for (MessageSubscription start : starts) {
			ExecutableProcess process = this.processes.byKey(connection, start.processDefinitionKey);
			BpmnContext c = startInstance(connection, process, start.targetElementId, variables, bufferedMessageKey,
					now, "client");
			// An instance that already ended (a short process) blocks nothing.
			if (!correlationKey.isEmpty() && "ACTIVE".equals(c.endState())) {
				this.events.insertMessageStart(connection, process.bpmnProcessId(), correlationKey,
						c.elements().processInstance().key);
			}
			started.add(c);
		}
		return started;
	}

	/**
	 * Cancels a process instance: terminates every element instance and job.
	 * @param processInstanceKey the instance
	 */
	public void cancelInstance(long processInstanceKey) {
		run("CANCEL", (c) -> processInstanceKey, "client", "Expected to cancel a process instance with key '"
				+ processInstanceKey + "', but no such process instance was found", (context) -> {
					ElementInstance root = context.elements().element(processInstanceKey);
					context.flow().terminate(root);
					context.writer().processInstanceEnded("TERMINATED");
				});
	}

	/**
	 * Completes a job and its task.
	 * @param jobKey the job
	 * @param variables the job's result
	 */
	public void completeJob(long jobKey, Map<String, Object> variables) {
		onJob(jobKey, "complete", JobEvent.COMPLETE, (context, job) -> {
			ElementInstance instance = context.elements().element(job.elementInstanceKey);
			ExecutableElement element = context.process().element(instance.elementId);
			context.writer().jobTransition(job, JobEvent.COMPLETE, null);
			if (job.isExecutionListener()) {
				context.flow().listenerCompleted(instance, job, variables);
				return;
			}
			context.variables().setResult(element, instance, variables);
			context.flow().complete(instance);
		});
	}

	/**
	 * Fails a job: with retries left it becomes activatable again (after the back-off),
	 * without an incident is raised.
	 * @param jobKey the job
	 * @param retries the retries left
	 * @param errorMessage why
	 * @param backOffMillis how long to wait before it can be activated again
	 * @param variables variables set locally on the task
	 */
	public void failJob(long jobKey, int retries, String errorMessage, long backOffMillis,
			Map<String, Object> variables) {
		onJob(jobKey, "fail", JobEvent.FAIL, (context, job) -> {
			ElementInstance instance = context.elements().element(job.elementInstanceKey);
			context.variables().setLocal(instance.key, variables);
			job.retries = retries;
			job.errorMessage = StateWriter.cut(errorMessage);
			job.worker = null;
			job.deadline = null;
			job.retryAt = (retries > 0 && backOffMillis > 0) ? context.now() + backOffMillis : null;
			context.writer().jobTransition(job, JobEvent.FAIL, errorMessage);
			if (retries <= 0) {
				String message = (errorMessage == null || errorMessage.isEmpty()) ? "No more retries left."
						: errorMessage;
				context.incidents().raise(instance, job.key, new IncidentFailure(noRetriesType(job), message));
			}
			else if (job.retryAt == null) {
				context.writer().jobTransition(job, JobEvent.RECUR, null);
				context.jobCreated(job.type);
			}
		});
	}

	/**
	 * Throws a BPMN error from a job's task.
	 * @param jobKey the job
	 * @param errorCode the error code
	 * @param errorMessage the message
	 * @param variables variables for the catching boundary event
	 */
	public void throwError(long jobKey, String errorCode, String errorMessage, Map<String, Object> variables) {
		onJob(jobKey, "throw an error for", JobEvent.THROW_ERROR, (context, job) -> {
			if (job.isExecutionListener()) {
				// Zeebe refuses it: the element is not active while its listeners run, so
				// there is nothing a boundary event could interrupt.
				throw EngineException.invalidState(String.format(
						"Cannot throw BPMN error from %s job with key '%d', type '%s' and processInstanceKey '%d'",
						"EXECUTION_LISTENER", job.key, job.type, job.processInstanceKey));
			}
			ElementInstance instance = context.elements().element(job.elementInstanceKey);
			job.errorMessage = StateWriter.cut(errorMessage);
			job.deadline = null;
			context.writer().jobTransition(job, JobEvent.THROW_ERROR, errorCode);
			try {
				context.events().throwError(instance, errorCode, errorMessage, variables);
			}
			catch (IncidentFailure failure) {
				context.incidents().raise(instance, job.key, failure);
			}
		});
	}

	/**
	 * Sets a job's retries.
	 * @param jobKey the job
	 * @param retries the new retries
	 */
	public void updateJobRetries(long jobKey, int retries) {
		if (retries < 1) {
			throw EngineException
				.invalidArgument("Expected to update retries for job with key '" + jobKey
						+ "' with a positive amount of retries, but the amount given was '" + retries + "'")
				.withIntent("UPDATE_RETRIES");
		}
		onJob(jobKey, "update retries of", JobEvent.UPDATE_RETRIES, (context, job) -> {
			job.retries = retries;
			context.writer().jobTransition(job, JobEvent.UPDATE_RETRIES, "retries=" + retries);
		});
	}

	/**
	 * Moves an activated job's deadline.
	 * @param jobKey the job
	 * @param timeoutMillis the new timeout, from now
	 */
	public void updateJobTimeout(long jobKey, long timeoutMillis) {
		onJob(jobKey, "update the timeout of", JobEvent.UPDATE_TIMEOUT, (context, job) -> {
			job.deadline = context.now() + timeoutMillis;
			context.writer().jobTransition(job, JobEvent.UPDATE_TIMEOUT, "timeout=" + timeoutMillis);
		});
	}

	/**
	 * Resolves an incident and retries what failed.
	 * @param incidentKey the incident
	 */
	public void resolveIncident(long incidentKey) {
		String notFound = "Expected to resolve incident with key '" + incidentKey + "', but no such incident was found";
		run("RESOLVE", (c) -> this.repository.findInstanceOfIncident(c, incidentKey), "client", notFound, (context) -> {
			Incident incident = context.incidentState().incident(incidentKey);
			if (incident == null) {
				throw EngineException.notFound(notFound);
			}
			context.writer().resolveIncident(incident);
			ElementInstance instance = context.elements().element(incident.elementInstanceKey);
			if (incident.jobKey != null) {
				Job job = context.jobState().job(incident.jobKey);
				if (job == null) {
					return;
				}
				if (job.state == JobStatus.FAILED && job.retries <= 0) {
					// Nothing changed: Zeebe documents that the problem comes back as a
					// new incident.
					context.incidents()
						.raise(instance, job.key,
								new IncidentFailure(noRetriesType(job),
										(job.errorMessage != null && !job.errorMessage.isEmpty()) ? job.errorMessage
												: "No more retries left."));
					return;
				}
				job.retryAt = null;
				context.writer().jobTransition(job, JobEvent.RESOLVE, null);
				context.jobCreated(job.type);
				return;
			}
			if (instance.state == ElementStatus.ACTIVATING) {
				context.flow().runActivate(instance);
			}
			else if (instance.state == ElementStatus.COMPLETING) {
				context.flow().runComplete(instance);
			}
		});
	}

	/**
	 * Sets variables on a scope (local) or merges them from it upwards.
	 * @param elementInstanceKey the scope: an element instance or the process instance
	 * @param variables the variables
	 * @param local whether to set them on the scope only
	 * @return a key for the operation
	 */
	public long setVariables(long elementInstanceKey, Map<String, Object> variables, boolean local) {
		String notFound = "Expected to update variables for element with key '" + elementInstanceKey
				+ "', but no such element was found";
		run("UPDATE", (c) -> this.repository.findInstanceOfElement(c, elementInstanceKey), "client", notFound,
				(context) -> {
					if (context.elements().element(elementInstanceKey) == null) {
						throw EngineException.notFound(notFound);
					}
					if (local) {
						context.variables().setLocal(elementInstanceKey, variables);
					}
					else {
						context.variables().merge(elementInstanceKey, variables);
					}
				});
		return this.keys.nextKey();
	}

	private static String noRetriesType(Job job) {
		return job.isExecutionListener() ? IncidentFailure.EXECUTION_LISTENER_NO_RETRIES
				: IncidentFailure.JOB_NO_RETRIES;
	}

	private void onJob(long jobKey, String verb, JobEvent event, JobDecision decision) {
		String notFound = "Expected to " + verb + " job with key '" + jobKey + "', but no such job was found";
		run(event.name(), (c) -> this.repository.findInstanceOfJob(c, jobKey), null, notFound, (context) -> {
			Job job = context.jobState().job(jobKey);
			if (job == null) {
				throw EngineException.notFound(notFound);
			}
			context.writer().actAs((job.worker != null) ? job.worker : "client");
			if (!JobStatus.LIFECYCLE.allows(job.state, event)) {
				throw EngineException.invalidState("Expected to " + verb + " job with key '" + jobKey
						+ "', but it is in state '" + job.state + "'");
			}
			decision.apply(context, job);
		});
	}

	private void run(String intent, Lookup lookup, String actor, String notFound, Decision decision) {
		run(intent, lookup, actor, notFound, (connection, context) -> decision.apply(context));
	}

	private void run(String intent, Lookup lookup, String actor, String notFound, ConnectionDecision decision) {
		long now = this.clock.millis();
		BpmnContext context = named(intent, () -> this.transactions.inTransaction((connection) -> {
			Long processInstanceKey = lookup.find(connection);
			if (processInstanceKey == null) {
				throw EngineException.notFound(notFound);
			}
			InstanceState state = this.repository.lockAndLoad(connection, processInstanceKey);
			if (state == null || !"ACTIVE".equals(state.processInstance().state)) {
				throw EngineException.notFound(notFound);
			}
			ExecutableProcess process = this.processes.byKey(connection, state.processInstance().processDefinitionKey);
			BpmnContext c = newContext(state, process, now, (actor != null) ? actor : "worker");
			decision.apply(connection, c);
			finish(connection, c, state, now);
			return c;
		}));
		afterCommit(context);
	}

	private static <T> T named(String intent, java.util.function.Supplier<T> command) {
		try {
			return command.get();
		}
		catch (EngineException ex) {
			throw ex.withIntent(intent);
		}
	}

	private BpmnContext newContext(InstanceState state, ExecutableProcess process, long now, String actor) {
		return new BpmnContext(state, process, now, actor, this.keys, this.feel, this.processors, this.streams);
	}

	private void afterCommit(BpmnContext context) {
		context.related.forEach(this::afterCommit);
		context.pushJobs();
		Set<String> types = context.createdJobTypes();
		if (!types.isEmpty()) {
			this.listener.jobsAvailable(types);
		}
		String state = context.endState();
		if (!"ACTIVE".equals(state)) {
			this.listener.instanceEnded(context.elements().processInstance().key, state, context.endVariables());
		}
		context.awaitedMessages.forEach(this::correlateLate);
	}

	@FunctionalInterface
	private interface Lookup {

		Long find(Connection connection) throws SQLException;

	}

	@FunctionalInterface
	private interface Decision {

		void apply(BpmnContext context);

	}

	@FunctionalInterface
	private interface ConnectionDecision {

		void apply(Connection connection, BpmnContext context) throws SQLException;

	}

	@FunctionalInterface
	private interface JobDecision {

		void apply(BpmnContext context, Job job);

	}

}
