package io.banshi.workers.jobs;

import java.time.Duration;

import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.worker.JobClient;

/**
 * Applies a handler's answer to a job through the Camunda client: complete it, throw a
 * BPMN error, or, for a technical failure, fail it with one retry less and a back-off
 * (the engine raises an incident when no retries are left).
 */
public final class JobOutcomes {

	/** How long a failed job waits before it is retried. */
	public static final Duration RETRY_BACKOFF = Duration.ofSeconds(5);

	private JobOutcomes() {
	}

	/**
	 * Runs a handler for a job and applies the outcome, waiting for the engine's answer.
	 * @param client the job client the worker was given
	 * @param job the activated job
	 * @param handler the handler of the job's type
	 */
	public static void handle(JobClient client, ActivatedJob job, StepHandler handler) {
		StepResult result;
		try {
			result = handler.handle(StepJob.of(job));
		}
		catch (RuntimeException ex) {
			client.newFailCommand(job)
				.retries(Math.max(0, job.getRetries() - 1))
				.retryBackoff(RETRY_BACKOFF)
				.errorMessage(String.valueOf(ex.getMessage()))
				.send()
				.join();
			return;
		}
		if (result instanceof StepResult.Complete complete) {
			client.newCompleteCommand(job).variables(complete.variables()).send().join();
		}
		else if (result instanceof StepResult.BusinessError error) {
			client.newThrowErrorCommand(job)
				.errorCode(error.code())
				.errorMessage(error.message())
				.variables(error.variables())
				.send()
				.join();
		}
	}

}
