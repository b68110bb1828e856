package io.banshi.admin.dashboard;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The dashboard page and the figures its charts fetch.
 */
@Controller
class DashboardController {

	static final String VIEW_DASHBOARD = "dashboard/index";

	private static final long MINUTE = 60_000L;

	private final DashboardRepository figures;

	private final Clock clock = Clock.systemUTC();

	DashboardController(DashboardRepository figures) {
		this.figures = figures;
	}

	@GetMapping("/dashboard")
	String dashboard() {
		return VIEW_DASHBOARD;
	}

	@GetMapping("/dashboard/data")
	@ResponseBody
	DashboardData data(@RequestParam(defaultValue = "60") int minutes) {
		int span = Math.max(1, Math.min(minutes, 24 * 60));
		long thisMinute = this.clock.millis() / MINUTE;
		long first = thisMinute - span + 1;
		long since = first * MINUTE;
		Map<Long, Long> started = this.figures.startedPerMinute(since);
		Map<Long, Long> completed = this.figures.completedPerMinute(since);
		Map<Long, Long> failed = this.figures.failedPerMinute(since);
		List<Long> labels = new ArrayList<>();
		List<Long> startedSeries = new ArrayList<>();
		List<Long> completedSeries = new ArrayList<>();
		List<Long> failedSeries = new ArrayList<>();
		for (long minute = first; minute <= thisMinute; minute++) {
			labels.add(minute * MINUTE);
			startedSeries.add(started.getOrDefault(minute, 0L));
			completedSeries.add(completed.getOrDefault(minute, 0L));
			failedSeries.add(failed.getOrDefault(minute, 0L));
		}
		return new DashboardData(labels, startedSeries, completedSeries, failedSeries,
				this.figures.stepLatency(since, 10), this.figures.topIncidents(10));
	}

}
