package io.banshi.engine.query;

import java.util.List;

/**
 * Reads the engine's state for the console. Never changes anything; changes go through
 * the Camunda client. Pages start at 0; a page size above 1000 is cut to 1000. Rows come
 * newest first except history, which comes in the order it happened.
 */
public interface EngineQueries {

	/**
	 * Deployed process definitions, filtered by process id.
	 * @param filter the filter (bpmnProcessId)
	 * @param page the page
	 * @param size the page size
	 * @return the page
	 */
	Page<Views.ProcessDefinition> processDefinitions(QueryFilter filter, int page, int size);

	/**
	 * Process instances, filtered by state, process id and a variable's name and value.
	 * @param filter the filter
	 * @param page the page
	 * @param size the page size
	 * @return the page
	 */
	Page<Views.ProcessInstance> processInstances(QueryFilter filter, int page, int size);

	/**
	 * Active element instances, filtered by process instance, element id and state.
	 * @param filter the filter
	 * @param page the page
	 * @param size the page size
	 * @return the page
	 */
	Page<Views.ElementInstance> elementInstances(QueryFilter filter, int page, int size);

	/**
	 * Jobs, filtered by state, type, process instance, element id and error text.
	 * @param filter the filter
	 * @param page the page
	 * @param size the page size
	 * @return the page
	 */
	Page<Views.Job> jobs(QueryFilter filter, int page, int size);

	/**
	 * Open incidents, filtered by process id, process instance, element id, error type
	 * (state field) and error text.
	 * @param filter the filter
	 * @param page the page
	 * @param size the page size
	 * @return the page
	 */
	Page<Views.Incident> incidents(QueryFilter filter, int page, int size);

	/**
	 * The variables of a process instance, every scope.
	 * @param processInstanceKey the instance
	 * @return the variables
	 */
	List<Views.Variable> variables(long processInstanceKey);

	/**
	 * The history of a process instance, oldest first, optionally only one entity kind
	 * (filter state field) or element id.
	 * @param processInstanceKey the instance
	 * @param filter the filter (state = entity, elementId)
	 * @param page the page
	 * @param size the page size
	 * @return the page
	 */
	Page<Views.HistoryEvent> history(long processInstanceKey, QueryFilter filter, int page, int size);

}
