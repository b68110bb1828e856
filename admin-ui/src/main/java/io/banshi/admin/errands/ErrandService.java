package io.banshi.admin.errands;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import io.banshi.engine.query.EngineQueries;
import io.banshi.engine.query.QueryFilter;
import io.banshi.engine.query.Views;
import io.banshi.workers.order.ErrandOrders;
import io.banshi.workers.plugin.OrderReceipt;
import io.banshi.workflows.compiler.BpmnPlanCompiler;
import io.banshi.workflows.compiler.PlanCompiler;
import io.banshi.workflows.conversation.ConversationPlanner;
import io.banshi.workflows.plan.Plan;
import io.banshi.workflows.plan.PlanOutcome;
import io.banshi.workflows.plan.PlanRequest;
import io.banshi.workflows.plan.Planner;
import io.banshi.workflows.templates.TemplateMatch;
import io.banshi.workflows.templates.TemplateMatcher;
import io.banshi.workflows.validation.PlanValidator;
import io.banshi.workflows.validation.PlanViolation;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ClientStatusException;
import io.camunda.client.api.response.ProcessInstanceEvent;
import io.grpc.Status.Code;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Errands from a sentence to a running process and back: plan, validate, pick a template
 * or compile, deploy and start through the Camunda client; confirm by publishing the
 * message the process waits for; cancel the process and compensate what it ordered; and
 * say where an errand stands.
 */
@Service
class ErrandService {

	/**
	 * The capability messages are sent through; the order store records them, but they
	 * are not what a person ordered.
	 */
	private static final String MESSAGES = "notify.message";

	private static final Logger log = LoggerFactory.getLogger(ErrandService.class);

	private final Planner planner;

	private final PlanValidator validator;

	private final PlanCompiler compiler;

	private final ObjectProvider<TemplateMatcher> templates;

	private final ObjectProvider<CamundaClient> clients;

	private final ObjectProvider<EngineQueries> queries;

	private final ErrandRepository errands;

	private final ErrandOrders orders;

	/** How long a confirm waits; its answer is kept by the engine as long. */
	private final Duration confirmTimeout;

	private final ObjectProvider<ConversationPlanner> conversations;

	ErrandService(Planner planner, PlanValidator validator, PlanCompiler compiler,
			ObjectProvider<TemplateMatcher> templates, ObjectProvider<CamundaClient> clients,
			ObjectProvider<EngineQueries> queries, ErrandRepository errands, ErrandOrders orders,
			ObjectProvider<ConversationPlanner> conversations,
			@Value("${banshi.errands.confirm-timeout:PT24H}") Duration confirmTimeout) {
		this.conversations = conversations;
		this.confirmTimeout = confirmTimeout;
		this.planner = planner;
		this.validator = validator;
		this.compiler = compiler;
		this.templates = templates;
		this.clients = clients;
		this.queries = queries;
		this.errands = errands;
		this.orders = orders;
	}

	/**
	 * Plans an errand and starts it: {@link #draft} then {@link #run}.
	 * @throws ErrandException when it cannot be planned (422) or started (503)
	 */
	Started start(String owner, String text, OffsetDateTime now, ZoneId zone) {
		client(); // no engine: 503 before planning and recording anything
		Drafted drafted = draft(owner, text, now, zone, false);
		return new Started(run(drafted.errand()), drafted.plan());
	}

