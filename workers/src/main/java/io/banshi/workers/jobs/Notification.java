package io.banshi.workers.jobs;

/**
 * A message the platform sent a person, for whoever keeps their inbox.
 *
 * @param kind {@code reminder} or {@code notification}
 * @param text what it says
 * @param processInstanceKey the errand it belongs to
 * @param stepId the step that sent it
 * @param key its idempotency key (the same when a job is retried)
 * @param errandId the process variable {@code errandId} the errand API starts every
 * errand with, or {@code null} for processes started otherwise
 */
public record Notification(String kind, String text, long processInstanceKey, String stepId, String key,
		String errandId) {

}
