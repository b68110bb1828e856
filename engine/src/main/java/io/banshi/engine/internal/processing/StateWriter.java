package io.banshi.engine.internal.processing;

import io.banshi.engine.internal.model.ExecutableElement;
import io.banshi.engine.internal.state.ElementStatus;
import io.banshi.engine.internal.state.ElementStatus.ElementEvent;
import io.banshi.engine.internal.state.Entities.ElementInstance;
import io.banshi.engine.internal.state.Entities.HistoryEvent;
import io.banshi.engine.internal.state.Entities.Incident;
import io.banshi.engine.internal.state.Entities.Job;
import io.banshi.engine.internal.state.Entities.MessageSubscription;
import io.banshi.engine.internal.state.Entities.Timer;
import io.banshi.engine.internal.state.Entities.ProcessInstance;
import io.banshi.engine.internal.state.InstanceState;
import io.banshi.engine.internal.state.JobRepository;
import io.banshi.engine.internal.state.JobStatus;
import io.banshi.engine.internal.state.JobStatus.JobEvent;
import io.banshi.engine.internal.state.Json;
import io.banshi.engine.internal.state.KeyGenerator;

/**
 * The one place where a command's decisions become state changes: every change goes
 * through the lifecycle tables and leaves a history row. Processors and behaviors decide;
 * this class writes.
 */
public final class StateWriter {

	private static final int MAX_VARIABLE_DETAIL = 200;

	private static final int MAX_MESSAGE = 4000;

	private final InstanceState state;

	private final KeyGenerator keys;

	private final long now;

	private String actor;

	StateWriter(InstanceState state, KeyGenerator keys, long now, String actor) {
		this.state = state;
		this.keys = keys;
		this.now = now;
		this.actor = actor;
	}

	/**
	 * Names who the rest of this command's changes are attributed to (the worker that
	 * holds a job, once the job is known).
	 * @param actor the actor
	 */
	void actAs(String actor) {
		this.actor = actor;
	}

	ElementInstance createElement(ExecutableElement element, long flowScopeKey, long key) {
		ElementInstance instance = new ElementInstance();
		instance.key = key;
		instance.processInstanceKey = this.state.processInstance().key;
		instance.flowScopeKey = flowScopeKey;
		instance.elementId = element.id();
		instance.elementType = element.type().name();
		instance.state = ElementStatus.NEW;
		instance.startTime = this.now;
		this.state.putElement(instance);
		transition(instance, ElementEvent.ACTIVATE);
		return instance;
	}

	void transition(ElementInstance instance, ElementEvent event) {
		ElementStatus before = instance.state;
		instance.state = ElementStatus.LIFECYCLE.next(before, event);
		if (instance.state == ElementStatus.COMPLETED || instance.state == ElementStatus.TERMINATED) {
			this.state.removeElement(instance.key);
			this.state.removeScope(instance.key);
		}
		else {
			this.state.updateElement(instance);
		}
		record("ELEMENT", instance.key, instance.elementId, instance.elementType, event.name(), before.name(),
				instance.state.name(), null);
	}

	void flowsChanged(ElementInstance scope) {
		this.state.updateElement(scope);
	}

	void sequenceFlowTaken(String flowId, long flowScopeKey) {
		record("FLOW", flowScopeKey, flowId, "SEQUENCE_FLOW", "TAKEN", null, null, null);
	}

	void processInstanceEnded(String endState) {
		ProcessInstance instance = this.state.processInstance();
		String before = instance.state;
		instance.state = endState;
		instance.endTime = this.now;
		this.state.updateProcessInstance();
		record("PROCESS", instance.key, instance.bpmnProcessId, "PROCESS", endState, before, endState, null);
	}

	void createJob(Job job) {
		job.state = JobStatus.NEW;
		job.state = JobStatus.LIFECYCLE.next(JobStatus.NEW, JobEvent.CREATE);
		this.state.putJob(job);
		this.state.record(JobRepository.jobEvent(job, JobEvent.CREATE, JobStatus.NEW, this.now, this.actor, job.type));
	}

