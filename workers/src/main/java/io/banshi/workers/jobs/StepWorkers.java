package io.banshi.workers.jobs;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.banshi.workflows.compiler.BpmnPlanCompiler;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.worker.JobWorker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Opens one job worker per {@link StepHandler} on the Camunda client, with job streaming
 * enabled (jobs are pushed as soon as they can be activated; the worker still polls as a
 * fallback). Each job goes through {@link JobOutcomes#handle}: the handler's variables
 * complete it, a business failure is thrown as a BPMN error with its code, an exception
 * fails it with one retry less (then the engine raises an incident). One more worker
 * serves {@value BpmnPlanCompiler#ERRAND_ENDED}, the end listener of errand processes: it
 * tells the {@link StepObserver}s that the process ended ({@link JobOutcomes#ended}).
 *
 * <p>
 * The workers start with the application context, and only when a {@link CamundaClient}
 * bean exists: an application without one (no engine configured) starts cleanly and runs
 * no workers. They are closed before the client is.
 */
@Component
public class StepWorkers implements SmartLifecycle {

	/** How long a worker holds a job before the engine may hand it to another worker. */
	public static final Duration JOB_TIMEOUT = Duration.ofMinutes(1);

	/** How many jobs of one type a worker holds at once. */
	public static final int MAX_JOBS_ACTIVE = 32;

	private static final Logger log = LoggerFactory.getLogger(StepWorkers.class);

	private final ObjectProvider<CamundaClient> clients;

	private final Map<String, StepHandler> handlers = new LinkedHashMap<>();

	private final ObjectProvider<StepObserver> observers;

	private final List<JobWorker> open = new ArrayList<>();

	/**
	 * Creates the workers for the application's handlers.
	 * @param clients the Camunda client, when there is one
	 * @param handlers the step handlers, one per job type
	 * @param observers told what each step did (may be empty)
	 */
	@Autowired
	public StepWorkers(ObjectProvider<CamundaClient> clients, List<StepHandler> handlers,
			ObjectProvider<StepObserver> observers) {
		this.clients = clients;
		this.observers = observers;
		for (StepHandler handler : handlers) {
			StepHandler previous = this.handlers.put(handler.jobType(), handler);
			if (previous != null) {
				throw new IllegalStateException("Two handlers serve the job type '" + handler.jobType() + "': "
						+ previous.getClass().getName() + " and " + handler.getClass().getName());
			}
		}
	}

	/**
	 * Creates workers on a given client (for tests and applications that wire by hand).
	 * @param client the client
	 * @param handlers the step handlers, one per job type
	 * @param observers told what each step did
	 */
	public StepWorkers(CamundaClient client, List<StepHandler> handlers, List<StepObserver> observers) {
		this(new Fixed<>(List.of(client)), handlers, new Fixed<>(observers));
	}

	/**
	 * Returns the job types served.
	 * @return the job types, in the order the handlers were given
	 */
	public List<String> jobTypes() {
		return List.copyOf(this.handlers.keySet());
	}

	@Override
	public synchronized void start() {
		if (!this.open.isEmpty()) {
			return;
		}
		CamundaClient client = this.clients.getIfAvailable();
		if (client == null) {
			log.info("No Camunda client configured: the job workers ({}) do not run", this.handlers.keySet());
			return;
		}
		List<StepObserver> observers = this.observers.orderedStream().toList();
		for (StepHandler handler : this.handlers.values()) {
			this.open.add(client.newWorker()
				.jobType(handler.jobType())
				.handler((jobClient, job) -> JobOutcomes.handle(jobClient, job, handler, observers))
				.name("banshi-" + handler.jobType())
				.timeout(JOB_TIMEOUT)
				.maxJobsActive(MAX_JOBS_ACTIVE)
				.streamEnabled(true)
				.open());
		}
		// Always open, observers or not: an errand process cannot complete until its end
		// listener's job does.
		this.open.add(client.newWorker()
			.jobType(BpmnPlanCompiler.ERRAND_ENDED)
			.handler((jobClient, job) -> JobOutcomes.ended(jobClient, job, observers))
			.name("banshi-" + BpmnPlanCompiler.ERRAND_ENDED)
			.timeout(JOB_TIMEOUT)
			.maxJobsActive(MAX_JOBS_ACTIVE)
			.streamEnabled(true)
			.open());
		log.info("Job workers open for {} and {}", this.handlers.keySet(), BpmnPlanCompiler.ERRAND_ENDED);
	}

	@Override
	public synchronized void stop() {
		for (JobWorker worker : this.open) {
			worker.close();
		}
		this.open.clear();
	}

	@Override
	public synchronized boolean isRunning() {
		return !this.open.isEmpty();
	}

	/**
	 * Beans given directly rather than looked up in a context.
	 */
	private static final class Fixed<T> implements ObjectProvider<T> {

		private final List<T> beans;

		Fixed(List<T> beans) {
			this.beans = List.copyOf(beans);
		}

		@Override
		public T getObject(Object... args) {
			return getObject();
		}

		@Override
		public T getIfAvailable() {
			return this.beans.isEmpty() ? null : this.beans.get(0);
		}

		@Override
		public T getIfUnique() {
			return (this.beans.size() == 1) ? this.beans.get(0) : null;
		}

		@Override
		public T getObject() {
			if (this.beans.isEmpty()) {
				throw new IllegalStateException("No bean given");
			}
			return this.beans.get(0);
		}

		@Override
		public Stream<T> orderedStream() {
			return this.beans.stream();
		}

		@Override
		public Stream<T> stream() {
			return this.beans.stream();
		}

	}

}
