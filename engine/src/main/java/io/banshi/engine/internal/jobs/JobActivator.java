package io.banshi.engine.internal.jobs;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.banshi.engine.EngineClock;
import io.banshi.engine.internal.state.Entities.HistoryEvent;
import io.banshi.engine.internal.state.Entities.Job;
import io.banshi.engine.internal.state.HistoryWriter;
import io.banshi.engine.internal.state.JobRepository;
import io.banshi.engine.internal.state.Transactions;

/**
 * Activates jobs and releases expired activations and finished back-offs, each in one
 * short transaction (see {@link JobRepository} for the locking).
 */
public final class JobActivator {

	private final Transactions transactions;

	private final EngineClock clock;

	private final JobRepository repository = new JobRepository();

	public JobActivator(Transactions transactions, EngineClock clock) {
		this.transactions = transactions;
		this.clock = clock;
	}

	/**
	 * Activates up to {@code max} jobs of a type for a worker.
	 * @param type the job type
	 * @param worker the worker's name
	 * @param timeoutMillis how long the worker has before the activation expires
	 * @param max the most jobs
	 * @param fetch the variables to fetch (empty: all)
	 * @return the activated jobs, possibly none
	 */
	public List<ActivatedJob> activate(String type, String worker, long timeoutMillis, int max,
			Collection<String> fetch) {
		long now = this.clock.millis();
		return this.transactions.inTransaction((connection) -> {
			List<HistoryEvent> history = new ArrayList<>();
			List<Job> jobs = this.repository.activate(connection, type, max, worker, now + timeoutMillis, now, history);
			if (jobs.isEmpty()) {
				return List.of();
			}
			Map<Long, Map<String, Object>> variables = this.repository.variablesFor(connection, jobs, fetch);
			HistoryWriter.write(connection, history);
			List<ActivatedJob> activated = new ArrayList<>(jobs.size());
			for (Job job : jobs) {
				activated.add(new ActivatedJob(job, variables.getOrDefault(job.key, Map.of())));
			}
			return activated;
		});
	}

	/**
	 * Makes jobs activatable again whose activation expired or whose back-off ended.
	 * @param now the engine clock's time
	 * @return the types of those jobs
	 */
	public Set<String> releaseDueJobs(long now) {
		return this.transactions.inTransaction((connection) -> {
			List<HistoryEvent> history = new ArrayList<>();
			Set<String> types = this.repository.releaseDueJobs(connection, now, 500, history);
			HistoryWriter.write(connection, history);
			return types;
		});
	}

}