	void jobTransition(Job job, JobEvent event, String detail) {
		JobStatus before = job.state;
		job.state = JobStatus.LIFECYCLE.next(before, event);
		if (job.state == JobStatus.COMPLETED || job.state == JobStatus.CANCELED) {
			this.state.removeJob(job.key);
		}
		else {
			this.state.updateJob(job);
		}
		this.state.record(JobRepository.jobEvent(job, event, before, this.now, this.actor, detail));
	}

	Incident raiseIncident(ElementInstance instance, Long jobKey, String errorType, String message) {
		Incident incident = new Incident();
		incident.key = this.keys.nextKey();
		incident.processInstanceKey = instance.processInstanceKey;
		incident.elementInstanceKey = instance.key;
		incident.elementId = instance.elementId;
		incident.bpmnProcessId = this.state.processInstance().bpmnProcessId;
		incident.jobKey = jobKey;
		incident.errorType = errorType;
		incident.errorMessage = cut(message);
		incident.createdAt = this.now;
		this.state.putIncident(incident);
		record("INCIDENT", incident.key, instance.elementId, instance.elementType, "CREATED", null, "ACTIVE",
				errorType + ": " + message);
		return incident;
	}

	void resolveIncident(Incident incident) {
		this.state.removeIncident(incident.key);
		record("INCIDENT", incident.key, incident.elementId, null, "RESOLVED", "ACTIVE", "RESOLVED",
				incident.errorType);
	}

	void setVariable(long scopeKey, String name, Object value) {
		String json = Json.write(value);
		boolean existed = this.state.hasLocal(scopeKey, name);
		if (this.state.setLocal(scopeKey, name, value, json)) {
			String shown = (json.length() > MAX_VARIABLE_DETAIL) ? json.substring(0, MAX_VARIABLE_DETAIL) + "..."
					: json;
			record("VARIABLE", scopeKey, null, null, existed ? "UPDATED" : "CREATED", null, null, name + "=" + shown);
		}
	}

	void addTimer(Timer timer) {
		this.state.addTimer(timer);
		record("TIMER", timer.key, timer.targetElementId, null, "CREATED", null, null, "dueAt=" + timer.dueAt);
	}

	void updateTimer(Timer timer) {
		this.state.updateTimer(timer);
		record("TIMER", timer.key, timer.targetElementId, null, "RESCHEDULED", null, null, "dueAt=" + timer.dueAt);
	}

	void deleteTimer(long timerKey) {
		this.state.deleteTimer(timerKey);
	}

	void addSubscription(MessageSubscription subscription) {
		this.state.addSubscription(subscription);
		record("SUBSCRIPTION", subscription.key, subscription.targetElementId, null, "CREATED", null, null,
				subscription.messageName + "/" + subscription.correlationKey);
	}

	void closeEventScope(ElementInstance instance) {
		this.state.closeEventScope(instance.key);
	}

	void eventTriggered(ElementInstance owner, String targetElementId, String kind) {
		record(kind, owner.key, targetElementId, null, "TRIGGERED", null, null, null);
	}

	void messageCorrelated(long messageKey, String name, String correlationKey) {
		this.state.messageCorrelated(messageKey);
		record("MESSAGE", messageKey, null, null, "CORRELATED", null, null, name + "/" + correlationKey);
	}

	/**
	 * Cuts a message to what the message columns hold (4000 characters).
	 * @param text the message
	 * @return the message, cut
	 */
	static String cut(String text) {
		return (text == null || text.length() <= MAX_MESSAGE) ? text : text.substring(0, MAX_MESSAGE - 3) + "...";
	}

	private void record(String entity, long entityKey, String elementId, String elementType, String event,
			String before, String after, String detail) {
		ProcessInstance instance = this.state.processInstance();
		this.state.record(new HistoryEvent(this.now, instance.key, instance.bpmnProcessId, entity, entityKey, elementId,
				elementType, event, before, after, this.actor, detail));
	}

}
