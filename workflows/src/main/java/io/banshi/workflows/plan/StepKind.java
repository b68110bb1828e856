package io.banshi.workflows.plan;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * What a step of a plan does. The name in lower case is both the JSON value and the job
 * type of the service task the step becomes.
 */
public enum StepKind {

	/** A read-only look-up. */
	QUERY,

	/** Rank or pick among results, by price, time, rating or budget. */
	COMPARE,

	/** The person approves or picks before anything consequential happens. */
	CONFIRM,

	/**
	 * Changes the world: book, buy, pay, create a calendar event, write a ledger entry.
	 */
	ORDER,

	/** A notification at a later time, once or repeating. */
	REMIND,

	/** A message now. */
	NOTIFY;

	/**
	 * Returns the lower-case name used in JSON and as the job type.
	 * @return for example {@code "query"}
	 */
	@JsonValue
	public String jobType() {
		return name().toLowerCase(Locale.ROOT);
	}

	/**
	 * Reads a kind from its lower-case (or any-case) name.
	 * @param value the name
	 * @return the kind
	 * @throws IllegalArgumentException when no kind has that name
	 */
	@JsonCreator
	public static StepKind of(String value) {
		for (StepKind kind : values()) {
			if (kind.name().equalsIgnoreCase(value)) {
				return kind;
			}
		}
		throw new IllegalArgumentException("Unknown step kind '" + value + "'; expected one of query, compare, "
				+ "confirm, order, remind, notify");
	}

}
