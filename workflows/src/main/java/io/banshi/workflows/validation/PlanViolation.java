package io.banshi.workflows.validation;

/**
 * One thing wrong with a plan.
 *
 * @param path where: {@code steps[2].dependsOn[0]}, {@code slots.date}, or {@code ""} for
 * the plan as a whole
 * @param message what is wrong, for a person or a model to repair
 */
public record PlanViolation(String path, String message) {

	@Override
	public String toString() {
		return this.path.isEmpty() ? this.message : this.path + ": " + this.message;
	}

}
