package io.banshi.engine.internal.processing;

import io.banshi.engine.internal.state.Entities.ElementInstance;
import io.banshi.engine.internal.state.Entities.Incident;

/**
 * Raises incidents; the element stays where it stopped until the incident is resolved.
 */
public final class IncidentBehavior {

	private final BpmnContext context;

	IncidentBehavior(BpmnContext context) {
		this.context = context;
	}

	/**
	 * Raises an incident on an element instance.
	 * @param instance where execution stopped
	 * @param jobKey the job involved, or {@code null}
	 * @param failure what went wrong
	 * @return the incident
	 */
	public Incident raise(ElementInstance instance, Long jobKey, IncidentFailure failure) {
		return this.context.writer().raiseIncident(instance, jobKey, failure.errorType(), failure.getMessage());
	}

}
