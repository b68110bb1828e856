package io.banshi.workers.jobs;

import java.util.Map;

/**
 * What a handler answers for a job.
 */
public sealed interface StepResult {

	/**
	 * Complete the job with these variables.
	 *
	 * @param variables the variables, merged into the process
	 */
	record Complete(Map<String, Object> variables) implements StepResult {

		public Complete {
			variables = Map.copyOf(variables);
		}

	}

	/**
	 * Throw a BPMN error: a business failure the process can catch.
	 *
	 * @param code the error code ({@code SOLD_OUT}, {@code OVER_BUDGET}, ...)
	 * @param message why, for the person and for ops
	 * @param variables variables to set where the error is caught
	 */
	record BusinessError(String code, String message, Map<String, Object> variables) implements StepResult {

		public BusinessError {
			variables = Map.copyOf(variables);
		}

	}

}
