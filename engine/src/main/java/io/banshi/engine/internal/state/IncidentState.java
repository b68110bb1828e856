package io.banshi.engine.internal.state;

import java.util.Collection;

import io.banshi.engine.internal.state.Entities.Incident;

/** Reads the open incidents of one locked process instance. */
public interface IncidentState {

	Incident incident(long key);

	Collection<Incident> incidents();

}
