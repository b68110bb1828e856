package io.banshi.workflows.compiler;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.BaseElement;
import io.camunda.zeebe.model.bpmn.instance.Definitions;
import io.camunda.zeebe.model.bpmn.instance.Process;
import io.camunda.zeebe.model.bpmn.instance.bpmndi.BpmnDiagram;
import io.camunda.zeebe.model.bpmn.instance.bpmndi.BpmnEdge;
import io.camunda.zeebe.model.bpmn.instance.bpmndi.BpmnPlane;
import io.camunda.zeebe.model.bpmn.instance.bpmndi.BpmnShape;
import io.camunda.zeebe.model.bpmn.instance.dc.Bounds;
import io.camunda.zeebe.model.bpmn.instance.di.Waypoint;

import io.banshi.workflows.compiler.ProcessGraph.Edge;
import io.banshi.workflows.compiler.ProcessGraph.Node;
import io.banshi.workflows.compiler.ProcessGraph.Type;

/**
 * Lays a compiled process out left to right: one column per depth (the longest path from
 * the start, loops aside), one row per node within a column, chains kept on one row where
 * they can be. Columns are wider than any shape and rows taller, so no two shapes
 * overlap; boundary events sit on the lower edge of their activity. Replaces whatever
 * diagram interchange the builder wrote, so that every flow node has exactly one shape
 * and every sequence flow one edge.
 */
final class DiagramLayout {

	static final int COLUMN = 150;

	static final int ROW = 130;

	private static final int ORIGIN_X = 60;

	private static final int ORIGIN_Y = 60;

	private DiagramLayout() {
	}

	/** A shape's bounds. */
	record Box(double x, double y, double width, double height) {

		double centerX() {
			return this.x + this.width / 2;
		}

		double centerY() {
			return this.y + this.height / 2;
		}

	}

	static void apply(BpmnModelInstance model, ProcessGraph graph) {
		Map<String, Box> boxes = place(graph);
		BpmnPlane plane = plane(model);
		new ArrayList<>(plane.getDiagramElements()).forEach(plane::removeChildElement);
		for (Node node : graph.nodes()) {
			Box box = boxes.get(node.id);
			BpmnShape shape = model.newInstance(BpmnShape.class, node.id + "_di");
			shape.setBpmnElement((BaseElement) model.getModelElementById(node.id));
			if (node.type == Type.EXCLUSIVE_GATEWAY) {
				shape.setMarkerVisible(true);
			}
			Bounds bounds = model.newInstance(Bounds.class);
			bounds.setX(box.x());
			bounds.setY(box.y());
			bounds.setWidth(box.width());
			bounds.setHeight(box.height());
			shape.setBounds(bounds);
			plane.addChildElement(shape);
		}
		for (Edge edge : graph.edges()) {
			BpmnEdge diEdge = model.newInstance(BpmnEdge.class, edge.id() + "_di");
			diEdge.setBpmnElement((BaseElement) model.getModelElementById(edge.id()));
			for (double[] point : route(edge, graph, boxes)) {
				Waypoint waypoint = model.newInstance(Waypoint.class);
				waypoint.setX(point[0]);
				waypoint.setY(point[1]);
				diEdge.addChildElement(waypoint);
			}
			plane.addChildElement(diEdge);
		}
	}

	private static BpmnPlane plane(BpmnModelInstance model) {
		Definitions definitions = model.getDefinitions();
		BpmnDiagram diagram = model.getModelElementsByType(BpmnDiagram.class).stream().findFirst().orElseGet(() -> {
			BpmnDiagram created = model.newInstance(BpmnDiagram.class);
			definitions.addChildElement(created);
			return created;
		});
		BpmnPlane plane = diagram.getBpmnPlane();
		if (plane == null) {
			plane = model.newInstance(BpmnPlane.class);
			diagram.setBpmnPlane(plane);
		}
		Process process = model.getModelElementsByType(Process.class).iterator().next();
		plane.setBpmnElement(process);
		return plane;
	}

