package io.banshi.admin.errands;

import java.util.Arrays;

/**
 * Where an errand stands, as {@code GET /api/errands/{id}} says it.
 */
enum ErrandStatus {

	/** Planned and being deployed; not started yet. */
	PLANNED,

	/** Its process runs. */
	RUNNING,

	/** It waits at a {@code confirm} for the person to pick an option or decline. */
	WAITING_CONFIRM,

	/** Its process ended normally. */
	COMPLETED,

	/** The person canceled it or declined at the confirm. */
	CANCELED,

	/**
	 * It could not be started, or a step failed for a business reason (over budget, sold
	 * out, ...).
	 */
	FAILED;

	String value() {
		return name().toLowerCase(java.util.Locale.ROOT);
	}

	boolean ended() {
		return this == COMPLETED || this == CANCELED || this == FAILED;
	}

	static ErrandStatus of(String value) {
		return Arrays.stream(values())
			.filter((status) -> status.value().equals(value))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("Unknown errand status '" + value + "'"));
	}

}
