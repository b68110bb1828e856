package io.banshi.engine.query;

/**
 * What to filter by; every field is optional ({@code null} means any).
 *
 * @param state the state (instance: ACTIVE, COMPLETED, TERMINATED; job: ACTIVATABLE,
 * ACTIVATED, FAILED, ERROR_THROWN; element: ACTIVATING, ACTIVATED, COMPLETING)
 * @param bpmnProcessId the process id
 * @param processInstanceKey the process instance
 * @param elementId the BPMN element id
 * @param errorText text the error message contains (jobs, incidents)
 * @param variableName a variable the instance has (instances)
 * @param variableValue the variable's value as JSON text, with {@code variableName}
 * @param jobType the job type (jobs)
 */
public record QueryFilter(String state, String bpmnProcessId, Long processInstanceKey, String elementId,
		String errorText, String variableName, String variableValue, String jobType) {

	/**
	 * A filter that matches everything.
	 * @return the empty filter
	 */
	public static QueryFilter any() {
		return new QueryFilter(null, null, null, null, null, null, null, null);
	}

	/**
	 * Narrows to a state (for incidents: the error type; for history: the entity).
	 * @param state the value, or {@code null} for any
	 * @return a new filter
	 */
	public QueryFilter withState(String state) {
		return new QueryFilter(state, this.bpmnProcessId, this.processInstanceKey, this.elementId, this.errorText,
				this.variableName, this.variableValue, this.jobType);
	}

	/**
	 * Narrows to a process id.
	 * @param bpmnProcessId the value, or {@code null} for any
	 * @return a new filter
	 */
	public QueryFilter withBpmnProcessId(String bpmnProcessId) {
		return new QueryFilter(this.state, bpmnProcessId, this.processInstanceKey, this.elementId, this.errorText,
				this.variableName, this.variableValue, this.jobType);
	}

	/**
	 * Narrows to one process instance.
	 * @param processInstanceKey the value, or {@code null} for any
	 * @return a new filter
	 */
	public QueryFilter withProcessInstanceKey(Long processInstanceKey) {
		return new QueryFilter(this.state, this.bpmnProcessId, processInstanceKey, this.elementId, this.errorText,
				this.variableName, this.variableValue, this.jobType);
	}

	/**
	 * Narrows to a BPMN element id.
	 * @param elementId the value, or {@code null} for any
	 * @return a new filter
	 */
	public QueryFilter withElementId(String elementId) {
		return new QueryFilter(this.state, this.bpmnProcessId, this.processInstanceKey, elementId, this.errorText,
				this.variableName, this.variableValue, this.jobType);
	}

	/**
	 * Narrows to error messages containing this text.
	 * @param errorText the value, or {@code null} for any
	 * @return a new filter
	 */
	public QueryFilter withErrorText(String errorText) {
		return new QueryFilter(this.state, this.bpmnProcessId, this.processInstanceKey, this.elementId, errorText,
				this.variableName, this.variableValue, this.jobType);
	}

	/**
	 * Narrows to instances with a variable (in any scope), optionally with a value.
	 * @param name the variable name
	 * @param jsonValue the value as JSON text ({@code "\"Shanghai\""}, {@code 42}), or
	 * {@code null} for any value
	 * @return a new filter
	 */
	public QueryFilter withVariable(String name, String jsonValue) {
		return new QueryFilter(this.state, this.bpmnProcessId, this.processInstanceKey, this.elementId, this.errorText,
				name, jsonValue, this.jobType);
	}

	/**
	 * Narrows to a job type.
	 * @param jobType the value, or {@code null} for any
	 * @return a new filter
	 */
	public QueryFilter withJobType(String jobType) {
		return new QueryFilter(this.state, this.bpmnProcessId, this.processInstanceKey, this.elementId, this.errorText,
				this.variableName, this.variableValue, jobType);
	}

}
