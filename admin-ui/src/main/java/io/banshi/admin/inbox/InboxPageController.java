package io.banshi.admin.inbox;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The inbox panel of the errand page: the logged-in person's reminders and notifications,
 * newest first. The page loads it, and loads it again when one of the person's errands
 * changes.
 */
@Controller
class InboxPageController {

	static final String VIEW_PANEL = "inbox/panel :: panel";

	/** The panel shows the newest messages; the API lists all. */
	static final int PANEL_SIZE = 30;

	private final InboxRepository inbox;

	InboxPageController(InboxRepository inbox) {
		this.inbox = inbox;
	}

	@GetMapping("/inbox/panel")
	String showPanel(Authentication user, Model model) {
		model.addAttribute("messages", this.inbox.of(user.getName()).stream().limit(PANEL_SIZE).toList());
		return VIEW_PANEL;
	}

}
