package io.banshi.engine.internal.model;

import java.util.ArrayList;
import java.util.List;

/**
 * A flow node of an executable process (or the process itself). Subclasses add what their
 * element type needs; the graph is immutable once the transformer has built it.
 */
public class ExecutableElement {

	private final String id;

	private final ElementType type;

	private ExecutableContainer flowScope;

	private final List<ExecutableSequenceFlow> incoming = new ArrayList<>();

	private final List<ExecutableSequenceFlow> outgoing = new ArrayList<>();

	private final List<Mapping> inputs = new ArrayList<>();

	private final List<Mapping> outputs = new ArrayList<>();

	private final List<ExecutableBoundaryEvent> boundaryEvents = new ArrayList<>();

	private ExecutableMultiInstanceBody multiInstanceBody;

	private final List<ExecutionListener> startListeners = new ArrayList<>();

	private final List<ExecutionListener> endListeners = new ArrayList<>();

	public ExecutableElement(String id, ElementType type) {
		this.id = id;
		this.type = type;
	}

	public String id() {
		return this.id;
	}

	public ElementType type() {
		return this.type;
	}

	/**
	 * The subprocess or process that contains this element; {@code null} for the process.
	 * @return the flow scope
	 */
	public ExecutableContainer flowScope() {
		return this.flowScope;
	}

	void setFlowScope(ExecutableContainer flowScope) {
		this.flowScope = flowScope;
	}

	public List<ExecutableSequenceFlow> incoming() {
		return this.incoming;
	}

	public List<ExecutableSequenceFlow> outgoing() {
		return this.outgoing;
	}

	public List<Mapping> inputs() {
		return this.inputs;
	}

	public List<Mapping> outputs() {
		return this.outputs;
	}

	/**
	 * The multi-instance body this activity runs inside, if it is multi-instance.
	 * @return the body, or {@code null}
	 */
	public ExecutableMultiInstanceBody multiInstanceBody() {
		return this.multiInstanceBody;
	}

	void setMultiInstanceBody(ExecutableMultiInstanceBody multiInstanceBody) {
		this.multiInstanceBody = multiInstanceBody;
	}

	/**
	 * The execution listeners of an event type, in document order.
	 * @param eventType {@link ExecutionListener#START} or {@link ExecutionListener#END}
	 * @return the listeners (empty when none)
	 */
	public List<ExecutionListener> listeners(String eventType) {
		return ExecutionListener.START.equals(eventType) ? this.startListeners : this.endListeners;
	}

	void addListener(ExecutionListener listener) {
		listeners(listener.eventType()).add(listener);
	}

	public List<ExecutableBoundaryEvent> boundaryEvents() {
		return this.boundaryEvents;
	}

	/**
	 * Whether instances of this element may own timers or message subscriptions (which
	 * are closed when the instance ends): catch events, event-based gateways, activities
	 * with timer or message boundary events.
	 * @return true when it has events to close
	 */
	public boolean hasEventSubscriptions() {
		if (this instanceof ExecutableCatchEvent || this.type == ElementType.EVENT_BASED_GATEWAY) {
			return true;
		}
		if (this instanceof ExecutableContainer container && !container.eventSubProcesses().isEmpty()) {
			return true;
		}
		for (ExecutableBoundaryEvent boundary : this.boundaryEvents) {
			if (!boundary.isError()) {
				return true;
			}
		}
		return false;
	}

	@Override
	public String toString() {
		return this.type + " '" + this.id + "'";
	}

}
