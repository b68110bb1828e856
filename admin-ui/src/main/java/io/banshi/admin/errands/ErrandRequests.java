package io.banshi.admin.errands;

import io.banshi.workflows.plan.Plan;

/**
 * The bodies of the errand API.
 */
final class ErrandRequests {

	private ErrandRequests() {
	}

	/**
	 * {@code POST /api/errands}.
	 *
	 * @param text the sentence (required, at most 2000 characters)
	 * @param now when it was said, ISO-8601; the server clock when missing
	 * @param timezone the person's IANA time zone; {@code Asia/Shanghai} when missing
	 */
	record Create(String text, String now, String timezone) {

	}

	/**
	 * {@code POST /api/errands/{id}/confirm}: {@code {"option": 1}} or {@code {"decline":
	 * true}}.
	 *
	 * @param option the option picked, from 1
	 * @param decline {@code true} to order nothing
	 */
	record Confirm(Integer option, Boolean decline) {

	}

	/**
	 * The answer of {@code POST /api/errands}.
	 *
	 * @param id the errand id
	 * @param status its status
	 * @param plan the plan it runs
	 * @param processInstanceKey its process instance
	 */
	record Created(String id, String status, Plan plan, Long processInstanceKey) {

	}

}
