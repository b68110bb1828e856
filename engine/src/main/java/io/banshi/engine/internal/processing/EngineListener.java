package io.banshi.engine.internal.processing;

import java.util.Map;
import java.util.Set;

/**
 * Told about what a command did, after its transaction committed: jobs that can now be
 * activated, instances that ended.
 */
public interface EngineListener {

	/**
	 * New activatable jobs of these types exist.
	 * @param types the job types
	 */
	void jobsAvailable(Set<String> types);

	/**
	 * A process instance ended.
	 * @param processInstanceKey the instance
	 * @param state COMPLETED or TERMINATED
	 * @param variables the root variables when it completed, else {@code null}
	 */
	void instanceEnded(long processInstanceKey, String state, Map<String, Object> variables);

}
