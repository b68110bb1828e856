package io.banshi.workflows.model;

import java.util.ArrayList;
import java.util.List;

import io.banshi.workflows.compiler.BpmnPlanCompiler;
import io.banshi.workflows.plan.Plan;
import io.banshi.workflows.validation.PlanValidator;
import io.banshi.workflows.validation.PlanViolation;

/**
 * The checks every plan must pass, whichever planner made it (the plan validator: the
 * plan schema, the catalog, confirms before orders), and then the compiler's: a model's
 * plan is only used when it also compiles.
 */
public final class ValidatorPlanCheck implements PlanCheck {

	private final PlanValidator validator;

	private final BpmnPlanCompiler compiler;

	/**
	 * Creates the check.
	 * @param validator the plan validator
	 * @param compiler the compiler the plan must get through
	 */
	public ValidatorPlanCheck(PlanValidator validator, BpmnPlanCompiler compiler) {
		this.validator = validator;
		this.compiler = compiler;
	}

	@Override
	public List<String> problems(Plan plan) {
		List<String> problems = new ArrayList<>();
		for (PlanViolation violation : this.validator.validate(plan)) {
			problems.add(violation.toString());
		}
		if (problems.isEmpty()) {
			try {
				this.compiler.compileModel(plan, "check");
			}
			catch (IllegalArgumentException ex) {
				problems.add(ex.getMessage());
			}
		}
		return problems;
	}

}
