package io.banshi.engine.internal.deploy;

import io.banshi.engine.internal.model.EventTrigger;
import io.banshi.engine.internal.model.ExecutableCatchEvent;
import io.banshi.engine.internal.model.Timers;
import io.banshi.engine.internal.state.Entities.MessageSubscription;
import io.banshi.engine.internal.state.Entities.Timer;
import io.banshi.engine.internal.state.EventRepository;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.banshi.engine.internal.model.BpmnTransformer;
import io.banshi.engine.internal.model.ExecutableProcess;
import io.banshi.engine.internal.model.ProcessGraph;
import io.banshi.engine.internal.EngineException;
import io.banshi.engine.internal.state.KeyGenerator;
import io.banshi.engine.internal.state.Transactions;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;

/**
 * Deploys BPMN resources: every resource is parsed and validated first, and only when all
 * of them can run is anything stored, in one transaction. A resource whose content is
 * unchanged keeps its version; changed content gets the next version of its process id.
 */
public final class DeploymentService {

	private final Transactions transactions;

	private final KeyGenerator keys;

	private final BpmnTransformer transformer;

	private final ProcessCache cache;

	private final DefinitionRepository repository = new DefinitionRepository();

	private final EventRepository events = new EventRepository();

	public DeploymentService(Transactions transactions, KeyGenerator keys, BpmnTransformer transformer,
			ProcessCache cache) {
		this.transactions = transactions;
		this.keys = keys;
		this.transformer = transformer;
		this.cache = cache;
	}

	/**
	 * Deploys resources.
	 * @param resources the resources (name and content)
	 * @param now the time
	 * @return the deployment
	 * @throws EngineException INVALID_ARGUMENT listing every problem when a resource
	 * cannot run
	 */
	public Deployment deploy(List<Resource> resources, long now) {
		if (resources.isEmpty()) {
			throw EngineException.invalidArgument("Expected to deploy at least one resource, but none given")
				.withIntent("CREATE");
		}
		StringBuilder problems = new StringBuilder();
		List<Parsed> parsed = new ArrayList<>();
		for (Resource resource : resources) {
			String name = resource.name();
			if (!(name.endsWith(".bpmn") || name.endsWith(".xml"))) {
				problems.append("\n'")
					.append(name)
					.append("': Expected a BPMN resource (.bpmn or .xml), but ")
					.append("other resource types (DMN, forms) are not supported by this engine yet");
				continue;
			}
			BpmnModelInstance model;
			try {
				model = Bpmn.readModelFromStream(new ByteArrayInputStream(resource.content()));
			}
			catch (RuntimeException ex) {
				problems.append("\n'").append(name).append("': Failed to parse the BPMN XML: ").append(ex.getMessage());
				continue;
			}
			BpmnTransformer.Result result = this.transformer.transform(model);
			if (!result.valid()) {
				problems.append("\n'").append(name).append("':");
				result.problems().forEach((element, messages) -> {
					problems.append("\n- Element: ").append(element);
					messages.forEach((message) -> problems.append("\n    - ERROR: ").append(message));
				});
				continue;
			}
			parsed.add(new Parsed(resource, result.graphs(), checksum(resource.content())));
		}
		if (problems.length() > 0) {
			throw EngineException
				.invalidArgument("Expected to deploy new resources, but encountered the following errors:" + problems)
				.withIntent("CREATE");
		}
		Map<String, ExecutableProcess> deployed = new LinkedHashMap<>();
		long deploymentKey = this.keys.nextKey();
		// Keys are reserved before the transaction: reserving a key block locks the row
		// that also serializes deployments, and this transaction holds that lock.
		List<Long> processKeys = new ArrayList<>();
		parsed.forEach((resource) -> resource.graphs().forEach((graph) -> {
			// One key for the definition, one per timer or message start event.
			for (int i = 0; i <= graph.root().eventStartEvents().size(); i++) {
				processKeys.add(this.keys.nextKey());
			}
		}));
		List<Deployed> result = this.transactions.inTransaction((connection) -> {
			this.repository.lockDeployments(connection);
			this.repository.insertDeployment(connection, deploymentKey, now);
			List<Deployed> processes = new ArrayList<>();
			// A fresh iterator per attempt: the transaction may run again after a
			// deadlock.
			java.util.Iterator<Long> unusedKeys = processKeys.iterator();
			deployed.clear();
			for (Parsed resource : parsed) {
				for (ProcessGraph graph : resource.graphs()) {
					DefinitionRepository.Latest latest = this.repository.latest(connection, graph.bpmnProcessId());
					if (latest != null && latest.checksum().equals(resource.checksum())) {
						processes.add(new Deployed(graph.bpmnProcessId(), latest.version(), latest.key(),
								resource.resource().name()));
						continue;
					}
					int version = (latest != null) ? latest.version() + 1 : 1;
					long key = unusedKeys.next();
					this.repository.insertProcess(connection, key, graph.bpmnProcessId(), version,
							resource.resource().name(), resource.checksum(), resource.resource().content(),
							deploymentKey, now);
					deployed.put(graph.bpmnProcessId(), graph.deployed(key, version));
					openStartEvents(connection, graph, key, (latest != null) ? latest.key() : null, unusedKeys, now);
					processes.add(new Deployed(graph.bpmnProcessId(), version, key, resource.resource().name()));
				}
			}
			return processes;
		});
		deployed.values().forEach(this.cache::put);
		return new Deployment(deploymentKey, result);
	}

