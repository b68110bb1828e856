package io.banshi.admin.errands;

import java.util.Arrays;
import java.util.Map;

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

	/**
	 * How an errand whose process ended stands: canceled when the process was terminated
	 * or the person declined at a confirm, failed when a business error stopped it, else
	 * completed. The one place this is decided, whether the end was heard from the
	 * process's end listener or read from the embedded engine.
	 * @param terminated whether the process was terminated (canceled) rather than
	 * completed
	 * @param errorCode the business error recorded, or {@code null}
	 * @param results the errand's results (a declined confirmation is among them)
	 * @return the ended status
	 */
	static ErrandStatus endedAs(boolean terminated, String errorCode, Map<String, Object> results) {
		if (terminated) {
			return CANCELED;
		}
		if (errorCode != null) {
			return FAILED;
		}
		boolean declined = results.get("confirmation") instanceof Map<?, ?> confirmation
				&& Boolean.TRUE.equals(confirmation.get("declined"));
		return declined ? CANCELED : COMPLETED;
	}

	static ErrandStatus of(String value) {
		return Arrays.stream(values())
			.filter((status) -> status.value().equals(value))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("Unknown errand status '" + value + "'"));
	}

}
