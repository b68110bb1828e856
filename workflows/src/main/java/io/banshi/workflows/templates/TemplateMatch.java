package io.banshi.workflows.templates;

import java.util.Map;

/**
 * A published template a plan fits, with its parameters filled from the plan's slots.
 *
 * @param key the template key
 * @param version the template version
 * @param processId the BPMN process id to deploy and start
 * @param bpmnXml the BPMN 2.0 XML
 * @param variables the process variables to start it with (every declared parameter; null
 * for an optional one the plan lacks); the caller adds {@code errandId}
 */
public record TemplateMatch(String key, int version, String processId, String bpmnXml, Map<String, Object> variables) {

}
