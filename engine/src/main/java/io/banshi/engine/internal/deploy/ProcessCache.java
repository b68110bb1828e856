package io.banshi.engine.internal.deploy;

import java.io.ByteArrayInputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.banshi.engine.internal.model.BpmnTransformer;
import io.banshi.engine.internal.model.ExecutableProcess;
import io.banshi.engine.internal.model.ProcessGraph;
import io.banshi.engine.internal.EngineException;
import io.camunda.zeebe.model.bpmn.Bpmn;

/**
 * Executable processes by definition key. A definition never changes once deployed, so
 * the graph is built once per node (at deployment, or from the stored resource the first
 * time another node's definition is used) and kept for the life of the engine.
 */
public final class ProcessCache {

	private final Map<Long, ExecutableProcess> byKey = new ConcurrentHashMap<>();

	private final DefinitionRepository repository = new DefinitionRepository();

	private final BpmnTransformer transformer;

	public ProcessCache(BpmnTransformer transformer) {
		this.transformer = transformer;
	}

	void put(ExecutableProcess process) {
		this.byKey.put(process.key(), process);
	}

	/**
	 * The process to start: by definition key, else by id and version, else the latest
	 * version of the id.
	 * @param connection the transaction
	 * @param key the definition key, or a value below 1
	 * @param bpmnProcessId the process id
	 * @param version the version, or -1 for the latest
	 * @return the process
	 * @throws EngineException NOT_FOUND when there is no such definition
	 * @throws SQLException on database errors
	 */
	public ExecutableProcess find(Connection connection, long key, String bpmnProcessId, int version)
			throws SQLException {
		if (key > 0) {
			ExecutableProcess cached = this.byKey.get(key);
			if (cached != null) {
				return cached;
			}
			return load(this.repository.byKey(connection, key),
					"Expected to find process definition with key '" + key + "', but none found");
		}
		if (bpmnProcessId == null || bpmnProcessId.isBlank()) {
			throw EngineException
				.invalidArgument("Expected either a process definition key or a BPMN process id, but none given");
		}
		if (version > 0) {
			return load(this.repository.byVersion(connection, bpmnProcessId, version),
					"Expected to find process definition with process ID '" + bpmnProcessId + "' and version '"
							+ version + "', but none found");
		}
		DefinitionRepository.Latest latest = this.repository.latest(connection, bpmnProcessId);
		if (latest == null) {
			throw EngineException.notFound(
					"Expected to find process definition with process ID '" + bpmnProcessId + "', but none found");
		}
		ExecutableProcess cached = this.byKey.get(latest.key());
		if (cached != null) {
			return cached;
		}
		return load(this.repository.byKey(connection, latest.key()), "unreachable");
	}

	/**
	 * The process of a running instance.
	 * @param connection the transaction
	 * @param key the definition key
	 * @return the process
	 * @throws SQLException on database errors
	 */
	public ExecutableProcess byKey(Connection connection, long key) throws SQLException {
		ExecutableProcess cached = this.byKey.get(key);
		return (cached != null) ? cached
				: load(this.repository.byKey(connection, key), "Expected process definition " + key + " to exist");
	}

	private ExecutableProcess load(DefinitionRepository.StoredProcess stored, String notFound) {
		if (stored == null) {
			throw EngineException.notFound(notFound);
		}
		ExecutableProcess cached = this.byKey.get(stored.key());
		if (cached != null) {
			return cached;
		}
		BpmnTransformer.Result result = this.transformer
			.transform(Bpmn.readModelFromStream(new ByteArrayInputStream(stored.resource())));
		for (ProcessGraph graph : result.graphs()) {
			if (graph.bpmnProcessId().equals(stored.bpmnProcessId())) {
				ExecutableProcess process = graph.deployed(stored.key(), stored.version());
				this.byKey.put(process.key(), process);
				return process;
			}
		}
		throw new IllegalStateException("Stored process " + stored.key() + " no longer transforms");
	}

}
