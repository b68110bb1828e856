package io.banshi.admin.errands;

import io.banshi.workflows.plan.Plan;

/**
 * The answer of {@code POST /api/errands/plan}, as {@code shared/eval/README.md} says:
 * {@code {"outcome": "plan", "plan", "bpmn"}}, {@code {"outcome": "clarify", "question"}}
 * or {@code {"outcome": "refuse", "reason"}}, each with a {@code note} when there is one.
 * Absent fields are left out of the JSON.
 *
 * @param outcome {@code plan}, {@code clarify} or {@code refuse}
 * @param plan the validated plan, for {@code plan}
 * @param bpmn the plan compiled to BPMN 2.0 XML, for {@code plan}
 * @param question what to ask the person, for {@code clarify}
 * @param reason why not, for {@code refuse}
 * @param note how the answer was made when that matters, or {@code null}
 */
record PlanErrandAnswer(String outcome, Plan plan, String bpmn, String question, String reason, String note) {

	static PlanErrandAnswer planned(Plan plan, String bpmn, String note) {
		return new PlanErrandAnswer("plan", plan, bpmn, null, null, note);
	}

	static PlanErrandAnswer clarify(String question, String note) {
		return new PlanErrandAnswer("clarify", null, null, question, null, note);
	}

	static PlanErrandAnswer refuse(String reason) {
		return new PlanErrandAnswer("refuse", null, null, null, reason, null);
	}

}
