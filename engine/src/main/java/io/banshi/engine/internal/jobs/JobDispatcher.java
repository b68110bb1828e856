package io.banshi.engine.internal.jobs;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import io.banshi.engine.EngineClock;
import io.banshi.engine.internal.processing.EngineListener;
import io.banshi.engine.internal.processing.JobStreams;
import io.banshi.engine.internal.state.Entities.Job;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands activatable jobs to the workers that wait for them: open job streams
 * (StreamActivatedJobs) first, then pending long polls (ActivateJobs). It reacts at once
 * when a command on this node creates jobs; {@link #pollAll()}, called by the scheduler,
 * picks up jobs that became activatable elsewhere (another node, an expired activation).
 */
public final class JobDispatcher implements EngineListener, JobStreams {

	private static final Logger logger = LoggerFactory.getLogger(JobDispatcher.class);

	private static final int STREAM_BATCH = 16;

	private final JobActivator activator;

	private final EngineClock clock;

	private final ExecutorService executor;

	private final Map<String, List<Stream>> streams = new ConcurrentHashMap<>();

	private final Map<String, Queue<Poll>> polls = new ConcurrentHashMap<>();

	private final Map<String, AtomicBoolean> scheduled = new ConcurrentHashMap<>();

	private final java.util.concurrent.atomic.AtomicInteger roundRobin = new java.util.concurrent.atomic.AtomicInteger();

	private final Map<Long, Consumer<Map<String, Object>>> instanceWaiters = new ConcurrentHashMap<>();

	public JobDispatcher(JobActivator activator, EngineClock clock, ExecutorService executor) {
		this.activator = activator;
		this.clock = clock;
		this.executor = executor;
	}

	/**
	 * Registers a job stream.
	 * @param type the job type
	 * @param worker the worker name
	 * @param timeoutMillis the activation timeout
	 * @param fetch the variables to fetch
	 * @param sink where jobs go
	 * @return a handle that removes the stream
	 */
	public Runnable openStream(String type, String worker, long timeoutMillis, List<String> fetch, JobSink sink) {
		Stream stream = new Stream(type, worker, timeoutMillis, fetch, sink);
		this.streams.computeIfAbsent(type, (k) -> new CopyOnWriteArrayList<>()).add(stream);
		schedule(type);
		return () -> this.streams.getOrDefault(type, List.of()).remove(stream);
	}

	/**
	 * Activates jobs now or, when there are none, waits up to {@code requestTimeout} for
	 * some (long polling).
	 * @param type the job type
	 * @param worker the worker
	 * @param timeoutMillis the activation timeout
	 * @param max the most jobs
	 * @param fetch the variables to fetch
	 * @param requestTimeoutMillis how long to wait; negative: do not wait
	 * @param cancelled tells whether the caller has gone away (then nothing is activated
	 * for it)
	 * @param respond receives the jobs (possibly none), exactly once
	 */
	public void activateJobs(String type, String worker, long timeoutMillis, int max, List<String> fetch,
			long requestTimeoutMillis, java.util.function.BooleanSupplier cancelled,
			Consumer<List<ActivatedJob>> respond) {
		List<ActivatedJob> jobs = this.activator.activate(type, worker, timeoutMillis, max, fetch);
		if (!jobs.isEmpty() || requestTimeoutMillis < 0) {
			respond.accept(jobs);
			return;
		}
		long wait = (requestTimeoutMillis == 0) ? 10_000 : requestTimeoutMillis;
		this.polls.computeIfAbsent(type, (k) -> new ConcurrentLinkedQueue<>())
			.add(new Poll(worker, timeoutMillis, max, fetch, this.clock.millis() + wait, cancelled, respond));
	}

	/**
	 * Waits for a process instance to end (CreateProcessInstanceWithResult).
	 * @param processInstanceKey the instance
	 * @param onEnd receives the root variables, or {@code null} when it was terminated
	 * @return a handle that stops waiting
	 */
	public Runnable awaitInstance(long processInstanceKey, Consumer<Map<String, Object>> onEnd) {
		this.instanceWaiters.put(processInstanceKey, onEnd);
		return () -> this.instanceWaiters.remove(processInstanceKey);
	}

	@Override
	public Target next(String type) {
		List<Stream> open = this.streams.get(type);
		if (open == null) {
			return null;
		}
		for (int attempt = 0; attempt < 3; attempt++) {
			int size = open.size();
			if (size == 0) {
				return null;
			}
			try {
				Stream stream = open.get(Math.floorMod(this.roundRobin.getAndIncrement(), size));
				if (stream.sink.isOpen()) {
					return stream;
				}
			}
			catch (IndexOutOfBoundsException ex) {
				// A stream closed meanwhile; try again.
			}
		}
		return null;
	}

	@Override
	public void jobsAvailable(Set<String> types) {
		types.forEach(this::schedule);
	}

	@Override
	public void instanceEnded(long processInstanceKey, String state, Map<String, Object> variables) {
		Consumer<Map<String, Object>> waiter = this.instanceWaiters.remove(processInstanceKey);
		if (waiter != null) {
			waiter.accept("COMPLETED".equals(state) ? variables : null);
		}
	}

	/**
	 * Tries every job type someone waits for; expires long polls that waited long enough.
	 */
	public void pollAll() {
		long now = this.clock.millis();
		for (Map.Entry<String, Queue<Poll>> entry : this.polls.entrySet()) {
			for (Iterator<Poll> it = entry.getValue().iterator(); it.hasNext();) {
				Poll poll = it.next();
				if (poll.deadline <= now && poll.done.compareAndSet(false, true)) {
					it.remove();
					poll.respond.accept(List.of());
				}
			}
		}
		this.streams.forEach((type, list) -> {
			if (!list.isEmpty()) {
				schedule(type);
			}
		});
		this.polls.forEach((type, queue) -> {
			if (!queue.isEmpty()) {
				schedule(type);
			}
		});
	}

	private void schedule(String type) {
		AtomicBoolean flag = this.scheduled.computeIfAbsent(type, (k) -> new AtomicBoolean());
		if (flag.compareAndSet(false, true)) {
			try {
				this.executor.execute(() -> {
					flag.set(false);
					try {
						dispatch(type);
					}
					catch (RuntimeException ex) {
						logger.warn("Dispatching jobs of type '{}' failed", type, ex);
					}
				});
			}
			catch (java.util.concurrent.RejectedExecutionException ex) {
				flag.set(false);
			}
		}
	}

	private void dispatch(String type) {
		List<Stream> open = this.streams.get(type);
		if (open == null) {
			open = new ArrayList<>();
		}
		open.removeIf((stream) -> !stream.sink.isOpen());
		boolean more = !open.isEmpty();
		while (more) {
			more = false;
			for (Stream stream : open) {
				List<ActivatedJob> jobs = this.activator.activate(type, stream.worker, stream.timeoutMillis,
						STREAM_BATCH, stream.fetch);
				for (ActivatedJob job : jobs) {
					if (!stream.sink.push(job)) {
						// The worker went away: its jobs time out and are handed out
						// again.
						open.remove(stream);
						break;
					}
				}
				more |= jobs.size() == STREAM_BATCH;
			}
		}
		Queue<Poll> queue = this.polls.get(type);
		if (queue == null) {
			return;
		}
		List<Poll> waiting = new ArrayList<>(queue);
		for (Poll poll : waiting) {
			if (poll.done.get() || poll.cancelled.getAsBoolean()) {
				poll.done.set(true);
				queue.remove(poll);
				continue;
			}
			List<ActivatedJob> jobs = this.activator.activate(type, poll.worker, poll.timeoutMillis, poll.max,
					poll.fetch);
			if (jobs.isEmpty()) {
				break;
			}
			if (poll.done.compareAndSet(false, true)) {
				queue.remove(poll);
				poll.respond.accept(jobs);
			}
		}
	}

	/** Answers every waiting long poll with no jobs (at shutdown). */
	public void close() {
		this.polls.values().forEach((queue) -> queue.forEach((poll) -> {
			if (poll.done.compareAndSet(false, true)) {
				poll.respond.accept(List.of());
			}
		}));
		this.polls.clear();
	}

	private record Stream(String type, String worker, long timeoutMillis, List<String> fetch,
			JobSink sink) implements Target {

		@Override
		public void push(Job job, Map<String, Object> variables) {
			this.sink.push(new ActivatedJob(job, variables));
		}

	}

	private static final class Poll {

		final String worker;

		final long timeoutMillis;

		final int max;

		final List<String> fetch;

		final long deadline;

		final java.util.function.BooleanSupplier cancelled;

		final Consumer<List<ActivatedJob>> respond;

		final AtomicBoolean done = new AtomicBoolean();

		Poll(String worker, long timeoutMillis, int max, List<String> fetch, long deadline,
				java.util.function.BooleanSupplier cancelled, Consumer<List<ActivatedJob>> respond) {
			this.cancelled = cancelled;
			this.worker = worker;
			this.timeoutMillis = timeoutMillis;
			this.max = max;
			this.fetch = fetch;
			this.deadline = deadline;
			this.respond = respond;
		}

	}

}
