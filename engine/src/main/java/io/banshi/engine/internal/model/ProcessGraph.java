package io.banshi.engine.internal.model;

import java.util.Map;

/**
 * The executable graph of one BPMN process, before it has a definition key.
 *
 * @param bpmnProcessId the process id
 * @param root the process scope
 * @param elements every element by id
 */
public record ProcessGraph(String bpmnProcessId, ExecutableContainer root, Map<String, ExecutableElement> elements) {

	/**
	 * Binds the graph to its deployed definition.
	 * @param key the process definition key
	 * @param version the version
	 * @return the executable process
	 */
	public ExecutableProcess deployed(long key, int version) {
		return new ExecutableProcess(key, this.bpmnProcessId, version, this.root, this.elements);
	}

}
