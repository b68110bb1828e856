package io.banshi.engine.internal.state;

/**
 * Holder of the engine's mutable runtime rows. They are plain data; every change goes
 * through {@code io.banshi.engine.internal.processing.StateWriter}.
 */
public final class Entities {

	private Entities() {
	}

	/** A row of {@code eng_run_process_instance}. */
	public static final class ProcessInstance {

		public long key;

		public long processDefinitionKey;

		public String bpmnProcessId;

		public int version;

		public String state;

		public long startTime;

		public Long endTime;

	}

	/** A row of {@code eng_run_element_instance}. */
	public static final class ElementInstance {

		public long key;

		public long processInstanceKey;

		/** The enclosing scope's key; 0 for the process element instance itself. */
		public long flowScopeKey;

		public String elementId;

		public String elementType;

		public ElementStatus state;

		/**
		 * Sequence flows waiting at parallel joins in this scope:
		 * {@code flowId -> count}.
		 */
		public java.util.Map<String, Integer> takenFlows = new java.util.LinkedHashMap<>();

		public long startTime;

	}

	/** A row of {@code eng_run_job}. */
	public static final class Job {

		public long key;

		public String type;

		public JobStatus state;

		public long processInstanceKey;

		public long elementInstanceKey;

		public String elementId;

		public String bpmnProcessId;

		public long processDefinitionKey;

		public int version;

		public int retries;

		public String worker;

		public Long deadline;

		public Long retryAt;

		public String errorMessage;

		public String customHeaders;

		public long createdAt;

		/**
		 * {@code START} or {@code END} for an execution listener's job, {@code null} for
		 * the element's own job.
		 */
		public String listenerEventType;

		/** The listener's position among the element's listeners of its event type. */
		public Integer listenerIndex;

		public boolean isExecutionListener() {
			return this.listenerEventType != null;
		}

	}

	/** A row of {@code eng_run_incident}. */
	public static final class Incident {

		public long key;

		public long processInstanceKey;

		public long elementInstanceKey;

		public String elementId;

		public String bpmnProcessId;

		public Long jobKey;

		public String errorType;

		public String errorMessage;

		public long createdAt;

	}

	/** A row of {@code eng_run_timer}. */
	public static final class Timer {

		public long key;

		/** {@code null} for a timer start event. */
		public Long processInstanceKey;

		/**
		 * The waiting element's (or the activity's) instance; {@code null} for a start.
		 */
		public Long elementInstanceKey;

		public long processDefinitionKey;

		public String targetElementId;

		public long dueAt;

		/** Firings left, counting the next; -1 for ever. */
		public int repetitions;

		public long intervalMillis;

	}

	/** A row of {@code eng_run_message_subscription}. */
	public static final class MessageSubscription {

		public long key;

		public long processDefinitionKey;

		public long processInstanceKey;

		public long elementInstanceKey;

		public String targetElementId;

		public String messageName;

		public String correlationKey;

	}

	/** A row of {@code eng_run_message}. */
	public static final class Message {

		public long key;

		public String name;

		public String correlationKey;

		public String messageId;

		/** The variables as JSON, or {@code null}. */
		public String variables;

		public long publishedAt;

		public long expiresAt;

	}

	/**
	 * A row of {@code eng_hist_event}.
	 *
	 * @param time when
	 * @param processInstanceKey the process instance
	 * @param bpmnProcessId the process id
	 * @param entity ELEMENT, JOB, INCIDENT, VARIABLE or PROCESS
	 * @param entityKey the key of the element instance, job, incident or scope
	 * @param elementId the BPMN element id, if any
	 * @param elementType the element type, if any
	 * @param event the lifecycle event
	 * @param stateBefore the state before
	 * @param stateAfter the state after
	 * @param actor who caused it: a worker, {@code client} or {@code engine}
	 * @param detail more: an error message, a variable's name and value
	 */
	public record HistoryEvent(long time, long processInstanceKey, String bpmnProcessId, String entity, long entityKey,
			String elementId, String elementType, String event, String stateBefore, String stateAfter, String actor,
			String detail) {
	}

}
