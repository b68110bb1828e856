package io.banshi.admin.security;

/**
 * What a person may do in Banshi. Spring Security sees each as the authority
 * {@code ROLE_<name>}.
 */
public enum Role {

	/** Says errands, confirms them and reads their own inbox. */
	USER,

	/**
	 * Looks after journeys: finds stuck and failed ones, retries, fixes variables,
	 * cancels.
	 */
	OPS,

	/** Edits, validates and publishes workflow templates. */
	ANALYST,

	/** Starts and watches campaigns. */
	MERCHANT,

	/** Everything, including managing accounts. */
	ADMIN

}
