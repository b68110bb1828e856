/**
 * The offline planner: one sentence to a plan with dictionaries and rules for Chinese and
 * English, no model needed. {@link io.banshi.workflows.offline.OfflinePlanner} is the
 * entry point; the readers in this package are its parts.
 */
package io.banshi.workflows.offline;
