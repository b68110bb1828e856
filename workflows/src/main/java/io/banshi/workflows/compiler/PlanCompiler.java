package io.banshi.workflows.compiler;

import io.banshi.workflows.plan.Plan;

/**
 * Turns a plan into an executable BPMN process for the engine (Zeebe's dialect:
 * {@code zeebe:taskDefinition}, {@code zeebe:ioMapping}, ...), with diagram layout so
 * that it can be drawn.
 */
public interface PlanCompiler {

	/**
	 * Compiles a plan.
	 * @param plan a plan that passed validation
	 * @param processId the BPMN process id to give the process (a valid XML NCName)
	 * @return the process
	 * @throws IllegalArgumentException when the plan cannot be compiled (a cycle, an
	 * unknown dependency), saying which step is wrong
	 */
	CompiledProcess compile(Plan plan, String processId);

	/**
	 * A compiled plan.
	 *
	 * @param processId the BPMN process id
	 * @param bpmnXml the BPMN 2.0 XML, with diagram interchange
	 */
	record CompiledProcess(String processId, String bpmnXml) {

	}

}
