package io.banshi.engine.internal.processing;

import java.util.EnumMap;
import java.util.Map;

import io.banshi.engine.internal.model.ElementType;
import io.banshi.engine.internal.model.ExecutableElement;

/**
 * The registry of element processors, one per element type.
 */
public final class BpmnProcessors {

	private final Map<ElementType, BpmnElementProcessor<?>> processors = new EnumMap<>(ElementType.class);

	public BpmnProcessors() {
		ContainerProcessor container = new ContainerProcessor();
		JobWorkerTaskProcessor jobTask = new JobWorkerTaskProcessor();
		this.processors.put(ElementType.PROCESS, container);
		this.processors.put(ElementType.SUB_PROCESS, container);
		this.processors.put(ElementType.EVENT_SUB_PROCESS, container);
		this.processors.put(ElementType.START_EVENT, new PassThroughProcessor());
		this.processors.put(ElementType.BOUNDARY_EVENT, new PassThroughProcessor());
		this.processors.put(ElementType.PARALLEL_GATEWAY, new PassThroughProcessor());
		this.processors.put(ElementType.END_EVENT, new EndEventProcessor());
		this.processors.put(ElementType.SERVICE_TASK, jobTask);
		this.processors.put(ElementType.SEND_TASK, jobTask);
		this.processors.put(ElementType.BUSINESS_RULE_TASK, jobTask);
		this.processors.put(ElementType.SCRIPT_TASK, new ScriptTaskProcessor());
		this.processors.put(ElementType.EXCLUSIVE_GATEWAY, new ExclusiveGatewayProcessor());
		CatchEventProcessor catchEvent = new CatchEventProcessor();
		this.processors.put(ElementType.INTERMEDIATE_CATCH_EVENT, catchEvent);
		this.processors.put(ElementType.RECEIVE_TASK, catchEvent);
		this.processors.put(ElementType.EVENT_BASED_GATEWAY, new EventBasedGatewayProcessor());
		this.processors.put(ElementType.USER_TASK, jobTask);
		this.processors.put(ElementType.MULTI_INSTANCE_BODY, new MultiInstanceBodyProcessor());
		this.processors.put(ElementType.INCLUSIVE_GATEWAY, new InclusiveGatewayProcessor());
		this.processors.put(ElementType.CALL_ACTIVITY, new CallActivityProcessor());
		for (ElementType type : ElementType.values()) {
			if (!this.processors.containsKey(type)) {
				throw new IllegalStateException("No processor for element type " + type);
			}
		}
	}

	/**
	 * The processor of an element.
	 * @param <T> the element class
	 * @param element the element
	 * @return its processor
	 */
	@SuppressWarnings("unchecked")
	<T extends ExecutableElement> BpmnElementProcessor<T> of(T element) {
		return (BpmnElementProcessor<T>) this.processors.get(element.type());
	}

}
