package io.banshi.workers.plugin;

/**
 * Why a business failure happened. The name is the BPMN error code the {@code order} and
 * {@code query} workers throw, so a process can catch each one with an error boundary
 * event.
 */
public enum FailureCode {

	/** Nothing is left of the chosen option (no seats, rooms, tables or stock). */
	SOLD_OUT,

	/** The provider asks a different price than the one the person confirmed. */
	PRICE_CHANGED,

	/** The amount to pay is more than the errand's budget. */
	OVER_BUDGET,

	/**
	 * What was asked for does not exist: an unknown city, option, order or capability.
	 */
	NOT_FOUND,

	/**
	 * The step's inputs cannot be acted on (for example a ledger entry without amount).
	 */
	INVALID_INPUT

}
