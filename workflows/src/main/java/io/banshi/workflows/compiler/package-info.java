/**
 * Plan to BPMN: {@link io.banshi.workflows.compiler.BpmnPlanCompiler} writes a plan as an
 * executable process in Zeebe's dialect, with diagram layout;
 * {@link io.banshi.workflows.compiler.BpmnValidation} checks BPMN as the engine does
 * before it deploys it.
 */
package io.banshi.workflows.compiler;
