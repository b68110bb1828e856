package io.banshi.workers.plugin;

import java.util.Objects;

/**
 * The key that makes an order happen at most once. It is derived from the job that
 * orders, not chosen at random, so that the same job retried after a crash, or delivered
 * twice, carries the same key and finds the order it already placed.
 *
 * <p>
 * The derivation is {@code <processInstanceKey>/<elementId>}, plus
 * {@code /<elementInstanceKey>} when the element instance is given. The process instance
 * and element id name the step of one errand; a retried job keeps its element instance,
 * so including it changes nothing for retries, but it keeps the orders of a step that
 * runs several times within one instance (a multi-instance or a loop) apart. Use
 * {@link #forStep(long, String)} when a step orders once per errand,
 * {@link #forJob(long, String, long)} when it may run more than once.
 *
 * @param value the key, at most 191 characters
 * @param processInstanceKey the process instance (errand) it belongs to, or {@code null}
 * when it was made outside a process
 */
public record IdempotencyKey(String value, Long processInstanceKey) {

	/** The longest key the order store accepts. */
	public static final int MAX_LENGTH = 191;

	public IdempotencyKey {
		Objects.requireNonNull(value, "value");
		if (value.isBlank() || value.length() > MAX_LENGTH) {
			throw new IllegalArgumentException(
					"An idempotency key needs 1 to " + MAX_LENGTH + " characters, got '" + value + "'");
		}
	}

	/**
	 * The key of a step that orders once per errand.
	 * @param processInstanceKey the job's process instance key
	 * @param elementId the job's BPMN element id (the step id)
	 * @return {@code <processInstanceKey>/<elementId>}
	 */
	public static IdempotencyKey forStep(long processInstanceKey, String elementId) {
		return new IdempotencyKey(processInstanceKey + "/" + elementId, processInstanceKey);
	}

	/**
	 * The key of one run of a step, for steps that may run more than once in an errand.
	 * @param processInstanceKey the job's process instance key
	 * @param elementId the job's BPMN element id
	 * @param elementInstanceKey the job's element instance key (the same for every retry
	 * of the job)
	 * @return {@code <processInstanceKey>/<elementId>/<elementInstanceKey>}
	 */
	public static IdempotencyKey forJob(long processInstanceKey, String elementId, long elementInstanceKey) {
		return new IdempotencyKey(processInstanceKey + "/" + elementId + "/" + elementInstanceKey, processInstanceKey);
	}

	/**
	 * A key chosen by the caller, for orders placed outside a process (tests, tools).
	 * @param value the key
	 * @return the key, with no process instance
	 */
	public static IdempotencyKey of(String value) {
		return new IdempotencyKey(value, null);
	}

}
