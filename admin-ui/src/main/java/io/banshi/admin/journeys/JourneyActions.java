package io.banshi.admin.journeys;

import java.util.List;
import java.util.function.Supplier;

import io.banshi.admin.console.AuditEntry;
import io.banshi.admin.console.AuditLog;
import io.banshi.engine.query.EngineQueries;
import io.banshi.engine.query.QueryFilter;
import io.banshi.engine.query.Views;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ClientStatusException;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * What ops can do to a journey, through the Camunda client against the engine; every
 * action, done or refused, goes to the audit log.
 */
@Service
class JourneyActions {

	static final String RETRY = "RETRY";

	static final String SET_VARIABLES = "SET_VARIABLES";

	static final String CANCEL = "CANCEL";

	static final String TARGET = "JOURNEY";

	private final ObjectProvider<CamundaClient> clients;

	private final EngineQueries queries;

	private final AuditLog audit;

	JourneyActions(ObjectProvider<CamundaClient> clients, EngineQueries queries, AuditLog audit) {
		this.clients = clients;
		this.queries = queries;
		this.audit = audit;
	}

	/**
	 * Gives every failed job of the journey retries again and resolves its incidents.
	 * @param key the process instance key
	 * @param retries the retries each failed job gets
	 * @param actor who asks
	 * @return the outcome
	 */
	Outcome retry(long key, int retries, String actor) {
		return run(actor, RETRY, key, "retries=" + retries, () -> {
			List<Views.Incident> incidents = this.queries
				.incidents(QueryFilter.any().withProcessInstanceKey(key), 0, 1000)
				.items();
			if (incidents.isEmpty()) {
				throw new IllegalStateException("Expected the journey to have an open incident, but it has none");
			}
			for (Views.Incident incident : incidents) {
				if (incident.jobKey() != null) {
					client().newUpdateRetriesCommand(incident.jobKey()).retries(retries).send().join();
				}
				client().newResolveIncidentCommand(incident.key()).send().join();
			}
			return incidents.size() + " incident(s) resolved";
		});
	}

	/**
	 * Sets variables on a scope of the journey (the journey itself by default).
	 * @param key the process instance key
	 * @param scopeKey the scope, or {@code null} for the journey
	 * @param variables the variables as a JSON object
	 * @param actor who asks
	 * @return the outcome
	 */
	Outcome setVariables(long key, Long scopeKey, String variables, String actor) {
		long scope = (scopeKey != null) ? scopeKey : key;
		return run(actor, SET_VARIABLES, key, "scope=" + scope + " " + variables, () -> {
			client().newSetVariablesCommand(scope).variables(variables).send().join();
			return null;
		});
	}

	/**
	 * Cancels the journey.
	 * @param key the process instance key
	 * @param actor who asks
	 * @return the outcome
	 */
	Outcome cancel(long key, String actor) {
		return run(actor, CANCEL, key, null, () -> {
			client().newCancelInstanceCommand(key).send().join();
			return null;
		});
	}

	/**
	 * The engine client; absent only when the application was told to run without one
	 * ({@code engine.embedded=false} and {@code camunda.client.enabled=false}), and then
	 * an action fails, is recorded, and says so.
	 */
	private CamundaClient client() {
		CamundaClient client = this.clients.getIfAvailable();
		if (client == null) {
			throw new IllegalStateException("Expected an engine client to act on the journey, but none is configured "
					+ "(engine.embedded=false and camunda.client.enabled=false)");
		}
		return client;
	}

	private Outcome run(String actor, String action, long key, String detail, Supplier<String> command) {
		try {
			String said = command.get();
			this.audit.record(actor, action, TARGET, key, detail, AuditEntry.OK, said);
			return new Outcome(true, said);
		}
		catch (ClientStatusException ex) {
			return failed(actor, action, key, detail,
					ex.getStatus().getCode() + ": " + ex.getStatus().getDescription());
		}
		catch (RuntimeException ex) {
			return failed(actor, action, key, detail, (ex.getMessage() != null) ? ex.getMessage() : ex.toString());
		}
	}

	private Outcome failed(String actor, String action, long key, String detail, String message) {
		this.audit.record(actor, action, TARGET, key, detail, AuditEntry.FAILED, message);
		return new Outcome(false, message);
	}

	/**
	 * What an action came to.
	 *
	 * @param ok whether the engine did it
	 * @param message what happened, or why not
	 */
	record Outcome(boolean ok, String message) {
	}

}
