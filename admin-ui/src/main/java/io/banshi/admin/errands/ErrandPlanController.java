package io.banshi.admin.errands;

import java.security.Principal;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.banshi.workflows.compiler.PlanCompiler;
import io.banshi.workflows.conversation.ConversationPlanner;
import io.banshi.workflows.plan.PlanOutcome;
import io.banshi.workflows.plan.PlanRequest;
import io.banshi.workflows.plan.Planner;
import io.banshi.workflows.templates.TemplateMatch;
import io.banshi.workflows.templates.TemplateMatcher;
import io.banshi.workflows.validation.PlanValidator;
import io.banshi.workflows.validation.PlanViolation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/errands/plan}: one sentence to a validated plan and its BPMN, a
 * question back, or a refusal. Plans only: nothing is deployed, started or ordered. Any
 * logged-in user may call it.
 */
@RestController
class ErrandPlanController {

	static final String PATH = "/api/errands/plan";

	private static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Shanghai");

	private static final Logger log = LoggerFactory.getLogger(ErrandPlanController.class);

	private final Planner planner;

	private final PlanValidator validator;

	private final PlanCompiler compiler;

	private final ObjectProvider<ConversationPlanner> conversations;

	private final ObjectProvider<TemplateMatcher> templates;

	ErrandPlanController(Planner planner, PlanValidator validator, PlanCompiler compiler,
			ObjectProvider<ConversationPlanner> conversations, ObjectProvider<TemplateMatcher> templates) {
		this.planner = planner;
		this.validator = validator;
		this.compiler = compiler;
		this.conversations = conversations;
		this.templates = templates;
	}

	@PostMapping(path = PATH, produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<?> plan(@RequestBody(required = false) PlanErrandRequest body, Principal principal) {
		PlanErrandRequest request = (body != null) ? body : new PlanErrandRequest(null, null, null, null, null);
		ZoneId zone;
		try {
			zone = (request.timezone() == null || request.timezone().isBlank()) ? DEFAULT_ZONE
					: ZoneId.of(request.timezone().strip());
		}
		catch (DateTimeException ex) {
			return badRequest("unknown_timezone", "timezone", "'" + request.timezone()
					+ "' is not a known time zone; expected an IANA name such as Asia/Shanghai or Europe/Berlin");
		}
		OffsetDateTime now;
		try {
			now = parseNow(request.now(), zone);
		}
		catch (DateTimeParseException ex) {
			return badRequest("invalid_now", "now", "'" + request.now()
					+ "' is not an ISO-8601 date-time; expected for example 2026-11-30T09:00:00+08:00");
		}
		String user = (principal != null) ? principal.getName() : null;
		PlanRequest planRequest = new PlanRequest(request.text(), now, zone, user, request.previousSlots());
		ConversationPlanner conversation = Boolean.TRUE.equals(request.conversation())
				? this.conversations.getIfAvailable() : null;
		PlanOutcome outcome = (conversation != null && user != null) ? conversation.plan(planRequest)
				: this.planner.plan(planRequest);
		return ResponseEntity.ok(answer(outcome));
	}

	private PlanErrandAnswer answer(PlanOutcome outcome) {
		if (outcome instanceof PlanOutcome.Clarify clarify) {
			return PlanErrandAnswer.clarify(clarify.question(), null);
		}
		if (outcome instanceof PlanOutcome.Refuse refuse) {
			return PlanErrandAnswer.refuse(refuse.reason());
		}
		PlanOutcome.Planned planned = (PlanOutcome.Planned) outcome;
		List<PlanViolation> violations = this.validator.validate(planned.plan());
		if (!violations.isEmpty()) {
			// A planner's mistake must not reach the person as a plan; ask rather than
			// fail.
			String listed = violations.stream().map(PlanViolation::toString).collect(Collectors.joining("; "));
			log.warn("The planner made a plan that is not valid: {}", listed);
			return PlanErrandAnswer.clarify(
					"我没能为这句话做出有效的计划，能换个说法再说一次吗？ I couldn't make a valid plan for that; could you say it another way?",
					"invalid plan: " + listed);
		}
		TemplateMatcher matcher = this.templates.getIfAvailable();
		TemplateMatch template = (matcher != null) ? matcher.match(planned.plan()).orElse(null) : null;
		if (template != null) {
			// A published template the plan fits is what would run; show that one.
			String note = "template " + template.key() + " v" + template.version();
			return PlanErrandAnswer.planned(planned.plan(), template.bpmnXml(),
					(planned.note() != null) ? planned.note() + " " + note : note);
		}
		String processId = "errand_" + UUID.randomUUID().toString().replace("-", "");
		String bpmn;
		try {
			bpmn = this.compiler.compile(planned.plan(), processId).bpmnXml();
		}
		catch (RuntimeException ex) {
			// A valid plan the compiler cannot draw is a bug to fix, not the person's
			// problem.
			log.error("Cannot compile the plan {}", planned.plan(), ex);
			return PlanErrandAnswer.clarify(
					"我没能为这句话做出可执行的流程，能换个说法再说一次吗？ I couldn't turn that into a process; could you say it another way?",
					"compile error: " + ex.getMessage());
		}
		return PlanErrandAnswer.planned(planned.plan(), bpmn, planned.note());
	}

	private static OffsetDateTime parseNow(String now, ZoneId zone) {
		if (now == null || now.isBlank()) {
			return OffsetDateTime.now(zone);
		}
		String value = now.strip();
		try {
			return OffsetDateTime.parse(value);
		}
		catch (DateTimeParseException ex) {
			// A local date-time is read in the request's time zone.
			return LocalDateTime.parse(value).atZone(zone).toOffsetDateTime();
		}
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	ResponseEntity<PlanErrandError> unreadable(HttpMessageNotReadableException ex) {
		String location = null;
		String detail = "the body must be a JSON object such as {\"text\": \"...\", \"now\": \"...\", \"timezone\": \"...\"}";
		if (ex.getCause() instanceof JsonProcessingException json) {
			JsonLocation at = json.getLocation();
			if (at != null && at.getLineNr() > 0) {
				location = "line " + at.getLineNr() + ", column " + at.getColumnNr();
			}
			detail = json.getOriginalMessage() + "; " + detail;
		}
		return ResponseEntity.status(HttpStatus.BAD_REQUEST)
			.contentType(MediaType.APPLICATION_JSON)
			.body(new PlanErrandError(400, "malformed_json", null, location, detail));
	}

	private static ResponseEntity<PlanErrandError> badRequest(String error, String field, String message) {
		return ResponseEntity.status(HttpStatus.BAD_REQUEST)
			.contentType(MediaType.APPLICATION_JSON)
			.body(new PlanErrandError(400, error, field, null, message));
	}

}
