package io.banshi.engine.internal.state;

import io.banshi.engine.internal.state.Entities.Job;

/** Changes the jobs of one locked process instance. */
public interface MutableJobState extends JobState {

	void putJob(Job job);

	void updateJob(Job job);

	void removeJob(long key);

}
