package io.banshi.engine.internal.state;

/**
 * The states of a job. {@link #NEW} is the state before the job exists; COMPLETED and
 * CANCELED are final (the job leaves the runtime table).
 */
public enum JobStatus {

	NEW, ACTIVATABLE, ACTIVATED, FAILED, ERROR_THROWN, COMPLETED, CANCELED;

	/** The job lifecycle table. */
	public static final Lifecycle<JobStatus, JobEvent> LIFECYCLE = Lifecycle.of("job", JobStatus.class, JobEvent.class)
		.on(NEW, JobEvent.CREATE, ACTIVATABLE)
		.on(ACTIVATABLE, JobEvent.ACTIVATE, ACTIVATED)
		.on(ACTIVATED, JobEvent.TIME_OUT, ACTIVATABLE)
		.on(ACTIVATED, JobEvent.COMPLETE, COMPLETED)
		.on(ACTIVATABLE, JobEvent.COMPLETE, COMPLETED)
		.on(ACTIVATED, JobEvent.FAIL, FAILED)
		.on(ACTIVATABLE, JobEvent.FAIL, FAILED)
		.on(FAILED, JobEvent.RECUR, ACTIVATABLE)
		.on(ACTIVATED, JobEvent.THROW_ERROR, ERROR_THROWN)
		.on(ACTIVATABLE, JobEvent.THROW_ERROR, ERROR_THROWN)
		.on(ACTIVATABLE, JobEvent.UPDATE_RETRIES, ACTIVATABLE)
		.on(ACTIVATED, JobEvent.UPDATE_RETRIES, ACTIVATED)
		.on(FAILED, JobEvent.UPDATE_RETRIES, FAILED)
		.on(ACTIVATED, JobEvent.UPDATE_TIMEOUT, ACTIVATED)
		.on(FAILED, JobEvent.RESOLVE, ACTIVATABLE)
		.on(ERROR_THROWN, JobEvent.RESOLVE, ACTIVATABLE)
		.on(ACTIVATABLE, JobEvent.CANCEL, CANCELED)
		.on(ACTIVATED, JobEvent.CANCEL, CANCELED)
		.on(FAILED, JobEvent.CANCEL, CANCELED)
		.on(ERROR_THROWN, JobEvent.CANCEL, CANCELED);

	/** The events that move a job through its lifecycle. */
	public enum JobEvent {

		CREATE, ACTIVATE, TIME_OUT, COMPLETE, FAIL, RECUR, THROW_ERROR, UPDATE_RETRIES, UPDATE_TIMEOUT, RESOLVE, CANCEL

	}

}
