package io.banshi.workflows.plan;

/**
 * What a planner answers: a plan, a question back, or a refusal.
 */
public sealed interface PlanOutcome {

	/**
	 * A plan to run.
	 *
	 * @param plan the plan
	 * @param note how it was made when that matters to the reader (for example "the model
	 * did not answer in time; planned offline"), or {@code null}
	 */
	record Planned(Plan plan, String note) implements PlanOutcome {

	}

	/**
	 * Not enough to act on: a question for the person.
	 *
	 * @param question what to ask
	 */
	record Clarify(String question) implements PlanOutcome {

	}

	/**
	 * Harmful, or outside what the platform does.
	 *
	 * @param reason why
	 */
	record Refuse(String reason) implements PlanOutcome {

	}

}
