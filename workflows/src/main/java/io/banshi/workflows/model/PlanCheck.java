package io.banshi.workflows.model;

import java.util.List;

import io.banshi.workflows.plan.Plan;

/**
 * Checks a plan a model wrote before it is used: every problem found goes back to the
 * model for repair.
 */
public interface PlanCheck {

	/**
	 * Lists what is wrong with a plan.
	 * @param plan the plan
	 * @return one readable sentence per problem, naming the step or slot; empty when the
	 * plan is fine
	 */
	List<String> problems(Plan plan);

}
