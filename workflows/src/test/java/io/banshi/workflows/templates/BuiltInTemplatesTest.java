package io.banshi.workflows.templates;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.FlowNode;
import io.camunda.zeebe.model.bpmn.instance.IntermediateCatchEvent;
import io.camunda.zeebe.model.bpmn.instance.MessageEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.Process;
import io.camunda.zeebe.model.bpmn.instance.SequenceFlow;
import io.camunda.zeebe.model.bpmn.instance.bpmndi.BpmnEdge;
import io.camunda.zeebe.model.bpmn.instance.bpmndi.BpmnShape;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeExecutionListener;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeExecutionListenerEventType;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeExecutionListeners;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeSubscription;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskHeaders;
import org.junit.jupiter.api.Test;

import io.banshi.workflows.compiler.BpmnPlanCompiler;
import io.banshi.workflows.compiler.BpmnValidation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class BuiltInTemplatesTest {

	private final List<BuiltInTemplates.BuiltIn> templates = BuiltInTemplates.load();

	@Test
	void shouldShipTheTemplatesForCommonErrands() {
		// given / when
		List<String> keys = this.templates.stream().map((template) -> template.descriptor().key()).toList();

		// then
		assertThat(keys).containsExactly("bookkeeping", "buy_after_compare", "reminder", "restaurant_booking",
				"trip_with_budget");
		assertThat(this.templates).allSatisfy((template) -> {
			assertThat(template.descriptor().nameZh()).isNotBlank();
			assertThat(template.descriptor().descriptionEn()).isNotBlank();
			assertThat(template.descriptor().parameters()).isNotEmpty();
		});
	}

	@Test
	void shouldDeclareProcessesTheEngineDeploys() {
		assertThat(this.templates).allSatisfy((template) -> {
			// given
			BpmnModelInstance model = read(template.bpmn());

			// when
			List<String> problems = BpmnValidation.problems(template.bpmn());

			// then
			assertThat(problems).as(template.descriptor().key()).isEmpty();
			assertThat(model.getModelElementsByType(Process.class)).extracting(Process::getId)
				.containsExactly(template.descriptor().processId());
			assertThat(model.getModelElementsByType(BpmnShape.class))
				.hasSameSizeAs(model.getModelElementsByType(FlowNode.class));
			assertThat(model.getModelElementsByType(BpmnEdge.class))
				.hasSameSizeAs(model.getModelElementsByType(SequenceFlow.class));
		});
	}

	@Test
	void shouldTellThroughAnEndListenerThatTheErrandsProcessEnded() {
		assertThat(this.templates).allSatisfy((template) -> {
			// given
			Process process = read(template.bpmn()).getModelElementById(template.descriptor().processId());

			// when
			ZeebeExecutionListeners listeners = process.getSingleExtensionElement(ZeebeExecutionListeners.class);

			// then: as compiled plans do, so an errand run from a template learns its end
			assertThat(listeners).as(template.descriptor().key()).isNotNull();
			assertThat(listeners.getExecutionListeners()).as(template.descriptor().key())
				.extracting(ZeebeExecutionListener::getEventType, ZeebeExecutionListener::getType)
				.containsExactly(tuple(ZeebeExecutionListenerEventType.end, BpmnPlanCompiler.ERRAND_ENDED));
		});
	}

	@Test
	void shouldWaitForTheAnswerToEachConfirmUnderThatConfirmsOwnKey() {
		assertThat(this.templates).allSatisfy((template) -> {
			// given
			BpmnModelInstance model = read(template.bpmn());

			// when: each catch of the confirmation message, and the confirm task before
			// it
			for (IntermediateCatchEvent event : model.getModelElementsByType(IntermediateCatchEvent.class)) {
				for (MessageEventDefinition definition : event.getChildElementsByType(MessageEventDefinition.class)) {
					if (!BpmnPlanCompiler.CONFIRMED_MESSAGE.equals(definition.getMessage().getName())) {
						continue;
					}
					FlowNode gateway = event.getIncoming().iterator().next().getSource();
					FlowNode confirm = gateway.getIncoming().iterator().next().getSource();
					String stepId = confirm.getSingleExtensionElement(ZeebeTaskHeaders.class)
						.getHeaders()
						.stream()
						.filter((header) -> header.getKey().equals("stepId"))
						.findFirst()
						.orElseThrow()
						.getValue();

					// then: the key the errand API publishes the answer under
					String key = definition.getMessage()
						.getSingleExtensionElement(ZeebeSubscription.class)
						.getCorrelationKey();
					assertThat(key).as(template.descriptor().key())
						.isEqualTo("=errandId + \"/" + stepId + "\"")
						.isEqualTo("=" + BpmnPlanCompiler.confirmationKey("errandId + \"", stepId + "\""));
				}
			}
		});
	}

	@Test
	void shouldUseEveryParameterItDeclares() {
		assertThat(this.templates).allSatisfy((template) -> {
			// given
			String bpmn = template.bpmn();

			// when / then: each parameter is read by some FEEL expression
			template.descriptor().parameters().forEach((parameter) -> {
				Pattern read = Pattern.compile("[=(]" + parameter.name() + "\\b");
				assertThat(read.matcher(bpmn).find()).as("%s reads %s", template.descriptor().key(), parameter.name())
					.isTrue();
			});
		});
	}

	@Test
	void shouldReadBackTheDescriptorItWrites() {
		assertThat(this.templates).allSatisfy((template) -> {
			// given
			TemplateDescriptor descriptor = template.descriptor();

			// when
			TemplateDescriptor again = TemplateDescriptor.parse(descriptor.toJson());

			// then
			assertThat(again).isEqualTo(descriptor);
		});
	}

	private static BpmnModelInstance read(String xml) {
		return Bpmn.readModelFromStream(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
	}

}
