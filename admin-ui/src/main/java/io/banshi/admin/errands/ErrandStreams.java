package io.banshi.admin.errands;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Pushes an errand to the pages that watch it, as server-sent events: an {@code errand}
 * event with its {@link ErrandView} as JSON on every change recorded
 * ({@link ErrandChanged}), and when the engine moves it to another step or ends it (which
 * nothing records until someone looks, so the watched errands are looked at every
 * {@link #LOOK_EVERY}). The stream ends after the event that says the errand ended, or
 * that it is gone (a dropped draft).
 *
 * <p>
 * All sending happens on one thread, so the events of one errand go out in order and a
 * slow reader never holds up a job worker.
 */
@Component
class ErrandStreams {

	/** How long a page's stream stays open; the browser opens a new one after. */
	static final Duration TIMEOUT = Duration.ofMinutes(10);

	static final Duration LOOK_EVERY = Duration.ofSeconds(1);

	static final String EVENT = "errand";

	private static final Logger log = LoggerFactory.getLogger(ErrandStreams.class);

	private final ErrandService service;

	private final ErrandRepository errands;

	private final ObjectMapper json;

	private final Map<String, Set<SseEmitter>> watchers = new ConcurrentHashMap<>();

	/** The last view sent for each watched errand, so that nothing is sent twice. */
	private final Map<String, String> sent = new ConcurrentHashMap<>();

	private final ScheduledExecutorService sender = Executors.newSingleThreadScheduledExecutor((task) -> {
		Thread thread = new Thread(task, "errand-streams");
		thread.setDaemon(true);
		return thread;
	});

	ErrandStreams(ErrandService service, ErrandRepository errands, ObjectMapper json) {
		this.service = service;
		this.errands = errands;
		this.json = json;
		this.sender.scheduleWithFixedDelay(this::lookAtWatched, LOOK_EVERY.toMillis(), LOOK_EVERY.toMillis(),
				TimeUnit.MILLISECONDS);
	}

	/**
	 * Opens a stream of an errand's changes; its first event is the errand as it is now.
	 * @param errand the errand, which the caller may see
	 * @return the stream
	 */
	SseEmitter open(Errand errand) {
		SseEmitter emitter = new SseEmitter(TIMEOUT.toMillis());
		String id = errand.id();
		this.watchers.computeIfAbsent(id, (key) -> new CopyOnWriteArraySet<>()).add(emitter);
		Runnable forget = () -> unwatch(id, emitter);
		emitter.onCompletion(forget);
		emitter.onTimeout(forget);
		emitter.onError((ex) -> forget.run());
		this.sender.execute(() -> {
			Optional<ErrandView> view = view(id);
			if (view.isEmpty()) {
				emitter.complete();
				return;
			}
			send(id, emitter, write(view.get()), ended(view.get()));
		});
		return emitter;
	}

	@EventListener
	void changed(ErrandChanged event) {
		if (this.watchers.containsKey(event.id())) {
			this.sender.execute(() -> {
				try {
					push(event.id());
				}
				catch (RuntimeException ex) {
					// The next look at the watched errands tries again.
					log.warn("Could not push errand {}: {}", event.id(), ex.toString());
				}
			});
		}
	}

	private void lookAtWatched() {
		try {
			List.copyOf(this.watchers.keySet()).forEach(this::push);
		}
		catch (RuntimeException ex) {
			// The next look tries again; a scheduled task that throws is never run again.
			log.warn("Could not look at watched errands: {}", ex.toString());
		}
	}

	private void push(String id) {
		Set<SseEmitter> emitters = this.watchers.get(id);
		if (emitters == null || emitters.isEmpty()) {
			return;
		}
		Optional<ErrandView> view = view(id);
		if (view.isEmpty()) {
			emitters.forEach(SseEmitter::complete);
			return;
		}
		String written = write(view.get());
		if (written.equals(this.sent.get(id))) {
			return;
		}
		this.sent.put(id, written);
		boolean ended = ended(view.get());
		emitters.forEach((emitter) -> send(id, emitter, written, ended));
	}

	/**
	 * Returns the errand as its page shows it, brought up to date with the engine (which
	 * records an ended instance, and so announces it).
	 */
	private Optional<ErrandView> view(String id) {
		return this.errands.find(id).map(this.service::view);
	}

	private void send(String id, SseEmitter emitter, String view, boolean ended) {
		try {
			emitter.send(SseEmitter.event().name(EVENT).data(view, MediaType.APPLICATION_JSON));
			if (ended) {
				emitter.complete();
			}
		}
		catch (IOException | IllegalStateException ex) {
			// The page went away; its stream is done.
			unwatch(id, emitter);
		}
	}

	private static boolean ended(ErrandView view) {
		return ErrandStatus.of(view.status()).ended();
	}

	private String write(ErrandView view) {
		try {
			return this.json.writeValueAsString(view);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("Cannot write errand " + view.id() + " as JSON", ex);
		}
	}

	private void unwatch(String id, SseEmitter emitter) {
		this.watchers.computeIfPresent(id, (key, emitters) -> {
			emitters.remove(emitter);
			if (emitters.isEmpty()) {
				this.sent.remove(id);
				return null;
			}
			return emitters;
		});
	}

	/**
	 * Ends every stream when the application closes: before the web server stops, since
	 * its graceful shutdown would otherwise wait for the open streams to end by
	 * themselves.
	 */
	@EventListener(ContextClosedEvent.class)
	void closing() {
		this.watchers.values().forEach((emitters) -> emitters.forEach(SseEmitter::complete));
	}

	@PreDestroy
	void close() {
		this.sender.shutdownNow();
		closing();
		this.watchers.clear();
	}

}
