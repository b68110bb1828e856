package io.banshi.engine.internal.processing;

import java.util.List;
import java.util.Map;

import io.banshi.engine.internal.state.Entities.Job;

/**
 * Open job streams (StreamActivatedJobs) on this node. A command that creates a job of a
 * type someone streams activates it for that stream in the same transaction and pushes it
 * after the commit, so a streamed job costs no activation transaction of its own.
 */
public interface JobStreams {

	/** No streams: every job waits to be activated. */
	JobStreams NONE = (type) -> null;

	/**
	 * Picks the stream that gets the next job of a type.
	 * @param type the job type
	 * @return a stream, or {@code null} when nobody streams this type here
	 */
	Target next(String type);

	/** One open stream. */
	interface Target {

		String worker();

		long timeoutMillis();

		/**
		 * The variables the worker asked for.
		 * @return the names, empty for all
		 */
		List<String> fetch();

		/**
		 * Pushes an activated job (after the commit). When the worker has gone, the
		 * activation expires at its deadline and the job is handed out again.
		 * @param job the job
		 * @param variables its variables
		 */
		void push(Job job, Map<String, Object> variables);

	}

}
