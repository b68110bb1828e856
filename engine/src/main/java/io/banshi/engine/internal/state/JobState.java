package io.banshi.engine.internal.state;

import java.util.Collection;

import io.banshi.engine.internal.state.Entities.Job;

/** Reads the jobs of one locked process instance. */
public interface JobState {

	/**
	 * A job of this process instance.
	 * @param key the job key
	 * @return the job, or {@code null}
	 */
	Job job(long key);

	/**
	 * The job of an element instance.
	 * @param elementInstanceKey the task's element instance key
	 * @return the job, or {@code null}
	 */
	Job jobOf(long elementInstanceKey);

	Collection<Job> jobs();

}
