/**
 * Errand planning: the plan model, the planners (offline and model-backed), the
 * plan-to-BPMN compiler and the template catalog. Talks to an engine only through the
 * Camunda 8 Java client.
 */
package io.banshi.workflows;
