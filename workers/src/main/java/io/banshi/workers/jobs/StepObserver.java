package io.banshi.workers.jobs;

import java.util.Map;

/**
 * Hears what the job workers did: the variables a step completes with, or the business
 * error it throws. The errand API keeps them so a person can see results after the
 * process has ended (an engine keeps an instance's variables only while it runs).
 * Optional: without an observer bean nothing is told.
 *
 * <p>
 * Told just before the worker sends the outcome to the engine, so that anyone who sees
 * the instance ended also sees what its last step did. If the engine then refuses the
 * outcome (the job timed out and another worker has it) the step runs again and is told
 * again.
 *
 * <p>
 * Called on the worker's thread; an exception an observer throws is logged and does not
 * change the job's outcome.
 */
public interface StepObserver {

	/**
	 * A step completed.
	 * @param job the job
	 * @param variables the variables it completed with
	 */
	void completed(StepJob job, Map<String, Object> variables);

	/**
	 * A step threw a business error (a BPMN error the process catches).
	 * @param job the job
	 * @param code the error code ({@code OVER_BUDGET}, {@code SOLD_OUT}, ...)
	 * @param message why
	 */
	void businessError(StepJob job, String code, String message);

	/**
	 * The errand's process completed: told by the worker of the process's {@code end}
	 * execution listener ({@code BpmnPlanCompiler.ERRAND_ENDED}), so it is learned
	 * through the protocol on any engine. Not told when the process is canceled (Zeebe
	 * runs no end listener then). Unlike the other calls, an observer that throws here
	 * fails the listener's job, so the end is told again rather than lost.
	 * @param job the listener's job (its element is the process)
	 * @param variables the process variables as the process ended
	 */
	default void ended(StepJob job, Map<String, Object> variables) {
	}

}
