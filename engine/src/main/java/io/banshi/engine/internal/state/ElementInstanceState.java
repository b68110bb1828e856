package io.banshi.engine.internal.state;

import java.util.List;

import io.banshi.engine.internal.state.Entities.ElementInstance;
import io.banshi.engine.internal.state.Entities.ProcessInstance;

/** Reads the element instances of one locked process instance. */
public interface ElementInstanceState {

	/**
	 * The process instance row.
	 * @return the process instance
	 */
	ProcessInstance processInstance();

	/**
	 * An active element instance.
	 * @param key the element instance key
	 * @return the instance, or {@code null} when it is not active
	 */
	ElementInstance element(long key);

	/**
	 * The active children of a scope.
	 * @param scopeKey the scope's element instance key
	 * @return the children, oldest first
	 */
	List<ElementInstance> children(long scopeKey);

}
