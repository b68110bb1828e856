package io.banshi.workers.jobs;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.worker.JobClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies a handler's answer to a job through the Camunda client: complete it, throw a
 * BPMN error, or, for a technical failure, fail it with one retry less and a back-off
 * (the engine raises an incident when no retries are left).
 */
public final class JobOutcomes {

	/** How long a failed job waits before it is retried. */
	public static final Duration RETRY_BACKOFF = Duration.ofSeconds(5);

	private static final Logger log = LoggerFactory.getLogger(JobOutcomes.class);

	private JobOutcomes() {
	}

	/**
	 * Runs a handler for a job and applies the outcome, waiting for the engine's answer.
	 * @param client the job client the worker was given
	 * @param job the activated job
	 * @param handler the handler of the job's type
	 */
	public static void handle(JobClient client, ActivatedJob job, StepHandler handler) {
		handle(client, job, handler, List.of());
	}

	/**
	 * Runs a handler for a job, tells the observers its outcome, and applies the outcome,
	 * waiting for the engine's answer.
	 * @param client the job client the worker was given
	 * @param job the activated job
	 * @param handler the handler of the job's type
	 * @param observers told the outcome before the engine is
	 */
	public static void handle(JobClient client, ActivatedJob job, StepHandler handler, List<StepObserver> observers) {
		StepJob step = StepJob.of(job);
		StepResult result;
		try {
			result = handler.handle(step);
		}
		catch (RuntimeException ex) {
			log.warn("Job {} ({}) of process instance {} failed: {}", job.getKey(), job.getType(),
					job.getProcessInstanceKey(), ex.toString());
			fail(client, job, ex);
			return;
		}
		// Observers hear the outcome before the engine does: once the engine has it, the
		// instance may end at once, and whoever reads the instance as ended must find the
		// step's results (or its business error) already recorded.
		if (result instanceof StepResult.Complete complete) {
			tell(observers, (observer) -> observer.completed(step, complete.variables()));
			client.newCompleteCommand(job).variables(complete.variables()).send().join();
		}
		else if (result instanceof StepResult.BusinessError error) {
			tell(observers, (observer) -> observer.businessError(step, error.code(), error.message()));
			client.newThrowErrorCommand(job)
				.errorCode(error.code())
				.errorMessage(error.message())
				.variables(error.variables())
				.send()
				.join();
		}
	}

	/**
	 * Serves the job of an errand process's {@code end} execution listener: tells the
	 * observers the process ended, then completes the job (the process cannot complete
	 * before). An observer that fails fails the job with one retry less, so the end is
	 * told again after the back-off.
	 * @param client the job client the worker was given
	 * @param job the listener's job
	 * @param observers told that the errand's process ended
	 */
	public static void ended(JobClient client, ActivatedJob job, List<StepObserver> observers) {
		StepJob step = StepJob.of(job);
		try {
			for (StepObserver observer : observers) {
				observer.ended(step, step.variables());
			}
		}
		catch (RuntimeException ex) {
			log.warn("Telling that process instance {} ended failed: {}", job.getProcessInstanceKey(), ex.toString());
			fail(client, job, ex);
			return;
		}
		client.newCompleteCommand(job).send().join();
	}

	/**
	 * A crash: one retry less, after the back-off; at none the engine raises an incident.
	 */
	private static void fail(JobClient client, ActivatedJob job, RuntimeException ex) {
		client.newFailCommand(job)
			.retries(Math.max(0, job.getRetries() - 1))
			.retryBackoff(RETRY_BACKOFF)
			.errorMessage(String.valueOf(ex.getMessage()))
			.send()
			.join();
	}

	private static void tell(List<StepObserver> observers, Consumer<StepObserver> call) {
		for (StepObserver observer : observers) {
			try {
				call.accept(observer);
			}
			catch (RuntimeException ex) {
				log.warn("Step observer {} failed: {}", observer.getClass().getName(), ex.toString());
			}
		}
	}

}
