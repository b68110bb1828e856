package io.banshi.workflows.validation;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A plan broke the rules of the plan schema or the capability catalog. A permanent
 * failure: the same plan fails the same way again.
 */
public class InvalidPlanException extends RuntimeException {

	private final List<PlanViolation> violations;

	/**
	 * Creates the exception.
	 * @param violations everything wrong with the plan; not empty
	 */
	public InvalidPlanException(List<PlanViolation> violations) {
		super("The plan is not valid: "
				+ violations.stream().map(PlanViolation::toString).collect(Collectors.joining("; ")));
		this.violations = List.copyOf(violations);
	}

	/**
	 * Returns everything wrong with the plan.
	 * @return the violations, in the order they were found
	 */
	public List<PlanViolation> violations() {
		return this.violations;
	}

}
