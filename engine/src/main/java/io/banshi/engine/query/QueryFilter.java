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

	public QueryFilter withState(String state) {
		return new QueryFilter(state, this.bpmnProcessId, this.processInstanceKey, this.elementId, this.errorText,
				this.variableName, this.variableValue, this.jobType);
	}

	public QueryFilter withBpmnProcessId(String bpmnProcessId) {
		return new QueryFilter(this.state, bpmnProcessId, this.processInstanceKey, this.elementId, this.errorText,
				this.variableName, this.variableValue, this.jobType);
	}

	public QueryFilter withProcessInstanceKey(Long processInstanceKey) {
		return new QueryFilter(this.state, this.bpmnProcessId, processInstanceKey, this.elementId, this.errorText,
				this.variableName, this.variableValue, this.jobType);
	}

	public QueryFilter withElementId(String elementId) {
		return new QueryFilter(this.state, this.bpmnProcessId, this.processInstanceKey, elementId, this.errorText,
				this.variableName, this.variableValue, this.jobType);
	}

	public QueryFilter withErrorText(String errorText) {
		return new QueryFilter(this.state, this.bpmnProcessId, this.processInstanceKey, this.elementId, errorText,
				this.variableName, this.variableValue, this.jobType);
	}

	public QueryFilter withVariable(String name, String jsonValue) {
		return new QueryFilter(this.state, this.bpmnProcessId, this.processInstanceKey, this.elementId, this.errorText,
				name, jsonValue, this.jobType);
	}

	public QueryFilter withJobType(String jobType) {
		return new QueryFilter(this.state, this.bpmnProcessId, this.processInstanceKey, this.elementId, this.errorText,
				this.variableName, this.variableValue, jobType);
	}

}
