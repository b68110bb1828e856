package io.banshi.engine.internal.jobs;

/**
 * Where a job stream's jobs go (the gRPC response stream of StreamActivatedJobs).
 */
public interface JobSink {

	/**
	 * Pushes a job to the worker.
	 * @param job the job
	 * @return false when the stream is gone and the job was not delivered
	 */
	boolean push(ActivatedJob job);

	/**
	 * Whether the stream is still open.
	 * @return true while the worker listens
	 */
	boolean isOpen();

}
