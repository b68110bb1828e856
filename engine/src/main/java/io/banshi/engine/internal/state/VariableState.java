package io.banshi.engine.internal.state;

import java.util.Map;

/** Reads the variables of one locked process instance. */
public interface VariableState {

	/**
	 * The variables visible from a scope: its own and every enclosing scope's, the
	 * nearest winning.
	 * @param scopeKey the scope
	 * @return the variables as plain Java values
	 */
	Map<String, Object> visibleVariables(long scopeKey);

	/**
	 * The variables visible from a scope as their stored JSON text, without parsing them
	 * (for handing to a worker).
	 * @param scopeKey the scope
	 * @return the variables, values as {@link JobRepository.RawJson}
	 */
	Map<String, Object> visibleVariablesAsJson(long scopeKey);

	/**
	 * The variables defined on a scope itself.
	 * @param scopeKey the scope
	 * @return name to value
	 */
	Map<String, Object> localVariables(long scopeKey);

	/**
	 * Whether a scope defines a variable itself.
	 * @param scopeKey the scope
	 * @param name the variable name
	 * @return true when local to the scope
	 */
	boolean hasLocal(long scopeKey, String name);

}