	static Map<String, Box> place(ProcessGraph graph) {
		List<Node> nodes = graph.ordered();
		List<Edge> edges = graph.edges();
		Map<String, Node> byId = new HashMap<>();
		nodes.forEach((node) -> byId.put(node.id, node));
		// Columns: the nodes come in a topological order (loops aside), so one pass
		// suffices. A boundary event stands in its activity's column.
		Map<String, Integer> column = new HashMap<>();
		for (Node node : nodes) {
			if (node.type == Type.ERROR_BOUNDARY) {
				column.put(node.id, column.get(node.attachedTo));
				continue;
			}
			int depth = 0;
			for (Edge edge : edges) {
				if (edge.target().equals(node.id) && !edge.back() && column.containsKey(edge.source())) {
					depth = Math.max(depth, column.get(edge.source()) + 1);
				}
			}
			column.put(node.id, depth);
		}
		// Rows: per column, each node wants the row of what flows into it (one lower when
		// it comes from a boundary event), and takes the first free row at or below it.
		Map<String, Integer> row = new HashMap<>();
		Map<String, Integer> order = new HashMap<>();
		for (int i = 0; i < nodes.size(); i++) {
			order.put(nodes.get(i).id, i);
		}
		int columns = column.values().stream().mapToInt(Integer::intValue).max().orElse(0) + 1;
		for (int c = 0; c < columns; c++) {
			int current = c;
			List<Node> inColumn = new ArrayList<>(nodes.stream()
				.filter((node) -> node.type != Type.ERROR_BOUNDARY && column.get(node.id) == current)
				.toList());
			Map<String, Double> wanted = new HashMap<>();
			for (Node node : inColumn) {
				double sum = 0;
				int count = 0;
				for (Edge edge : edges) {
					if (edge.target().equals(node.id) && !edge.back() && row.containsKey(edge.source())) {
						Node source = byId.get(edge.source());
						sum += row.get(edge.source()) + ((source.type == Type.ERROR_BOUNDARY) ? 1 : 0);
						count++;
					}
				}
				wanted.put(node.id, (count == 0) ? 0 : sum / count);
			}
			// On a tie the flow that goes on keeps the row, and an early end moves down.
			inColumn.sort(Comparator.comparingDouble((Node node) -> wanted.get(node.id))
				.thenComparingInt((node) -> (node.type == Type.TERMINATE_END) ? 1 : 0)
				.thenComparingInt((node) -> order.get(node.id)));
			int next = 0;
			for (Node node : inColumn) {
				int r = Math.max(next, (int) Math.ceil(wanted.get(node.id) - 1e-9));
				row.put(node.id, r);
				next = r + 1;
				// Boundary events share their activity's row.
				for (Node boundary : nodes) {
					if (node.id.equals(boundary.attachedTo)) {
						row.put(boundary.id, r);
					}
				}
			}
		}
		Map<String, Box> boxes = new HashMap<>();
		Map<String, Integer> boundaryIndex = new HashMap<>();
		for (Node node : nodes) {
			double width = width(node.type);
			double height = height(node.type);
			if (node.type == Type.ERROR_BOUNDARY) {
				Box host = boxes.get(node.attachedTo);
				int index = boundaryIndex.merge(node.attachedTo, 1, Integer::sum) - 1;
				boxes.put(node.id,
						new Box(host.x() - 10 + index * 36, host.y() + host.height() - height / 2, width, height));
				continue;
			}
			double x = ORIGIN_X + column.get(node.id) * COLUMN + (COLUMN - 50 - width) / 2;
			double y = ORIGIN_Y + row.get(node.id) * ROW + (80 - height) / 2;
			boxes.put(node.id, new Box(x, y, width, height));
		}
		return boxes;
	}

	private static List<double[]> route(Edge edge, ProcessGraph graph, Map<String, Box> boxes) {
		Box source = boxes.get(edge.source());
		Box target = boxes.get(edge.target());
		List<double[]> points = new ArrayList<>();
		if (edge.back()) {
			// A loop goes back underneath both shapes.
			double below = Math.max(source.y() + source.height(), target.y() + target.height()) + 25;
			points.add(new double[] { source.centerX(), source.y() + source.height() });
			points.add(new double[] { source.centerX(), below });
			points.add(new double[] { target.centerX(), below });
			points.add(new double[] { target.centerX(), target.y() + target.height() });
			return points;
		}
		double targetX = target.x();
		double targetY = target.centerY();
		if (graph.node(edge.source()).type == Type.ERROR_BOUNDARY) {
			// Down into the space under the activity's row, right into the gap before the
			// next column, then to the target: never through a shape below.
			Box host = boxes.get(graph.node(edge.source()).attachedTo);
			double under = host.y() + host.height() + (ROW - 80) / 2.0 + 2;
			double gap = targetX - 20;
			points.add(new double[] { source.centerX(), source.y() + source.height() });
			points.add(new double[] { source.centerX(), under });
			points.add(new double[] { gap, under });
			points.add(new double[] { gap, targetY });
			points.add(new double[] { targetX, targetY });
			return points;
		}
		double sourceX = source.x() + source.width();
		double sourceY = source.centerY();
		points.add(new double[] { sourceX, sourceY });
		if (sourceY != targetY) {
			// In the gap before the target's column, right of any boundary event.
			double turn = targetX - 12;
			points.add(new double[] { turn, sourceY });
			points.add(new double[] { turn, targetY });
		}
		points.add(new double[] { targetX, targetY });
		return points;
	}

	private static double width(Type type) {
		if (type.isEvent()) {
			return 36;
		}
		return type.isGateway() ? 50 : 100;
	}

	private static double height(Type type) {
		if (type.isEvent()) {
			return 36;
		}
		return type.isGateway() ? 50 : 80;
	}

}
