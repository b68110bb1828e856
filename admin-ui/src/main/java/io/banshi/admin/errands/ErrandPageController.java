package io.banshi.admin.errands;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The errand page, where a person says an errand, sees its plan and diagram, runs or
 * drops it, follows it live, picks an option at its confirm, reads their inbox and clears
 * their history. Each person sees only their own errands: another's answers 404, as if it
 * did not exist.
 */
@Controller
class ErrandPageController {

	static final String VIEW_INDEX = "errands/index";

	static final String VIEW_ERRAND = "errands/errand";

	static final String VIEW_LIVE = "errands/errand :: live";

	static final String VIEW_CLEAR = "errands/clear";

	static final int LIST_SIZE = 50;

	private static final Logger log = LoggerFactory.getLogger(ErrandPageController.class);

	private final ErrandService service;

	private final ErrandRepository errands;

	private final ErrandStreams streams;

	/** The zone errands are said and shown in. */
	private final ZoneId zone;

	ErrandPageController(ErrandService service, ErrandRepository errands, ErrandStreams streams,
			@Value("${banshi.errands.zone:Asia/Shanghai}") ZoneId zone) {
		this.service = service;
		this.errands = errands;
		this.streams = streams;
		this.zone = zone;
	}

	@GetMapping("/errands")
	String initPlanForm(Authentication user, Model model) {
		model.addAttribute("errands",
				this.errands.ofOwner(user.getName(), LIST_SIZE)
					.stream()
					.map((errand) -> new ErrandPage.Row(errand.id(), errand.text(), errand.status().value(),
							errand.createdAt().atZone(this.zone)))
					.toList());
		if (!model.containsAttribute("text")) {
			model.addAttribute("text", "");
		}
		return VIEW_INDEX;
	}

	@PostMapping("/errands")
	String processPlanForm(@RequestParam(name = "text", required = false) String text, Authentication user,
			Model model) {
		String said = (text != null) ? text.strip() : "";
		model.addAttribute("text", (text != null) ? text : "");
		if (said.isEmpty()) {
			model.addAttribute("problem", "errands.problem.empty");
			return initPlanForm(user, model);
		}
		if (said.length() > ErrandController.MAX_TEXT) {
			model.addAttribute("problem", "errands.problem.tooLong");
			model.addAttribute("problemArgument", String.valueOf(ErrandController.MAX_TEXT));
			return initPlanForm(user, model);
		}
		try {
			Errand draft = this.service.draft(user.getName(), said, OffsetDateTime.now(this.zone), this.zone, true)
				.errand();
			return "redirect:/errands/" + draft.id();
		}
		catch (ErrandException ex) {
			// A question back or a refusal is the planner's answer, shown as such;
			// nothing is recorded.
			model.addAttribute("answer", ex.body());
			return initPlanForm(user, model);
		}
	}

	@GetMapping("/errands/{id}")
	String showErrand(@PathVariable String id, Authentication user, Model model) {
		Errand errand = own(id, user);
		model.addAttribute("page", ErrandPage.of(errand, this.service.view(errand)));
		return VIEW_ERRAND;
	}

	/**
	 * The live part of the errand page (status, current step, options, results, orders),
	 * fetched again whenever the event stream says the errand changed.
	 */
	@GetMapping("/errands/{id}/live")
	String showLive(@PathVariable String id, Authentication user, Model model) {
		Errand errand = own(id, user);
		model.addAttribute("page", ErrandPage.of(errand, this.service.view(errand)));
		return VIEW_LIVE;
	}

	@GetMapping(path = "/errands/{id}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	SseEmitter streamEvents(@PathVariable String id, Authentication user) {
		return this.streams.open(own(id, user));
	}

	@GetMapping(path = "/errands/{id}/diagram", produces = MediaType.APPLICATION_XML_VALUE)
	@ResponseBody
	ResponseEntity<String> showDiagram(@PathVariable String id, Authentication user) {
		Errand errand = own(id, user);
		if (errand.bpmnXml() == null) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "Errand " + id + " has no diagram");
		}
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_XML).body(errand.bpmnXml());
	}

	@PostMapping("/errands/{id}/run")
	String processRunForm(@PathVariable String id, Authentication user, RedirectAttributes redirect) {
		Errand errand = own(id, user);
		try {
			this.service.run(errand);
		}
		catch (ErrandException ex) {
			problem(redirect, ex);
		}
		return "redirect:/errands/" + id;
	}

	@PostMapping("/errands/{id}/drop")
	String processDropForm(@PathVariable String id, Authentication user, RedirectAttributes redirect) {
		Errand errand = own(id, user);
		try {
			this.service.drop(errand);
		}
		catch (ErrandException ex) {
			problem(redirect, ex);
			return "redirect:/errands/" + id;
		}
		redirect.addFlashAttribute("done", "errands.dropped");
		return "redirect:/errands";
	}

	@PostMapping("/errands/{id}/confirm")
	String processConfirmForm(@PathVariable String id, @RequestParam(name = "option", required = false) String option,
			@RequestParam(name = "decline", required = false) String decline, Authentication user,
			RedirectAttributes redirect) {
		Errand errand = own(id, user);
		boolean declined = "true".equals(decline);
		Integer picked = null;
		if (!declined) {
			try {
				picked = (option != null) ? Integer.valueOf(option.strip()) : null;
			}
			catch (NumberFormatException ex) {
				picked = null;
			}
			if (picked == null) {
				redirect.addFlashAttribute("problem", "errand.problem.pickOne");
				return "redirect:/errands/" + id;
			}
		}
		try {
			this.service.confirm(errand, picked);
			redirect.addFlashAttribute("done", declined ? "errand.declined" : "errand.picked");
		}
		catch (ErrandException ex) {
			problem(redirect, ex);
		}
		return "redirect:/errands/" + id;
	}

	@PostMapping("/errands/{id}/cancel")
	String processCancelForm(@PathVariable String id, Authentication user, RedirectAttributes redirect) {
		Errand errand = own(id, user);
		try {
			this.service.cancel(errand);
			redirect.addFlashAttribute("done", "errand.canceled");
		}
		catch (ErrandException ex) {
			problem(redirect, ex);
		}
		return "redirect:/errands/" + id;
	}

	@GetMapping("/errands/history/clear")
	String initClearForm(Authentication user, Model model) {
		List<Errand> mine = this.errands.ofOwner(user.getName(), Integer.MAX_VALUE);
		model.addAttribute("texts", mine.stream().filter((errand) -> !errand.text().isEmpty()).count());
		model.addAttribute("drafts", mine.stream().filter(Errand::draft).count());
		model.addAttribute("running",
				mine.stream().filter((errand) -> !errand.status().ended() && !errand.draft()).count());
		return VIEW_CLEAR;
	}

	@PostMapping("/errands/history/clear")
	String processClearForm(Authentication user, RedirectAttributes redirect) {
		ErrandService.Forgotten forgotten = this.service.forget(user.getName());
		redirect.addFlashAttribute("cleared", forgotten);
		return "redirect:/errands";
	}

	private Errand own(String id, Authentication user) {
		// Only its owner: the page is a person's own errands, not the ops console.
		return this.errands.find(id)
			.filter((errand) -> errand.owner().equals(user.getName()))
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "There is no errand " + id));
	}

	private static void problem(RedirectAttributes redirect, ErrandException ex) {
		// Said in the reader's language by its key; the API's English detail goes to the
		// log, for whoever looks after the service.
		log.info("Errand page action refused: {}", ex.body().message());
		redirect.addFlashAttribute("problem", "errand.problem." + ex.body().error().toLowerCase(Locale.ROOT));
	}

}
