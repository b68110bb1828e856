package io.banshi.workflows.plan;

/**
 * Turns one sentence into a plan.
 *
 * <p>
 * Implementations never throw for bad input: an empty, hostile or meaningless sentence
 * gets a {@link PlanOutcome.Clarify} or {@link PlanOutcome.Refuse}, and every
 * {@code order} step of a returned plan sits behind a {@code confirm} step.
 */
public interface Planner {

	/**
	 * Plans an errand.
	 * @param request the sentence and when and where it was said
	 * @return a plan, a question back, or a refusal
	 */
	PlanOutcome plan(PlanRequest request);

}
