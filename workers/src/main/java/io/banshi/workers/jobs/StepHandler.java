package io.banshi.workers.jobs;

import io.banshi.workers.plugin.BusinessFailure;

/**
 * Does the work of one job type. Implementations are Spring beans; a job worker per
 * {@link #jobType()} hands each activated job to {@link #handle(StepJob)}.
 */
public interface StepHandler {

	/**
	 * Returns the job type this handler serves.
	 * @return {@code query}, {@code compare}, {@code confirm}, {@code order},
	 * {@code remind} or {@code notify}
	 */
	String jobType();

	/**
	 * Does the job. Must be safe to call again for the same job (a retry, a second
	 * delivery): consequential work goes through idempotency keys.
	 * @param job the job
	 * @return the variables to complete with, or a business error
	 * @throws RuntimeException for technical failures (the job is failed and retried);
	 * never a {@link BusinessFailure}, which becomes a {@link StepResult.BusinessError}
	 */
	StepResult handle(StepJob job);

}