	/**
	 * Plans an errand and keeps it as a draft: its plan, the BPMN that will run (a
	 * published template the plan fits, or the plan compiled) and the variables it will
	 * start with. Nothing is deployed or started.
	 * @param conversation whether to plan in the owner's remembered conversation (so a
	 * follow-up keeps the previous plan's places and days) and remember this request
	 * @throws ErrandException when it cannot be planned: a question back or a refusal
	 * (422)
	 */
	Drafted draft(String owner, String text, OffsetDateTime now, ZoneId zone, boolean conversation) {
		PlanRequest request = new PlanRequest(text, now, zone, owner, null);
		ConversationPlanner remembering = conversation ? this.conversations.getIfAvailable() : null;
		PlanOutcome outcome = (remembering != null) ? remembering.plan(request) : this.planner.plan(request);
		if (outcome instanceof PlanOutcome.Clarify clarify) {
			throw ErrandException.clarify(clarify.question());
		}
		if (outcome instanceof PlanOutcome.Refuse refuse) {
			throw ErrandException.refuse(refuse.reason());
		}
		Plan plan = ((PlanOutcome.Planned) outcome).plan();
		List<PlanViolation> violations = this.validator.validate(plan);
		if (!violations.isEmpty()) {
			String listed = violations.stream().map(PlanViolation::toString).collect(Collectors.joining("; "));
			log.warn("The planner made a plan that is not valid: {}", listed);
			throw ErrandException.clarify(
					"我没能为这句话做出有效的计划，能换个说法再说一次吗？ I couldn't make a valid plan for that; could you say it another way?");
		}
		String id = UUID.randomUUID().toString();
		TemplateMatcher matcher = this.templates.getIfAvailable();
		TemplateMatch template = (matcher != null) ? matcher.match(plan).orElse(null) : null;
		String processId;
		String bpmn;
		Map<String, Object> variables = new HashMap<>();
		plan.slots().forEach(variables::put);
		variables.put("slots", plan.slots());
		if (template != null) {
			processId = template.processId();
			bpmn = template.bpmnXml();
			variables.putAll(template.variables());
		}
		else {
			processId = "errand_" + id.replace("-", "");
			bpmn = this.compiler.compile(plan, processId).bpmnXml();
		}
		variables.put("errandId", id);
		Errand errand = this.errands.create(id, owner, text, plan, processId,
				(template != null) ? template.key() + " v" + template.version() : null, bpmn, variables);
		return new Drafted(errand, plan);
	}

	/**
	 * Runs a draft: deploys the BPMN kept with it and starts it with the variables kept
	 * with it. It does not plan again, so what runs is what its owner saw.
	 * @return the errand, running
	 * @throws ErrandException when it is not a draft (any more) (409) or the engine does
	 * not run it (503)
	 */
	Errand run(Errand draft) {
		CamundaClient client = client();
		if (draft.bpmnXml() == null || !this.errands.claimDraft(draft.id())) {
			throw ErrandException.conflict("not_a_draft",
					"Errand " + draft.id() + " is not a plan waiting to run: it runs already, ran, or was dropped");
		}
		try {
			client.newDeployResourceCommand()
				.addResourceStringUtf8(draft.bpmnXml(), draft.processId() + ".bpmn")
				.send()
				.join();
			ProcessInstanceEvent instance = client.newCreateInstanceCommand()
				.bpmnProcessId(draft.processId())
				.latestVersion()
				.variables(draft.variables())
				.send()
				.join();
			this.errands.started(draft.id(), draft.processId(), instance.getProcessInstanceKey(), draft.templateKey());
			return this.errands.find(draft.id()).orElseThrow();
		}
		catch (ClientStatusException ex) {
			String why = "The engine did not run the errand's process: " + ex.getMessage();
			log.warn("Errand {} could not start: {}", draft.id(), ex.getMessage());
			this.errands.update(draft.id(), (errand) -> errand.with(ErrandStatus.FAILED, null, errand.results(),
					List.of(), "ENGINE_" + ex.getStatusCode().name(), why));
			throw ErrandException.unavailable("engine_refused", why).forErrand(draft.id());
		}
	}

	/**
	 * Drops a draft: it is deleted and nothing ran.
	 * @throws ErrandException when it is not a draft (any more) (409)
	 */
	void drop(Errand draft) {
		if (!this.errands.deleteDraft(draft.id())) {
			throw ErrandException.conflict("not_a_draft",
					"Errand " + draft.id() + " is not a plan waiting to run: it runs already, ran, or was dropped");
		}
	}

