package io.banshi.engine.internal.jobs;

import java.util.Map;

import io.banshi.engine.internal.state.Entities.Job;

/**
 * A job handed to a worker, with the variables visible to its task.
 *
 * @param job the job row as activated
 * @param variables the variables (values as stored JSON text)
 */
public record ActivatedJob(Job job, Map<String, Object> variables) {
}
