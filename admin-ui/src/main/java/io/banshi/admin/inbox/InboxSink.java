package io.banshi.admin.inbox;

import java.time.Clock;
import java.util.Optional;

import io.banshi.workers.jobs.Notification;
import io.banshi.workers.jobs.NotificationSink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Puts what the {@code remind} and {@code notify} workers send into the inbox of the
 * person whose errand sent it, once per message key (a retried job delivers again).
 * Messages of processes not started by the errand API have no inbox and are dropped.
 */
@Component
class InboxSink implements NotificationSink {

	private static final Logger log = LoggerFactory.getLogger(InboxSink.class);

	private final InboxRepository inbox;

	private final Clock clock = Clock.systemUTC();

	InboxSink(InboxRepository inbox) {
		this.inbox = inbox;
	}

	@Override
	public void deliver(Notification notification) {
		Optional<String[]> errand = this.inbox.errandOwner(notification.errandId(), notification.processInstanceKey());
		if (errand.isEmpty()) {
			log.debug("No errand for the {} of process instance {}; not put in any inbox", notification.kind(),
					notification.processInstanceKey());
			return;
		}
		this.inbox.add(notification.key(), errand.get()[1], errand.get()[0], notification.processInstanceKey(),
				notification.kind(), notification.text(), this.clock.instant());
	}

}
