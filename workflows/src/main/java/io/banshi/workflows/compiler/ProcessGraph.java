package io.banshi.workflows.compiler;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The process a plan becomes, before it is written as BPMN: flow nodes and sequence flows
 * in the order they were added (a topological order, back edges aside). Kept apart from
 * the BPMN model so that the layout can reason about it without XML.
 */
final class ProcessGraph {

	/** The kinds of flow node the compiler writes. */
	enum Type {

		START, END, TERMINATE_END, SERVICE_TASK, PARALLEL_GATEWAY, EXCLUSIVE_GATEWAY, EVENT_GATEWAY, MESSAGE_CATCH,
		TIMER_DATE_CATCH, TIMER_DURATION_CATCH, ERROR_BOUNDARY;

		boolean isEvent() {
			return this == START || this == END || this == TERMINATE_END || this == MESSAGE_CATCH
					|| this == TIMER_DATE_CATCH || this == TIMER_DURATION_CATCH || this == ERROR_BOUNDARY;
		}

		boolean isGateway() {
			return this == PARALLEL_GATEWAY || this == EXCLUSIVE_GATEWAY || this == EVENT_GATEWAY;
		}

	}

	/**
	 * A flow node. Fields not used by its type stay empty.
	 */
	static final class Node {

		final String id;

		final Type type;

		final String name;

		String jobType;

		final Map<String, String> headers = new LinkedHashMap<>();

		/** Input mappings: target variable to FEEL expression (with its leading '='). */
		final Map<String, String> inputs = new LinkedHashMap<>();

		/** Output mappings: target variable to FEEL expression (with its leading '='). */
		final Map<String, String> outputs = new LinkedHashMap<>();

		/** A timer's date expression (with '=') or duration literal. */
		String timer;

		String messageName;

		String correlationKey;

		String errorCode;

		/** The activity a boundary event is attached to. */
		String attachedTo;

		Node(String id, Type type, String name) {
			this.id = id;
			this.type = type;
			this.name = name;
		}

	}

	/**
	 * A sequence flow.
	 *
	 * @param id its id
	 * @param source the source node id
	 * @param target the target node id
	 * @param condition a FEEL condition (with '='), or null
	 * @param isDefault whether it is its exclusive gateway's default flow
	 * @param back whether it closes a loop (drawn underneath, ignored when layering)
	 */
	record Edge(String id, String source, String target, String condition, boolean isDefault, boolean back) {

	}

	private final Map<String, Node> nodes = new LinkedHashMap<>();

	private final List<Edge> edges = new ArrayList<>();

	Node add(String id, Type type, String name) {
		Node node = new Node(id, type, name);
		if (this.nodes.putIfAbsent(id, node) != null) {
			throw new IllegalArgumentException("Two elements would have the id '" + id + "'");
		}
		return node;
	}

	Edge connect(String source, String target) {
		return connect(source, target, null, false, false);
	}

	Edge connect(String source, String target, String condition, boolean isDefault, boolean back) {
		Edge edge = new Edge("flow_" + (this.edges.size() + 1), source, target, condition, isDefault, back);
		this.edges.add(edge);
		return edge;
	}

	Node node(String id) {
		return this.nodes.get(id);
	}

	List<Node> nodes() {
		return List.copyOf(this.nodes.values());
	}

	List<Edge> edges() {
		return List.copyOf(this.edges);
	}

	/**
	 * Returns the nodes so that each comes after every node with a flow into it (loops
	 * aside), and boundary events right after their activity. Forks are added to the
	 * graph after the steps they lead to, so the order of addition is not enough.
	 * @return the nodes in that order
	 */
	List<Node> ordered() {
		Map<String, Integer> waiting = new LinkedHashMap<>();
		Map<String, List<String>> next = new LinkedHashMap<>();
		this.nodes.keySet().forEach((id) -> {
			waiting.put(id, 0);
			next.put(id, new ArrayList<>());
		});
		for (Edge edge : this.edges) {
			if (!edge.back()) {
				waiting.merge(edge.target(), 1, Integer::sum);
				next.get(edge.source()).add(edge.target());
			}
		}
		for (Node node : this.nodes.values()) {
			if (node.attachedTo != null) {
				waiting.merge(node.id, 1, Integer::sum);
				next.get(node.attachedTo).add(node.id);
			}
		}
		List<Node> ordered = new ArrayList<>(this.nodes.size());
		java.util.Deque<String> ready = new java.util.ArrayDeque<>();
		waiting.forEach((id, count) -> {
			if (count == 0) {
				ready.add(id);
			}
		});
		while (!ready.isEmpty()) {
			String id = ready.poll();
			ordered.add(this.nodes.get(id));
			for (String target : next.get(id)) {
				if (waiting.merge(target, -1, Integer::sum) == 0) {
					// Boundary events go first, so that they follow their activity.
					if (this.nodes.get(target).attachedTo != null) {
						ready.addFirst(target);
					}
					else {
						ready.add(target);
					}
				}
			}
		}
		if (ordered.size() != this.nodes.size()) {
			throw new IllegalStateException("The process graph has a cycle outside a declared loop");
		}
		return ordered;
	}

}
