package io.banshi.engine.internal.state;

import io.banshi.engine.internal.state.Entities.ElementInstance;

/** Changes the element instances of one locked process instance. */
public interface MutableElementInstanceState extends ElementInstanceState {

	void putElement(ElementInstance instance);

	void updateElement(ElementInstance instance);

	void removeElement(long key);

	void updateProcessInstance();

}
