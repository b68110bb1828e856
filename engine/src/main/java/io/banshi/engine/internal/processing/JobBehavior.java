package io.banshi.engine.internal.processing;

import java.util.Map;

import io.banshi.engine.internal.feel.EvaluationException;
import io.banshi.engine.internal.feel.FeelExpressions;
import io.banshi.engine.internal.model.ExecutableJobTask;
import io.banshi.engine.internal.state.Entities.ElementInstance;
import io.banshi.engine.internal.state.Entities.Job;
import io.banshi.engine.internal.state.JobStatus.JobEvent;
import io.banshi.engine.internal.state.Json;

/**
 * Creates and cancels the jobs of job-worker tasks.
 */
public final class JobBehavior {

	private final BpmnContext context;

	private final FeelExpressions feel;

	JobBehavior(BpmnContext context, FeelExpressions feel) {
		this.context = context;
		this.feel = feel;
	}

	/**
	 * Creates the task's job: type and retries evaluated now, headers as written.
	 * @param task the task
	 * @param instance its instance
	 * @throws IncidentFailure EXTRACT_VALUE_ERROR when type or retries do not evaluate
	 */
	public void createJob(ExecutableJobTask task, ElementInstance instance) {
		String type;
		int retries;
		try {
			Map<String, Object> variables = (task.jobType().isFeel() || task.retries().isFeel())
					? this.context.variableState().visibleVariables(instance.key) : Map.of();
			type = this.feel.evaluateString(task.jobType(), variables);
			retries = this.feel.evaluateInt(task.retries(), variables);
		}
		catch (EvaluationException ex) {
			throw new IncidentFailure(IncidentFailure.EXTRACT_VALUE_ERROR, ex.getMessage());
		}
		Job job = new Job();
		job.key = this.context.newKey();
		job.type = type;
		job.processInstanceKey = instance.processInstanceKey;
		job.elementInstanceKey = instance.key;
		job.elementId = instance.elementId;
		job.bpmnProcessId = this.context.process().bpmnProcessId();
		job.processDefinitionKey = this.context.process().key();
		job.version = this.context.process().version();
		job.retries = retries;
		job.customHeaders = Json.write(task.headers());
		job.createdAt = this.context.now();
		this.context.writer().createJob(job);
		JobStreams.Target stream = this.context.streams().next(type);
		if (stream == null) {
			this.context.jobCreated(type);
			return;
		}
		job.worker = stream.worker();
		job.deadline = this.context.now() + stream.timeoutMillis();
		this.context.writer().jobTransition(job, JobEvent.ACTIVATE, stream.worker());
		this.context.pushAfterCommit(job, stream);
	}

	/**
	 * Cancels the job of a task that is being terminated, whatever state it is in.
	 * @param instance the task's instance
	 */
	public void cancelJob(ElementInstance instance) {
		Job job = this.context.jobState().jobOf(instance.key);
		if (job != null) {
			this.context.writer().jobTransition(job, JobEvent.CANCEL, null);
		}
	}

}
