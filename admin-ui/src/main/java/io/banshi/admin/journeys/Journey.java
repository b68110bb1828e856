package io.banshi.admin.journeys;

import java.util.List;
import java.util.Set;

import io.banshi.admin.console.AuditEntry;
import io.banshi.engine.query.Views;

/**
 * Everything the journey page shows about one journey.
 *
 * @param instance the process instance
 * @param state the console's state
 * @param active the element instances still active
 * @param jobs the open jobs
 * @param incidents the open incidents
 * @param variables the variables, every scope
 * @param history the history, oldest first
 * @param audit the console actions taken on it, newest first
 * @param completedElements ids of the elements that completed (the path taken)
 * @param takenFlows ids of the sequence flows taken
 * @param owner the person whose errand it runs, or {@code null} when no errand started it
 * @param errandText what that person said (blank once they cleared their history)
 */
public record Journey(Views.ProcessInstance instance, JourneyState state, List<Views.ElementInstance> active,
		List<Views.Job> jobs, List<Views.Incident> incidents, List<Views.Variable> variables,
		List<Views.HistoryEvent> history, List<AuditEntry> audit, Set<String> completedElements, Set<String> takenFlows,
		String owner, String errandText) {

	public String activeIds() {
		return String.join(",", this.active.stream().map(Views.ElementInstance::elementId).distinct().toList());
	}

	public String incidentIds() {
		return String.join(",", this.incidents.stream().map(Views.Incident::elementId).distinct().toList());
	}

	public String completedIds() {
		return String.join(",", this.completedElements);
	}

	public String flowIds() {
		return String.join(",", this.takenFlows);
	}

}
