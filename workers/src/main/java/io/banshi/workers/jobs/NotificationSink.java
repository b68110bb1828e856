package io.banshi.workers.jobs;

/**
 * Receives the reminders and notifications the {@code remind} and {@code notify} workers
 * send, for example to put them in the person's inbox. Optional: without a sink bean,
 * messages are only recorded by the {@code notify.message} plugin.
 */
public interface NotificationSink {

	/**
	 * Delivers a message. Called again with the same {@link Notification#key()} when a
	 * job is retried, so implementations should keep one message per key.
	 * @param notification the message
	 */
	void deliver(Notification notification);

}
