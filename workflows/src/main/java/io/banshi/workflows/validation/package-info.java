/**
 * Plan validation: a plan against its JSON Schema ({@code banshi/plan.schema.json}) and
 * the capability catalog, whichever planner made it.
 */
package io.banshi.workflows.validation;
