package io.banshi.engine.internal.processing;

import java.util.Map;

import io.banshi.engine.internal.feel.EvaluationException;
import io.banshi.engine.internal.feel.FeelExpressions;
import io.banshi.engine.internal.feel.Expression;
import io.banshi.engine.internal.model.ExecutableElement;
import io.banshi.engine.internal.model.ExecutableJobTask;
import io.banshi.engine.internal.model.ExecutionListener;
import io.banshi.engine.internal.state.Entities.ElementInstance;
import io.banshi.engine.internal.state.Entities.Job;
import io.banshi.engine.internal.state.JobStatus.JobEvent;
import io.banshi.engine.internal.state.Json;

/**
 * Creates and cancels the jobs of job-worker tasks and of execution listeners.
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
		dispatch(newJob(instance, task.jobType(), task.retries(), task.headers()));
	}

	/**
	 * Creates the job of an execution listener of an element: type and retries evaluated
	 * now in the element's scope (after its input mappings, or after its output mappings
	 * for an end listener), with the element's task headers.
	 * @param element the element the listener belongs to
	 * @param instance its instance
	 * @param eventType {@link ExecutionListener#START} or {@link ExecutionListener#END}
	 * @param index which of the element's listeners of that event type
	 * @throws IncidentFailure EXTRACT_VALUE_ERROR when type or retries do not evaluate
	 */
	public void createListenerJob(ExecutableElement element, ElementInstance instance, String eventType, int index) {
		ExecutionListener listener = element.listeners(eventType).get(index);
		Map<String, String> headers = (element instanceof ExecutableJobTask task) ? task.headers() : Map.of();
		Job job = newJob(instance, listener.type(), listener.retries(), headers);
		job.listenerEventType = eventType;
		job.listenerIndex = index;
		dispatch(job);
	}

	private Job newJob(ElementInstance instance, Expression typeExpression, Expression retriesExpression,
			Map<String, String> headers) {
		String type;
		int retries;
		try {
			Map<String, Object> variables = (typeExpression.isFeel() || retriesExpression.isFeel())
					? this.context.variableState().visibleVariables(instance.key) : Map.of();
			type = this.feel.evaluateString(typeExpression, variables);
			retries = this.feel.evaluateInt(retriesExpression, variables);
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
		job.customHeaders = Json.write(headers);
		job.createdAt = this.context.now();
		return job;
	}

	private void dispatch(Job job) {
		this.context.writer().createJob(job);
		JobStreams.Target stream = this.context.streams().next(job.type);
		if (stream == null) {
			this.context.jobCreated(job.type);
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

	/**
	 * Cancels the execution listener job an element instance waits for, if any.
	 * @param instance the instance being terminated
	 */
	public void cancelListenerJob(ElementInstance instance) {
		Job job = this.context.jobState().jobOf(instance.key);
		if (job != null && job.isExecutionListener()) {
			this.context.writer().jobTransition(job, JobEvent.CANCEL, null);
		}
	}

}
