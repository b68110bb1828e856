package io.banshi.engine.internal.state;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.banshi.engine.internal.state.Entities.ElementInstance;
import io.banshi.engine.internal.state.Entities.HistoryEvent;
import io.banshi.engine.internal.state.Entities.Incident;
import io.banshi.engine.internal.state.Entities.Job;
import io.banshi.engine.internal.state.Entities.MessageSubscription;
import io.banshi.engine.internal.state.Entities.Timer;
import io.banshi.engine.internal.state.Entities.ProcessInstance;

/**
 * The whole runtime state of one process instance, loaded while its row is locked,
 * changed in memory by one command and written back by {@link InstanceRepository} in the
 * same transaction. It remembers what changed so the write touches only those rows.
 */
public final class InstanceState implements MutableElementInstanceState, MutableVariableState, MutableJobState,
		MutableIncidentState, MutableEventState {

	final ProcessInstance processInstance;

	final boolean newInstance;

	final Map<Long, ElementInstance> elements = new LinkedHashMap<>();

	final Map<Long, Map<String, Variable>> variables = new HashMap<>();

	final Map<Long, Job> jobs = new LinkedHashMap<>();

	final Map<Long, Incident> incidents = new LinkedHashMap<>();

	final Changes<Long> elementChanges = new Changes<>();

	final Changes<Long> jobChanges = new Changes<>();

	final Changes<Long> incidentChanges = new Changes<>();

	/** Changed variables as (scope, name); removed scopes separately. */
	final Set<VariableKey> variableChanges = new LinkedHashSet<>();

	final Set<VariableKey> variableInserts = new LinkedHashSet<>();

	final Set<Long> removedScopes = new LinkedHashSet<>();

	final List<HistoryEvent> history = new ArrayList<>();

	boolean processInstanceChanged;

	final List<Timer> newTimers = new ArrayList<>();

	final Map<Long, Timer> updatedTimers = new LinkedHashMap<>();

	final Set<Long> deletedTimers = new LinkedHashSet<>();

	final List<MessageSubscription> newSubscriptions = new ArrayList<>();

	final Set<Long> closedEventScopes = new LinkedHashSet<>();

	final Set<Long> correlatedMessages = new LinkedHashSet<>();

	private final List<MessageSubscription> uncheckedSubscriptions = new ArrayList<>();

	InstanceState(ProcessInstance processInstance, boolean newInstance) {
		this.processInstance = processInstance;
		this.newInstance = newInstance;
	}

	/**
	 * A state for a process instance that does not exist in the database yet.
	 * @param processInstance the new row
	 * @return the state
	 */
	public static InstanceState created(ProcessInstance processInstance) {
		return new InstanceState(processInstance, true);
	}

	/**
	 * Appends a history row, written with the state.
	 * @param event the row
	 */
	public void record(HistoryEvent event) {
		this.history.add(event);
	}

	@Override
	public ProcessInstance processInstance() {
		return this.processInstance;
	}

	@Override
	public void updateProcessInstance() {
		this.processInstanceChanged = true;
	}

	@Override
	public ElementInstance element(long key) {
		return this.elements.get(key);
	}

	@Override
	public List<ElementInstance> children(long scopeKey) {
		List<ElementInstance> children = new ArrayList<>();
		for (ElementInstance instance : this.elements.values()) {
			if (instance.flowScopeKey == scopeKey && instance.key != scopeKey) {
				children.add(instance);
			}
		}
		return children;
	}

	@Override
	public void putElement(ElementInstance instance) {
		this.elements.put(instance.key, instance);
		this.elementChanges.insert(instance.key);
	}

	@Override
	public void updateElement(ElementInstance instance) {
		this.elementChanges.update(instance.key);
	}

	@Override
	public void removeElement(long key) {
		this.elements.remove(key);
		this.elementChanges.delete(key);
	}

	@Override
	public Map<String, Object> visibleVariables(long scopeKey) {
		Map<String, Object> visible = new HashMap<>();
		for (Map<String, Variable> scope : scopeChain(scopeKey)) {
			scope.forEach((name, variable) -> visible.put(name, variable.value()));
		}
		return visible;
	}

	@Override
	public Map<String, Object> visibleVariablesAsJson(long scopeKey) {
		Map<String, Object> visible = new LinkedHashMap<>();
		for (Map<String, Variable> scope : scopeChain(scopeKey)) {
			scope.forEach((name, variable) -> visible.put(name, new JobRepository.RawJson(variable.json())));
		}
		return visible;
	}

	/** The variable maps from the root scope down to the given scope. */
	private List<Map<String, Variable>> scopeChain(long scopeKey) {
		List<Long> chain = new ArrayList<>();
		long current = scopeKey;
		while (current != 0) {
			chain.add(current);
			ElementInstance instance = this.elements.get(current);
			current = (instance != null) ? instance.flowScopeKey : 0;
		}
		List<Map<String, Variable>> scopes = new ArrayList<>();
		for (int i = chain.size() - 1; i >= 0; i--) {
			Map<String, Variable> scope = this.variables.get(chain.get(i));
			if (scope != null) {
				scopes.add(scope);
			}
		}
		return scopes;
	}

	@Override
	public Map<String, Object> localVariables(long scopeKey) {
		Map<String, Object> local = new LinkedHashMap<>();
		Map<String, Variable> scope = this.variables.get(scopeKey);
		if (scope != null) {
			scope.forEach((name, variable) -> local.put(name, variable.value()));
		}
		return local;
	}

	@Override
	public boolean hasLocal(long scopeKey, String name) {
		Map<String, Variable> scope = this.variables.get(scopeKey);
		return scope != null && scope.containsKey(name);
	}

	@Override
	public boolean setLocal(long scopeKey, String name, Object value, String json) {
		Map<String, Variable> scope = this.variables.computeIfAbsent(scopeKey, (k) -> new LinkedHashMap<>());
		Variable previous = scope.get(name);
		if (previous != null && previous.json().equals(json)) {
			return false;
		}
		scope.put(name, new Variable(json, value));
		VariableKey key = new VariableKey(scopeKey, name);
		if (previous == null && !this.variableChanges.contains(key)) {
			this.variableInserts.add(key);
		}
		this.variableChanges.add(key);
		return true;
	}

	@Override
	public void removeScope(long scopeKey) {
		if (this.variables.remove(scopeKey) != null) {
			this.removedScopes.add(scopeKey);
			this.variableChanges.removeIf((key) -> key.scopeKey() == scopeKey);
			this.variableInserts.removeIf((key) -> key.scopeKey() == scopeKey);
		}
	}

	@Override
	public Job job(long key) {
		return this.jobs.get(key);
	}

	@Override
	public Job jobOf(long elementInstanceKey) {
		for (Job job : this.jobs.values()) {
			if (job.elementInstanceKey == elementInstanceKey) {
				return job;
			}
		}
		return null;
	}

	@Override
	public Collection<Job> jobs() {
		return this.jobs.values();
	}

	@Override
	public void putJob(Job job) {
		this.jobs.put(job.key, job);
		this.jobChanges.insert(job.key);
	}

	@Override
	public void updateJob(Job job) {
		this.jobChanges.update(job.key);
	}

	@Override
	public void removeJob(long key) {
		this.jobs.remove(key);
		this.jobChanges.delete(key);
	}

	@Override
	public Incident incident(long key) {
		return this.incidents.get(key);
	}

	@Override
	public Collection<Incident> incidents() {
		return this.incidents.values();
	}

	@Override
	public void putIncident(Incident incident) {
		this.incidents.put(incident.key, incident);
		this.incidentChanges.insert(incident.key);
	}

	@Override
	public void removeIncident(long key) {
		this.incidents.remove(key);
		this.incidentChanges.delete(key);
	}

	@Override
	public void addTimer(Timer timer) {
		this.newTimers.add(timer);
	}

	@Override
	public void updateTimer(Timer timer) {
		this.updatedTimers.put(timer.key, timer);
	}

	@Override
	public void deleteTimer(long timerKey) {
		this.updatedTimers.remove(timerKey);
		this.deletedTimers.add(timerKey);
	}

	@Override
	public void addSubscription(MessageSubscription subscription) {
		this.newSubscriptions.add(subscription);
		this.uncheckedSubscriptions.add(subscription);
	}

	@Override
	public void closeEventScope(long elementInstanceKey) {
		this.newTimers
			.removeIf((timer) -> timer.elementInstanceKey != null && timer.elementInstanceKey == elementInstanceKey);
		this.newSubscriptions.removeIf((subscription) -> subscription.elementInstanceKey == elementInstanceKey);
		this.uncheckedSubscriptions.removeIf((subscription) -> subscription.elementInstanceKey == elementInstanceKey);
		this.closedEventScopes.add(elementInstanceKey);
	}

	@Override
	public boolean isEventScopeOpen(long elementInstanceKey) {
		return !this.closedEventScopes.contains(elementInstanceKey) && this.elements.containsKey(elementInstanceKey);
	}

	@Override
	public void messageCorrelated(long messageKey) {
		this.correlatedMessages.add(messageKey);
	}

	@Override
	public boolean hasCorrelated(long messageKey) {
		return this.correlatedMessages.contains(messageKey);
	}

	/**
	 * Hands out the subscriptions opened since the last call, to look for buffered
	 * messages.
	 * @return the new subscriptions, still open
	 */
	public List<MessageSubscription> takeUncheckedSubscriptions() {
		List<MessageSubscription> taken = List.copyOf(this.uncheckedSubscriptions);
		this.uncheckedSubscriptions.clear();
		return taken;
	}

	/**
	 * A variable: its JSON text and, parsed only when an expression or a merge needs it,
	 * its value. Most commands never look at most variables, and documents can be large.
	 */
	static final class Variable {

		private final String json;

		private Object value;

		private boolean parsed;

		Variable(String json, Object value) {
			this.json = json;
			this.value = value;
			this.parsed = true;
		}

		private Variable(String json) {
			this.json = json;
		}

		static Variable stored(String json) {
			return new Variable(json);
		}

		String json() {
			return this.json;
		}

		Object value() {
			if (!this.parsed) {
				this.value = Json.parseValue(this.json);
				this.parsed = true;
			}
			return this.value;
		}

	}

	record VariableKey(long scopeKey, String name) {
	}

	/**
	 * What happened to rows of one table in this command: a row inserted and deleted in
	 * the same command never reaches the database.
	 *
	 * @param <K> the key type
	 */
	static final class Changes<K> {

		final Set<K> inserted = new LinkedHashSet<>();

		final Set<K> updated = new LinkedHashSet<>();

		final Set<K> deleted = new LinkedHashSet<>();

		void insert(K key) {
			this.deleted.remove(key);
			this.inserted.add(key);
		}

		void update(K key) {
			if (!this.inserted.contains(key)) {
				this.updated.add(key);
			}
		}

		void delete(K key) {
			this.updated.remove(key);
			if (!this.inserted.remove(key)) {
				this.deleted.add(key);
			}
		}

	}

}
