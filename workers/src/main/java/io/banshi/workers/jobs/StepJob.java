package io.banshi.workers.jobs;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import io.banshi.workers.plugin.IdempotencyKey;
import io.camunda.client.api.response.ActivatedJob;

/**
 * What a handler needs of a job.
 *
 * @param type the job type ({@code query}, {@code order}, ...)
 * @param processInstanceKey the errand's process instance
 * @param elementId the BPMN element (the step id, or an id derived from it)
 * @param elementInstanceKey the element instance (the same for every retry of the job)
 * @param headers the task headers ({@code stepId}, {@code capability}, ...)
 * @param variables the job's variables: process variables and the step's inputs
 */
public record StepJob(String type, long processInstanceKey, String elementId, long elementInstanceKey,
		Map<String, String> headers, Map<String, Object> variables) {

	public StepJob {
		headers = (headers != null) ? Map.copyOf(headers) : Map.of();
		variables = (variables != null) ? Collections.unmodifiableMap(new LinkedHashMap<>(variables)) : Map.of();
	}

	/**
	 * Reads a job activated through the Camunda client.
	 * @param job the job
	 * @return what the handlers need of it
	 */
	public static StepJob of(ActivatedJob job) {
		return new StepJob(job.getType(), job.getProcessInstanceKey(), job.getElementId(), job.getElementInstanceKey(),
				job.getCustomHeaders(), job.getVariablesAsMap());
	}

	/**
	 * Returns the step's id: the {@code stepId} header, else the element id.
	 * @return the step id
	 */
	public String stepId() {
		String stepId = this.headers.get("stepId");
		return (stepId != null && !stepId.isBlank()) ? stepId : this.elementId;
	}

	/**
	 * Returns the errand the job belongs to: the process variable {@code errandId} the
	 * errand API starts every errand with.
	 * @return the errand id, or {@code null} for processes started without one
	 */
	public String errandId() {
		Object errandId = this.variables.get("errandId");
		return (errandId != null) ? errandId.toString() : null;
	}

	/**
	 * Returns the step's capability header.
	 * @return the capability, or {@code null} for steps without one
	 */
	public String capability() {
		String capability = this.headers.get("capability");
		return (capability != null && !capability.isBlank()) ? capability : null;
	}

	/**
	 * The idempotency key of a step that acts once per errand.
	 * @return {@code <processInstanceKey>/<elementId>}
	 */
	public IdempotencyKey stepKey() {
		return IdempotencyKey.forStep(this.processInstanceKey, this.elementId);
	}

	/**
	 * The idempotency key of this run of the element (for elements that run more than
	 * once, such as a repeating reminder).
	 * @return {@code <processInstanceKey>/<elementId>/<elementInstanceKey>}
	 */
	public IdempotencyKey runKey() {
		return IdempotencyKey.forJob(this.processInstanceKey, this.elementId, this.elementInstanceKey);
	}

}
