package io.banshi.admin.journeys;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import io.banshi.admin.console.AuditEntry;
import io.banshi.admin.console.AuditLog;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Runs one action over many journeys in the background, one journey at a time, and keeps
 * its progress for the page to poll. Progress lives in memory: a restart forgets running
 * bulk operations, while the audit log keeps what each one did.
 */
@Component
class BulkOperations implements DisposableBean {

	static final int MAX_TARGETS = 10_000;

	private final JourneyActions actions;

	private final AuditLog audit;

	private final Map<String, Progress> running = new ConcurrentHashMap<>();

	private final ExecutorService executor = Executors.newSingleThreadExecutor((task) -> {
		Thread thread = new Thread(task, "banshi-bulk");
		thread.setDaemon(true);
		return thread;
	});

	BulkOperations(JourneyActions actions, AuditLog audit) {
		this.actions = actions;
		this.audit = audit;
	}

	/**
	 * Starts an action over the journeys.
	 * @param action {@link JourneyActions#RETRY} or {@link JourneyActions#CANCEL}
	 * @param keys the journeys
	 * @param actor who asks
	 * @return the progress, to poll
	 */
	Progress start(String action, List<Long> keys, String actor) {
		Progress progress = new Progress(UUID.randomUUID().toString(), action, keys.size());
		this.running.put(progress.id(), progress);
		this.executor.submit(() -> {
			for (long key : keys) {
				JourneyActions.Outcome outcome = JourneyActions.CANCEL.equals(action) ? this.actions.cancel(key, actor)
						: this.actions.retry(key, 3, actor);
				(outcome.ok() ? progress.done : progress.failed).incrementAndGet();
			}
			this.audit.record(actor, "BULK_" + action, "BULK", keys.size(), progress.id(),
					(progress.failed.get() == 0) ? AuditEntry.OK : AuditEntry.FAILED,
					progress.done.get() + " done, " + progress.failed.get() + " failed");
		});
		return progress;
	}

	/**
	 * A bulk operation's progress.
	 * @param id the id {@link #start} returned
	 * @return the progress, or {@code null}
	 */
	Progress find(String id) {
		return this.running.get(id);
	}

	@Override
	public void destroy() {
		this.executor.shutdownNow();
	}

	/**
	 * A bulk operation's counts at one moment.
	 *
	 * @param id the operation
	 * @param action what it does
	 * @param total how many journeys it covers
	 * @param done how many it has done
	 * @param failed how many the engine refused
	 */
	public record Status(String id, String action, int total, int done, int failed) {

		public boolean finished() {
			return this.done + this.failed >= this.total;
		}

		public int percent() {
			return (this.total == 0) ? 100 : (int) (100L * (this.done + this.failed) / this.total);
		}

	}

	/** How far a bulk operation has come. */
	public static final class Progress {

		private final String id;

		private final String action;

		private final int total;

		final AtomicInteger done = new AtomicInteger();

		final AtomicInteger failed = new AtomicInteger();

		Progress(String id, String action, int total) {
			this.id = id;
			this.action = action;
			this.total = total;
		}

		public String id() {
			return this.id;
		}

		public String action() {
			return this.action;
		}

		public int total() {
			return this.total;
		}

		/**
		 * The counts as of now, read once so a page shows one consistent state.
		 * @return the status
		 */
		public Status status() {
			int failed = this.failed.get();
			int done = this.done.get();
			return new Status(this.id, this.action, this.total, done, failed);
		}

	}

}
