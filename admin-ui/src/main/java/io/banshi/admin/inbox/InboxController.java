package io.banshi.admin.inbox;

import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/inbox}: the logged-in person's reminders and notifications, newest
 * first.
 */
@RestController
class InboxController {

	static final String PATH = "/api/inbox";

	private final InboxRepository inbox;

	InboxController(InboxRepository inbox) {
		this.inbox = inbox;
	}

	@GetMapping(path = PATH, produces = MediaType.APPLICATION_JSON_VALUE)
	List<InboxMessage> showInbox(Authentication user) {
		return this.inbox.of(user.getName());
	}

}
