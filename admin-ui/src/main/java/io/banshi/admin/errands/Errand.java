package io.banshi.admin.errands;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An errand as stored.
 *
 * @param id the errand id
 * @param owner the user who said it
 * @param text what they said
 * @param status where it stands
 * @param processId the BPMN process id deployed for it
 * @param processInstanceKey its process instance, once started
 * @param templateKey the template it runs, or {@code null} when its plan was compiled
 * @param currentStep the step it is at (or last was at)
 * @param plan the plan
 * @param results what its steps produced, by variable name
 * @param options the confirms it waits at, oldest first, each a map with the confirm's
 * {@code step} and the {@code options} it offers (parallel branches, a flight and a
 * hotel, wait at one confirm each)
 * @param errorCode the business error that stopped it, or why it could not start
 * @param errorMessage why, in words
 * @param createdAt when it was said
 * @param updatedAt when it last changed
 * @param bpmnXml the BPMN its plan was compiled to (or the template's), which is what
 * runs; {@code null} for errands recorded before drafts were kept
 * @param variables the variables its process starts with
 */
record Errand(String id, String owner, String text, ErrandStatus status, String processId, Long processInstanceKey,
		String templateKey, String currentStep, Map<String, Object> plan, Map<String, Object> results,
		List<Map<String, Object>> options, String errorCode, String errorMessage, Instant createdAt, Instant updatedAt,
		String bpmnXml, Map<String, Object> variables) {

	Errand with(ErrandStatus status, String currentStep, Map<String, Object> results, List<Map<String, Object>> options,
			String errorCode, String errorMessage) {
		return new Errand(this.id, this.owner, this.text, status, this.processId, this.processInstanceKey,
				this.templateKey, currentStep, this.plan, results, options, errorCode, errorMessage, this.createdAt,
				this.updatedAt, this.bpmnXml, this.variables);
	}

	/**
	 * Returns the options of the confirm the next answer goes to (the oldest waiting).
	 * @return its options, or empty when it waits at none
	 */
	@SuppressWarnings("unchecked")
	List<Map<String, Object>> offered() {
		if (this.options.isEmpty() || !(this.options.get(0).get("options") instanceof List<?> offered)) {
			return List.of();
		}
		return (List<Map<String, Object>>) offered;
	}

	/**
	 * Returns the confirm step the next answer goes to (the oldest waiting).
	 * @return its step id, or {@code null} when it waits at none
	 */
	String offeredStep() {
		return this.options.isEmpty() ? null : (String) this.options.get(0).get("step");
	}

	/**
	 * Says whether this errand is a draft: planned, shown to its owner, not started.
	 * @return whether it has not been run (nor asked to run) yet
	 */
	boolean draft() {
		return this.status == ErrandStatus.PLANNED && this.processInstanceKey == null;
	}

	Errand withStatus(ErrandStatus status) {
		return with(status, this.currentStep, this.results, this.options, this.errorCode, this.errorMessage);
	}

}
