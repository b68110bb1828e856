/**
 * BPMN templates for common errands: the built-in files with their descriptors, their
 * versions in the database (drafts and published), and the matcher that picks the
 * template a plan fits and fills its parameters.
 */
package io.banshi.workflows.templates;