	/**
	 * Forgets what a person said: their conversation memory, the texts of their errands
	 * and their drafts. Running errands keep running; orders and inbox messages stay.
	 * @return what was forgotten
	 */
	Forgotten forget(String owner) {
		ConversationPlanner conversation = this.conversations.getIfAvailable();
		int remembered = 0;
		if (conversation != null) {
			remembered = conversation.history(owner).size();
			conversation.clear(owner);
		}
		ErrandRepository.Forgotten texts = this.errands.forgetTexts(owner);
		log.info("Forgot what {} said: {} remembered requests, {} errand texts, {} drafts", owner, remembered,
				texts.texts().size(), texts.drafts().size());
		return new Forgotten(remembered, texts.texts().size(), texts.drafts().size());
	}

	/**
	 * Returns an errand as its owner sees it, its status brought up to date.
	 */
	ErrandView view(Errand errand) {
		Errand current = refresh(errand);
		List<Map<String, Object>> orders = (current.processInstanceKey() != null)
				? this.orders.of(current.processInstanceKey())
					.stream()
					.filter((order) -> !MESSAGES.equals(order.capability()))
					.map(OrderReceipt::toMap)
					.toList()
				: List.of();
		List<Map<String, Object>> options = (current.status() == ErrandStatus.WAITING_CONFIRM) ? current.offered()
				: List.of();
		String currentStep = currentStep(current);
		return new ErrandView(current.id(), current.text(), current.status().value(), currentStep, options,
				results(current), orders, current.createdAt(), current.updatedAt());
	}

	/**
	 * Publishes the person's answer to the confirm the errand waits at.
	 * @param option the option picked (from 1), or {@code null} when declined
	 */
	ErrandView confirm(Errand errand, Integer option) {
		Errand current = refresh(errand);
		if (current.status() != ErrandStatus.WAITING_CONFIRM) {
			throw ErrandException.conflict("not_waiting",
					"Errand " + current.id() + " is " + current.status().value() + ", not waiting for a confirmation");
		}
		if (option != null && (option < 1 || option > current.offered().size())) {
			throw ErrandException.badRequest("option_out_of_range", "option", "option must be between 1 and "
					+ current.offered().size() + " (the options offered), but was " + option);
		}
		Map<String, Object> confirmation = (option != null) ? Map.of("option", option) : Map.of("declined", true);
		// The answer goes to the confirm whose options were shown, under its own key:
		// a confirm waiting on a parallel branch never takes it.
		String step = current.offeredStep();
		// Recorded before the engine hears it: a declined errand's process ends at once,
		// and whoever sees it end (its end listener, a reader) must find it declined.
		Errand confirmed = this.errands.update(current.id(), (e) -> {
			Map<String, Object> results = new LinkedHashMap<>(e.results());
			results.put("confirmation", confirmation);
			if (option == null) {
				return e.with(ErrandStatus.CANCELED, e.currentStep(), results, List.of(), e.errorCode(),
						e.errorMessage());
			}
			List<Map<String, Object>> pending = e.options()
				.stream()
				.filter((confirm) -> !step.equals(confirm.get("step")))
				.toList();
			return e.with(pending.isEmpty() ? ErrandStatus.RUNNING : ErrandStatus.WAITING_CONFIRM, e.currentStep(),
					results, pending, e.errorCode(), e.errorMessage());
		}).orElseThrow();
		try {
			client().newPublishMessageCommand()
				.messageName(BpmnPlanCompiler.CONFIRMED_MESSAGE)
				.correlationKey(BpmnPlanCompiler.confirmationKey(current.id(), step))
				// The answer may come before the confirm's wait has begun (it is offered
				// as the confirm job completes): kept, not dropped, for as long as a
				// confirm waits.
				.timeToLive(this.confirmTimeout)
				.variables(Map.of("confirmation", confirmation))
				.send()
				.join();
		}
		catch (ClientStatusException | ErrandException ex) {
			// Not taken: the errand waits at its confirm as before.
			this.errands.update(current.id(), (e) -> e.with(current.status(), e.currentStep(), current.results(),
					current.options(), e.errorCode(), e.errorMessage()));
			if (ex instanceof ErrandException refused) {
				throw refused;
			}
			throw ErrandException.unavailable("engine_refused",
					"The engine did not take the confirmation: " + ex.getMessage());
		}
		return view(confirmed);
	}

