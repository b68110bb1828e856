package io.banshi.admin.incidents;

import java.time.Clock;

import io.banshi.admin.console.AuditLog;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Incidents grouped by error message, journeys waiting on one element longer than a
 * threshold, jobs whose activation timed out again and again, and the latest actions ops
 * took.
 */
@Controller
class IncidentsController {

	static final String VIEW_INCIDENTS = "incidents/index";

	private static final int LIMIT = 100;

	private final StuckWorkRepository stuck;

	private final AuditLog audit;

	private final Clock clock = Clock.systemUTC();

	IncidentsController(StuckWorkRepository stuck, AuditLog audit) {
		this.stuck = stuck;
		this.audit = audit;
	}

	@GetMapping("/incidents")
	String incidents(@RequestParam(defaultValue = "60") int waitingMinutes,
			@RequestParam(defaultValue = "2") int minTimeouts, Model model) {
		int minutes = Math.max(0, waitingMinutes);
		int timeouts = Math.max(1, minTimeouts);
		model.addAttribute("waitingMinutes", minutes);
		model.addAttribute("minTimeouts", timeouts);
		model.addAttribute("groups", this.stuck.incidentGroups(LIMIT));
		model.addAttribute("waiting", this.stuck.waitingSince(this.clock.millis() - minutes * 60_000L, LIMIT));
		model.addAttribute("timedOut", this.stuck.timedOutJobs(timeouts, LIMIT));
		model.addAttribute("actions", this.audit.latest(20));
		return VIEW_INCIDENTS;
	}

}
