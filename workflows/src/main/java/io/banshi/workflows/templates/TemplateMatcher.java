package io.banshi.workflows.templates;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.ServiceTask;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeHeader;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskHeaders;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import io.banshi.workflows.catalog.Capability;
import io.banshi.workflows.catalog.CapabilityCatalog;
import io.banshi.workflows.compiler.BpmnPlanCompiler;
import io.banshi.workflows.plan.Plan;
import io.banshi.workflows.plan.PlanStep;
import io.banshi.workflows.plan.StepKind;

/**
 * Picks the published template a plan fits, if one does, and fills its parameters from
 * the plan's slots.
 *
 * <p>
 * A plan fits a template when both do the same steps: the same kinds with the same
 * capabilities (compared by their catalog capability, so {@code travel.flight.search}
 * counts as {@code travel.flight}), as many of each, with any number of confirms on
 * either side, and reminders that repeat on both sides or on neither; and when the plan
 * has every required parameter, in a form its type accepts. A template's steps are the
 * service tasks of its BPMN whose {@code stepId} header is their own id (the
 * {@code notify} tasks on error paths carry the id of the step they report on). Templates
 * come from the database (the highest published version of each), reloaded after a
 * publication and every 30 seconds, or from the built-in files when there is no database.
 */
@Component
public class TemplateMatcher {

	private static final Duration RELOAD = Duration.ofSeconds(30);

	private final Supplier<List<TemplateVersion>> source;

	private final Supplier<Long> changes;

	private final BpmnPlanCompiler compiler;

	private final CapabilityCatalog catalog;

	private final ZoneId zone;

	private volatile Snapshot snapshot;

	private record Candidate(TemplateVersion version, List<String> signature) {

	}

	private record Snapshot(long changes, Instant loaded, List<Candidate> candidates) {

	}

	/**
	 * Creates a matcher over the templates in the database.
	 * @param repositories the template repository (the built-in files are used when there
	 * is none)
	 * @param catalogs the capability catalog (the built-in one when there is none)
	 * @param compiler the compiler, whose view of a plan (confirms inserted) is matched
	 * @param zone the zone local date-times are read in when the plan has no
	 * {@code timezone} slot
	 */
	@Autowired
	public TemplateMatcher(ObjectProvider<TemplateRepository> repositories, ObjectProvider<CapabilityCatalog> catalogs,
			BpmnPlanCompiler compiler, @Value("${banshi.errands.zone:Asia/Shanghai}") ZoneId zone) {
		TemplateRepository repository = repositories.getIfAvailable();
		this.source = (repository != null) ? repository::published : TemplateMatcher::builtIns;
		this.changes = (repository != null) ? repository::changes : () -> 0L;
		this.catalog = catalogs.getIfAvailable(CapabilityCatalog::builtIn);
		this.compiler = compiler;
		this.zone = zone;
	}

	/**
	 * Creates a matcher over the built-in template files.
	 * @param catalog the capability catalog
	 * @param compiler the compiler
	 * @param zone the default zone
	 * @return the matcher
	 */
	public static TemplateMatcher builtIn(CapabilityCatalog catalog, BpmnPlanCompiler compiler, ZoneId zone) {
		return new TemplateMatcher(TemplateMatcher::builtIns, () -> 0L, catalog, compiler, zone);
	}

	private TemplateMatcher(Supplier<List<TemplateVersion>> source, Supplier<Long> changes, CapabilityCatalog catalog,
			BpmnPlanCompiler compiler, ZoneId zone) {
		this.source = source;
		this.changes = changes;
		this.catalog = catalog;
		this.compiler = compiler;
		this.zone = zone;
	}

	/**
	 * Finds the template a plan fits.
	 * @param plan the plan
	 * @return the template with its variables, or empty when none fits (compile the plan
	 * then)
	 */
	public Optional<TemplateMatch> match(Plan plan) {
		List<String> signature;
		try {
			signature = signature(this.compiler.normalise(plan));
		}
		catch (IllegalArgumentException ex) {
			// The compiler will say what is wrong with the plan; no template fits it.
			return Optional.empty();
		}
		for (Candidate candidate : candidates()) {
			if (candidate.signature().equals(signature)) {
				Optional<Map<String, Object>> variables = fill(candidate.version().descriptor(), plan.slots());
				if (variables.isPresent()) {
					TemplateVersion version = candidate.version();
					return Optional.of(new TemplateMatch(version.key(), version.version(),
							version.descriptor().processId(), version.bpmn(), variables.get()));
				}
			}
		}
		return Optional.empty();
	}

	private List<Candidate> candidates() {
		Snapshot current = this.snapshot;
		long changed = this.changes.get();
		if (current == null || current.changes() != changed || current.loaded().plus(RELOAD).isBefore(Instant.now())) {
			List<Candidate> candidates = new ArrayList<>();
			for (TemplateVersion version : this.source.get()) {
				candidates.add(new Candidate(version, signature(version.bpmn())));
			}
			current = new Snapshot(changed, Instant.now(), List.copyOf(candidates));
			this.snapshot = current;
		}
		return current.candidates();
	}

