package io.banshi.admin.inbox;

import java.time.ZoneId;
import java.time.ZonedDateTime;

import org.springframework.beans.factory.annotation.Value;
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

	/** The zone messages are shown in. */
	private final ZoneId zone;

	InboxPageController(InboxRepository inbox, @Value("${banshi.errands.zone:Asia/Shanghai}") ZoneId zone) {
		this.inbox = inbox;
		this.zone = zone;
	}

	@GetMapping("/inbox/panel")
	String showPanel(Authentication user, Model model) {
		model.addAttribute("messages",
				this.inbox.of(user.getName())
					.stream()
					.limit(PANEL_SIZE)
					.map((message) -> new Line(message.kind(), message.text(), message.at().atZone(this.zone),
							message.errandId()))
					.toList());
		return VIEW_PANEL;
	}

	/**
	 * A message as the panel shows it.
	 *
	 * @param kind {@code reminder} or {@code notification}
	 * @param text what it says
	 * @param at when it arrived, in the zone errands are shown in
	 * @param errandId the errand that sent it
	 */
	record Line(String kind, String text, ZonedDateTime at, String errandId) {

	}

}
