/**
 * The engine's read-only query service for the console: definitions, instances, element
 * instances, jobs, incidents, variables and history, paged and filtered.
 */
package io.banshi.engine.query;
