package io.banshi.admin.journeys;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.banshi.admin.console.AuditLog;
import io.banshi.engine.query.EngineQueries;
import io.banshi.engine.query.QueryFilter;
import io.banshi.engine.query.Views;

import org.springframework.stereotype.Service;

/**
 * Puts a journey together from the engine's query service and the audit log.
 */
@Service
class JourneyService {

	private static final int MAX_ROWS = 1000;

	private final EngineQueries queries;

	private final AuditLog audit;

	private final JourneyRepository journeys;

	JourneyService(EngineQueries queries, AuditLog audit, JourneyRepository journeys) {
		this.queries = queries;
		this.audit = audit;
		this.journeys = journeys;
	}

	/**
	 * One journey.
	 * @param key the process instance key
	 * @return the journey, or {@code null} when there is none with that key
	 */
	Journey find(long key) {
		List<Views.ProcessInstance> found = this.queries
			.processInstances(QueryFilter.any().withProcessInstanceKey(key), 0, 1)
			.items();
		if (found.isEmpty()) {
			return null;
		}
		QueryFilter ofInstance = QueryFilter.any().withProcessInstanceKey(key);
		List<Views.ElementInstance> active = this.queries.elementInstances(ofInstance, 0, MAX_ROWS).items();
		List<Views.Job> jobs = this.queries.jobs(ofInstance, 0, MAX_ROWS).items();
		List<Views.Incident> incidents = this.queries.incidents(ofInstance, 0, MAX_ROWS).items();
		List<Views.HistoryEvent> history = this.queries.history(key, QueryFilter.any(), 0, MAX_ROWS).items();
		Set<String> completed = new LinkedHashSet<>();
		Set<String> flows = new LinkedHashSet<>();
		for (Views.HistoryEvent event : history) {
			if ("ELEMENT".equals(event.entity()) && "COMPLETED".equals(event.stateAfter())
					&& event.elementId() != null) {
				completed.add(event.elementId());
			}
			else if ("FLOW".equals(event.entity()) && event.elementId() != null) {
				flows.add(event.elementId());
			}
		}
		Views.ProcessInstance instance = found.get(0);
		String[] errand = this.journeys.errandOf(key);
		return new Journey(instance, state(instance, active, jobs, incidents), active, jobs, incidents,
				this.queries.variables(key), history, this.audit.forTarget(key), completed, flows,
				(errand != null) ? errand[0] : null, (errand != null) ? errand[1] : null);
	}

	/**
	 * The BPMN XML the journey runs.
	 * @param key the process instance key
	 * @return the XML, or {@code null}
	 */
	String diagram(long key) {
		return this.journeys.diagram(key);
	}

	private static JourneyState state(Views.ProcessInstance instance, List<Views.ElementInstance> active,
			List<Views.Job> jobs, List<Views.Incident> incidents) {
		if ("COMPLETED".equals(instance.state())) {
			return JourneyState.COMPLETED;
		}
		if ("TERMINATED".equals(instance.state())) {
			return JourneyState.CANCELED;
		}
		if (!incidents.isEmpty()) {
			return JourneyState.INCIDENT;
		}
		boolean waiting = jobs.stream().anyMatch((job) -> "confirm".equals(job.type()))
				|| active.stream()
					.anyMatch((element) -> List
						.of("RECEIVE_TASK", "INTERMEDIATE_CATCH_EVENT", "USER_TASK", "EVENT_BASED_GATEWAY")
						.contains(element.elementType()));
		return waiting ? JourneyState.WAITING : JourneyState.RUNNING;
	}

}