	/**
	 * Cancels an errand's process and compensates what it ordered. Canceling again
	 * changes nothing.
	 */
	ErrandView cancel(Errand errand) {
		if (errand.processInstanceKey() != null) {
			Errand current = refresh(errand);
			if (!current.status().ended()) {
				try {
					client().newCancelInstanceCommand(errand.processInstanceKey()).send().join();
				}
				catch (ClientStatusException ex) {
					// An instance that ended meanwhile has nothing left to cancel.
					if (ex.getStatusCode() != Code.NOT_FOUND) {
						throw ErrandException.unavailable("engine_refused",
								"The engine did not cancel the errand: " + ex.getMessage());
					}
				}
			}
			this.orders.cancelAll(errand.processInstanceKey());
		}
		Errand canceled = this.errands
			.update(errand.id(), (e) -> e.with(ErrandStatus.CANCELED, e.currentStep(), e.results(), List.of(),
					e.errorCode(), e.errorMessage()))
			.orElseThrow();
		return view(canceled);
	}

	private CamundaClient client() {
		CamundaClient client = this.clients.getIfAvailable();
		if (client == null) {
			throw ErrandException.unavailable("no_engine",
					"No engine is configured (engine.embedded=false and no camunda.client settings): errands cannot run");
		}
		return client;
	}

	/**
	 * Brings the status up to date with the engine (when it is embedded): an instance
	 * that ended has completed, failed (a business error stopped it) or was canceled
	 * (declined or terminated). Errand processes tell their end through their end
	 * listener ({@link ErrandStepRecorder#ended}) on any engine; this read of the
	 * embedded engine's tables remains for processes without the listener (deployed
	 * before it) and for cancellation, where no end listener runs.
	 */
	private Errand refresh(Errand errand) {
		EngineQueries engine = this.queries.getIfAvailable();
		if (engine == null || errand.processInstanceKey() == null || errand.status().ended()) {
			return errand;
		}
		List<Views.ProcessInstance> instances = engine
			.processInstances(QueryFilter.any().withProcessInstanceKey(errand.processInstanceKey()), 0, 1)
			.items();
		if (instances.isEmpty() || instances.get(0).state().equals("ACTIVE")) {
			return errand;
		}
		boolean terminated = instances.get(0).state().equals("TERMINATED");
		return this.errands
			.update(errand.id(),
					(e) -> e.status().ended() ? e
							: e.withStatus(ErrandStatus.endedAs(terminated, e.errorCode(), e.results())))
			.orElse(errand);
	}

	private String currentStep(Errand errand) {
		EngineQueries engine = this.queries.getIfAvailable();
		if (engine != null && errand.processInstanceKey() != null && !errand.status().ended()) {
			List<Views.ElementInstance> active = engine
				.elementInstances(QueryFilter.any().withProcessInstanceKey(errand.processInstanceKey()), 0, 50)
				.items()
				.stream()
				.filter((element) -> !element.elementType().equals("PROCESS")
						&& !element.elementType().equals("SUB_PROCESS"))
				.toList();
			if (!active.isEmpty()) {
				return active.get(active.size() - 1).elementId();
			}
		}
		return errand.currentStep();
	}

	private static Map<String, Object> results(Errand errand) {
		Map<String, Object> results = new LinkedHashMap<>(errand.results());
		if (errand.errorCode() != null) {
			results.put("error", Map.of("code", errand.errorCode(), "message",
					(errand.errorMessage() != null) ? errand.errorMessage() : errand.errorCode()));
		}
		return results;
	}

	/**
	 * A started errand and its plan.
	 */
	record Started(Errand errand, Plan plan) {

	}

	/**
	 * A planned errand, not started, and its plan.
	 */
	record Drafted(Errand errand, Plan plan) {

	}

	/**
	 * What {@link #forget(String)} forgot.
	 *
	 * @param requests the requests of the conversation memory
	 * @param texts the errands whose text was emptied
	 * @param drafts the drafts deleted
	 */
	record Forgotten(int requests, int texts, int drafts) {

	}

}
