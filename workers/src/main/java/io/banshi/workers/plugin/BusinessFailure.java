package io.banshi.workers.plugin;

/**
 * A permanent failure of a plugin call that retrying will not cure: sold out, price
 * changed, over budget, not found. Workers turn it into a BPMN error with {@link #code()}
 * as the error code, never into a job failure with retries. Any other exception a plugin
 * throws counts as technical (a provider that did not answer, a lost database connection)
 * and is retried.
 */
public class BusinessFailure extends RuntimeException {

	private final FailureCode code;

	/**
	 * Creates a business failure.
	 * @param code why it failed
	 * @param message what a person reads: which option, which price, which budget
	 */
	public BusinessFailure(FailureCode code, String message) {
		super(message);
		this.code = code;
	}

	/**
	 * Returns why it failed.
	 * @return the code
	 */
	public FailureCode code() {
		return this.code;
	}

	/**
	 * Returns the BPMN error code for this failure.
	 * @return the code's name, for example {@code SOLD_OUT}
	 */
	public String errorCode() {
		return this.code.name();
	}

}
