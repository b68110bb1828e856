package io.banshi.workflows.compiler;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.validation.zeebe.ZeebeDesignTimeValidators;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.camunda.bpm.model.xml.validation.ValidationResult;
import org.camunda.bpm.model.xml.validation.ValidationResultType;
import org.camunda.bpm.model.xml.validation.ValidationResults;

/**
 * Checks BPMN the way the engine does before it deploys it: the BPMN schema, then Zeebe's
 * design-time rules.
 */
public final class BpmnValidation {

	private BpmnValidation() {
	}

	/**
	 * Lists what keeps a BPMN document from deploying.
	 * @param xml the BPMN 2.0 XML
	 * @return one line per error ({@code element id: message}); empty when it is fine
	 */
	public static List<String> problems(String xml) {
		BpmnModelInstance model;
		try {
			model = Bpmn.readModelFromStream(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
		}
		catch (RuntimeException ex) {
			return List.of("not readable as BPMN: " + ex.getMessage());
		}
		return problems(model);
	}

	/**
	 * Lists what keeps a BPMN model from deploying.
	 * @param model the model
	 * @return one line per error ({@code element id: message}); empty when it is fine
	 */
	public static List<String> problems(BpmnModelInstance model) {
		List<String> problems = new ArrayList<>();
		try {
			Bpmn.validateModel(model);
		}
		catch (RuntimeException ex) {
			problems.add("schema: " + ex.getMessage());
		}
		ValidationResults results = model.validate(ZeebeDesignTimeValidators.VALIDATORS);
		for (Map.Entry<ModelElementInstance, List<ValidationResult>> entry : results.getResults().entrySet()) {
			String element = entry.getKey().getAttributeValue("id");
			for (ValidationResult result : entry.getValue()) {
				if (result.getType() == ValidationResultType.ERROR) {
					problems.add(((element != null) ? element : entry.getKey().getElementType().getTypeName()) + ": "
							+ result.getMessage());
				}
			}
		}
		return problems;
	}

}