	/**
	 * Replaces the previous version's timer and message start events with this version's:
	 * only the latest version of a process starts by events, as in Zeebe.
	 */
	private void openStartEvents(Connection connection, ProcessGraph graph, long key, Long previousKey,
			java.util.Iterator<Long> unusedKeys, long now) throws SQLException {
		if (previousKey != null) {
			this.events.deleteStartTimers(connection, previousKey);
			this.events.deleteStartSubscriptions(connection, previousKey);
		}
		List<Timer> timers = new ArrayList<>();
		List<MessageSubscription> subscriptions = new ArrayList<>();
		for (ExecutableCatchEvent start : graph.root().eventStartEvents()) {
			EventTrigger trigger = start.trigger();
			if (trigger.isTimer()) {
				Timers.Schedule schedule = Timers.schedule(trigger.timerKind(), trigger.timer().text(), now);
				Timer timer = new Timer();
				timer.key = unusedKeys.next();
				timer.processDefinitionKey = key;
				timer.targetElementId = start.id();
				timer.dueAt = schedule.dueAt();
				timer.repetitions = schedule.repetitions();
				timer.intervalMillis = schedule.intervalMillis();
				timers.add(timer);
			}
			else {
				MessageSubscription subscription = new MessageSubscription();
				subscription.key = unusedKeys.next();
				subscription.processDefinitionKey = key;
				subscription.targetElementId = start.id();
				subscription.messageName = trigger.messageName().text();
				subscriptions.add(subscription);
			}
		}
		if (!timers.isEmpty()) {
			this.events.insertTimers(connection, timers);
		}
		if (!subscriptions.isEmpty()) {
			this.events.insertStartSubscriptions(connection, subscriptions);
		}
	}

	private static String checksum(byte[] content) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * A resource to deploy.
	 *
	 * @param name the resource name
	 * @param content the content
	 */
	public record Resource(String name, byte[] content) {

		@Override
		public String toString() {
			return this.name + " ("
					+ new String(this.content, 0, Math.min(40, this.content.length), StandardCharsets.UTF_8) + "...)";
		}

	}

	/**
	 * The result of a deployment.
	 *
	 * @param key the deployment key
	 * @param processes the deployed (or unchanged) processes
	 */
	public record Deployment(long key, List<Deployed> processes) {
	}

	/**
	 * One deployed process.
	 *
	 * @param bpmnProcessId the process id
	 * @param version the version
	 * @param processDefinitionKey the definition key
	 * @param resourceName the resource it came from
	 */
	public record Deployed(String bpmnProcessId, int version, long processDefinitionKey, String resourceName) {
	}

	private record Parsed(Resource resource, List<ProcessGraph> graphs, String checksum) {
	}

}
