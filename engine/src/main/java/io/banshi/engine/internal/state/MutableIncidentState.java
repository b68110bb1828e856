package io.banshi.engine.internal.state;

import io.banshi.engine.internal.state.Entities.Incident;

/** Changes the open incidents of one locked process instance. */
public interface MutableIncidentState extends IncidentState {

	void putIncident(Incident incident);

	void removeIncident(long key);

}
