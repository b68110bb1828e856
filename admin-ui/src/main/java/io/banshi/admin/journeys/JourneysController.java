package io.banshi.admin.journeys;

import java.util.List;
import java.util.stream.Collectors;

import io.banshi.engine.query.Page;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The journey list with its filters, one journey's page, and the actions ops take on one
 * journey or on a filtered selection.
 */
@Controller
class JourneysController {

	static final String VIEW_LIST = "journeys/list";

	static final String VIEW_LIST_RESULTS = "journeys/list :: results";

	static final String VIEW_JOURNEY = "journeys/journey";

	static final String VIEW_BULK = "journeys/bulk";

	static final String VIEW_BULK_PROGRESS = "journeys/bulk :: progress";

	private final JourneyRepository journeys;

	private final JourneyService service;

	private final JourneyActions actions;

	private final BulkOperations bulk;

	JourneysController(JourneyRepository journeys, JourneyService service, JourneyActions actions,
			BulkOperations bulk) {
		this.journeys = journeys;
		this.service = service;
		this.actions = actions;
		this.bulk = bulk;
	}

	@GetMapping("/journeys")
	String list(@ModelAttribute("filter") JourneyFilter filter,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
		List<JourneyFilter.Problem> problems = filter.problems();
		Page<JourneyRow> page = problems.isEmpty() ? this.journeys.find(filter, JourneyFilter.PAGE_SIZE)
				: new Page<>(List.of(), 0, 0, JourneyFilter.PAGE_SIZE);
		model.addAttribute("problems", problems);
		model.addAttribute("page", page);
		model.addAttribute("pages", Math.max(1, (page.total() + page.size() - 1) / page.size()));
		model.addAttribute("counts", problems.isEmpty() ? this.journeys.countByState(filter) : JourneyState.none());
		model.addAttribute("states", JourneyState.values());
		model.addAttribute("processIds", this.journeys.processIds());
		return (htmx != null) ? VIEW_LIST_RESULTS : VIEW_LIST;
	}

	@GetMapping("/journeys/{key}")
	String journey(@PathVariable long key, Model model) {
		Journey journey = this.service.find(key);
		if (journey == null) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No journey " + key);
		}
		model.addAttribute("journey", journey);
		return VIEW_JOURNEY;
	}

	@GetMapping(path = "/journeys/{key}/diagram", produces = MediaType.APPLICATION_XML_VALUE)
	@ResponseBody
	ResponseEntity<String> diagram(@PathVariable long key) {
		String xml = this.service.diagram(key);
		return (xml != null) ? ResponseEntity.ok(xml) : ResponseEntity.notFound().build();
	}

	@PostMapping("/journeys/{key}/retry")
	String processRetryForm(@PathVariable long key, @RequestParam(defaultValue = "3") int retries, Authentication who,
			RedirectAttributes redirect) {
		report(redirect, this.actions.retry(key, Math.max(1, retries), who.getName()), "journeys.retry.done");
		return "redirect:/journeys/" + key;
	}

	@PostMapping("/journeys/{key}/variables")
	String processVariablesForm(@PathVariable long key, @RequestParam String variables,
			@RequestParam(required = false) Long scope, @RequestParam(defaultValue = "false") boolean retry,
			Authentication who, RedirectAttributes redirect) {
		JourneyActions.Outcome outcome = this.actions.setVariables(key, scope, variables, who.getName());
		if (outcome.ok() && retry) {
			outcome = this.actions.retry(key, 3, who.getName());
		}
		report(redirect, outcome, retry ? "journeys.retry.done" : "journeys.variables.done");
		return "redirect:/journeys/" + key;
	}

	@PostMapping("/journeys/{key}/cancel")
	String processCancelForm(@PathVariable long key, Authentication who, RedirectAttributes redirect) {
		report(redirect, this.actions.cancel(key, who.getName()), "journeys.cancel.done");
		return "redirect:/journeys/" + key;
	}

	@PostMapping("/journeys/bulk")
	String processBulkForm(@ModelAttribute("filter") JourneyFilter filter, @RequestParam String action,
			Authentication who) {
		List<JourneyFilter.Problem> problems = filter.problems();
		if (!problems.isEmpty()) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "The filter has problems; nothing was done: "
					+ problems.stream().map(JourneyFilter.Problem::toString).collect(Collectors.joining("; ")));
		}
		String checked = JourneyActions.CANCEL.equals(action) ? JourneyActions.CANCEL : JourneyActions.RETRY;
		List<Long> keys = this.journeys.keys(filter, BulkOperations.MAX_TARGETS);
		BulkOperations.Progress progress = this.bulk.start(checked, keys, who.getName());
		return "redirect:/journeys/bulk/" + progress.id();
	}

	@GetMapping("/journeys/bulk/{id}")
	String bulk(@PathVariable String id, @RequestHeader(name = "HX-Request", required = false) String htmx,
			Model model) {
		BulkOperations.Progress progress = this.bulk.find(id);
		if (progress == null) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No bulk operation " + id);
		}
		model.addAttribute("progress", progress.status());
		return (htmx != null) ? VIEW_BULK_PROGRESS : VIEW_BULK;
	}

	private static void report(RedirectAttributes redirect, JourneyActions.Outcome outcome, String doneKey) {
		if (outcome.ok()) {
			redirect.addFlashAttribute("done", doneKey);
		}
		else {
			redirect.addFlashAttribute("failed", outcome.message());
		}
	}

}
