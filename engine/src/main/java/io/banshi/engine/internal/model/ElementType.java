package io.banshi.engine.internal.model;

/**
 * The BPMN element types the engine executes; each has one processor.
 */
public enum ElementType {

	PROCESS, SUB_PROCESS, START_EVENT, END_EVENT, BOUNDARY_EVENT, SERVICE_TASK, SEND_TASK, BUSINESS_RULE_TASK,
	SCRIPT_TASK, EXCLUSIVE_GATEWAY, PARALLEL_GATEWAY, INTERMEDIATE_CATCH_EVENT, RECEIVE_TASK, EVENT_BASED_GATEWAY,
	USER_TASK

}
