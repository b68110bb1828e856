package io.banshi.engine.internal.state;

/** Changes the variables of one locked process instance. */
public interface MutableVariableState extends VariableState {

	/**
	 * Sets a variable on a scope.
	 * @param scopeKey the scope
	 * @param name the name
	 * @param value the value as plain Java
	 * @param json the value as JSON text
	 * @return true when the value changed
	 */
	boolean setLocal(long scopeKey, String name, Object value, String json);

	void removeScope(long scopeKey);

}
