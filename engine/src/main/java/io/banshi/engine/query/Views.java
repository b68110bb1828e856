package io.banshi.engine.query;

/**
 * The rows the query service returns. Times are epoch milliseconds.
 */
public final class Views {

	private Views() {
	}

	/**
	 * A deployed process definition.
	 *
	 * @param key the definition key
	 * @param bpmnProcessId the process id
	 * @param version the version
	 * @param resourceName the resource
	 * @param deploymentKey the deployment
	 * @param createdAt when deployed
	 */
	public record ProcessDefinition(long key, String bpmnProcessId, int version, String resourceName,
			long deploymentKey, long createdAt) {
	}

	/**
	 * A process instance (running or ended).
	 *
	 * @param key the process instance key
	 * @param processDefinitionKey the definition
	 * @param bpmnProcessId the process id
	 * @param version the version
	 * @param state ACTIVE, COMPLETED or TERMINATED
	 * @param startTime when it started
	 * @param endTime when it ended, or {@code null}
	 */
	public record ProcessInstance(long key, long processDefinitionKey, String bpmnProcessId, int version, String state,
			long startTime, Long endTime) {
	}

	/**
	 * An active element instance.
	 *
	 * @param key the element instance key
	 * @param processInstanceKey the process instance
	 * @param flowScopeKey the enclosing scope
	 * @param elementId the element id
	 * @param elementType the element type
	 * @param state the lifecycle state
	 * @param startTime when it was activated
	 */
	public record ElementInstance(long key, long processInstanceKey, long flowScopeKey, String elementId,
			String elementType, String state, long startTime) {
	}

	/**
	 * A job.
	 *
	 * @param key the job key
	 * @param type the job type
	 * @param state the state
	 * @param processInstanceKey the process instance
	 * @param elementInstanceKey the task's element instance
	 * @param elementId the task's element id
	 * @param retries the retries left
	 * @param worker the worker holding it, or {@code null}
	 * @param deadline when its activation expires, or {@code null}
	 * @param errorMessage the last failure, or {@code null}
	 */
	public record Job(long key, String type, String state, long processInstanceKey, long elementInstanceKey,
			String elementId, int retries, String worker, Long deadline, String errorMessage) {
	}

	/**
	 * An open incident.
	 *
	 * @param key the incident key
	 * @param processInstanceKey the process instance
	 * @param elementInstanceKey where execution stopped
	 * @param elementId the element id
	 * @param bpmnProcessId the process id
	 * @param jobKey the job involved, or {@code null}
	 * @param errorType Zeebe's error type
	 * @param errorMessage what went wrong
	 * @param createdAt when it was raised
	 */
	public record Incident(long key, long processInstanceKey, long elementInstanceKey, String elementId,
			String bpmnProcessId, Long jobKey, String errorType, String errorMessage, long createdAt) {
	}

	/**
	 * A variable.
	 *
	 * @param scopeKey the scope
	 * @param name the name
	 * @param value the value as JSON text
	 */
	public record Variable(long scopeKey, String name, String value) {
	}

	/**
	 * One state change.
	 *
	 * @param id the position in the history
	 * @param time when
	 * @param processInstanceKey the process instance
	 * @param entity ELEMENT, JOB, INCIDENT, VARIABLE, PROCESS or FLOW
	 * @param entityKey the entity's key
	 * @param elementId the element id, if any
	 * @param event what happened
	 * @param stateBefore the state before
	 * @param stateAfter the state after
	 * @param actor who caused it
	 * @param detail more
	 */
	public record HistoryEvent(long id, long time, long processInstanceKey, String entity, long entityKey,
			String elementId, String event, String stateBefore, String stateAfter, String actor, String detail) {
	}

}