	private List<String> signature(Plan plan) {
		List<String> signature = new ArrayList<>();
		boolean repeats = plan.slots().get("repeat") != null;
		for (PlanStep step : plan.steps()) {
			boolean stepRepeats = repeats || step.inputs().get("repeat") != null;
			signature.add(step(step.kind().jobType(), step.capability(), stepRepeats));
		}
		return normalised(signature);
	}

	private List<String> signature(String bpmn) {
		BpmnModelInstance model = Bpmn
			.readModelFromStream(new ByteArrayInputStream(bpmn.getBytes(StandardCharsets.UTF_8)));
		List<String> signature = new ArrayList<>();
		for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
			ZeebeTaskDefinition definition = task.getSingleExtensionElement(ZeebeTaskDefinition.class);
			ZeebeTaskHeaders headers = task.getSingleExtensionElement(ZeebeTaskHeaders.class);
			if (definition == null || headers == null) {
				continue;
			}
			Map<String, String> values = new LinkedHashMap<>();
			for (ZeebeHeader header : headers.getHeaders()) {
				values.put(header.getKey(), header.getValue());
			}
			if (task.getId().equals(values.get("stepId"))) {
				signature.add(step(definition.getType(), values.get("capability"), values.containsKey("repeat")));
			}
		}
		return normalised(signature);
	}

	private String step(String kind, String capability, boolean repeats) {
		if (StepKind.CONFIRM.jobType().equals(kind) || StepKind.NOTIFY.jobType().equals(kind)) {
			return kind;
		}
		if (StepKind.REMIND.jobType().equals(kind)) {
			return repeats ? "remind repeat" : "remind";
		}
		String family = this.catalog.find(capability).map(Capability::name).orElse(capability);
		return kind + " " + family;
	}

	/**
	 * Sorted, with at most one confirm: how many confirms guard the orders is the plan's
	 * business.
	 */
	private static List<String> normalised(List<String> signature) {
		boolean confirms = signature.removeIf(StepKind.CONFIRM.jobType()::equals);
		if (confirms) {
			signature.add(StepKind.CONFIRM.jobType());
		}
		Collections.sort(signature);
		return signature;
	}

	private Optional<Map<String, Object>> fill(TemplateDescriptor descriptor, Map<String, Object> slots) {
		Map<String, Object> variables = new LinkedHashMap<>();
		ZoneId in = zoneOf(slots.get("timezone"));
		for (TemplateParameter parameter : descriptor.parameters()) {
			Object slot = slots.get(parameter.name());
			Object value = (slot != null) ? convert(parameter.type(), slot, in) : null;
			if (value == null && parameter.required()) {
				return Optional.empty();
			}
			variables.put(parameter.name(), value);
		}
		return Optional.of(Collections.unmodifiableMap(variables));
	}

	private ZoneId zoneOf(Object timezone) {
		if (timezone != null) {
			try {
				return ZoneId.of(String.valueOf(timezone));
			}
			catch (DateTimeException ex) {
				// Not a zone name: the default zone is the better guess.
			}
		}
		return this.zone;
	}

	/**
	 * Returns the slot in the parameter's type, or null when it cannot be read as one.
	 */
	private static Object convert(String type, Object slot, ZoneId zone) {
		Object value = (slot instanceof Map<?, ?> map && map.containsKey("amount")) ? map.get("amount") : slot;
		String text = String.valueOf(value).trim();
		try {
			return switch (type) {
				case "number" -> (value instanceof Number) ? value : new BigDecimal(text);
				case "integer" -> (value instanceof Number number) ? (Object) number.longValue()
						: (Object) new BigDecimal(text).longValueExact();
				case "date" -> LocalDate.parse(text.substring(0, Math.min(10, text.length()))).toString();
				case "time" -> LocalTime.parse(text).format(DateTimeFormatter.ofPattern("HH:mm"));
				case "datetime" -> dateTime(text, zone);
				default -> text;
			};
		}
		catch (NumberFormatException | ArithmeticException | DateTimeParseException ex) {
			return null;
		}
	}

	private static String dateTime(String text, ZoneId zone) {
		try {
			return OffsetDateTime.parse(text).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
		}
		catch (DateTimeParseException ex) {
			return LocalDateTime.parse(text)
				.atZone(zone)
				.toOffsetDateTime()
				.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
		}
	}

	private static List<TemplateVersion> builtIns() {
		List<TemplateVersion> versions = new ArrayList<>();
		for (BuiltInTemplates.BuiltIn template : BuiltInTemplates.load()) {
			versions.add(new TemplateVersion(template.descriptor().key(), 1, TemplateVersion.PUBLISHED, template.bpmn(),
					template.descriptor(), TemplateRepository.checksum(template.bpmn()), BuiltInTemplates.AUTHOR,
					Instant.EPOCH, Instant.EPOCH));
		}
		return versions;
	}

}
