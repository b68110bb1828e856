package io.banshi.engine.internal.model;

import java.util.Map;

/**
 * A deployed process definition as the runtime executes it: built once per definition key
 * and cached.
 *
 * @param key the process definition key
 * @param bpmnProcessId the BPMN process id
 * @param version the version
 * @param root the process scope
 * @param elements every element by id
 */
public record ExecutableProcess(long key, String bpmnProcessId, int version, ExecutableContainer root,
		Map<String, ExecutableElement> elements) {

	/**
	 * Returns the element with the given id.
	 * @param elementId the BPMN element id
	 * @return the element
	 * @throws IllegalStateException when the definition has no such element
	 */
	public ExecutableElement element(String elementId) {
		ExecutableElement element = this.elements.get(elementId);
		if (element == null) {
			throw new IllegalStateException("Process " + this.bpmnProcessId + " has no element " + elementId);
		}
		return element;
	}

}
