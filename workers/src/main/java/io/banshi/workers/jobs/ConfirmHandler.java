package io.banshi.workers.jobs;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

import io.banshi.workers.plugin.BusinessFailure;
import io.banshi.workers.plugin.Comparison;
import io.banshi.workers.plugin.Option;
import io.banshi.workers.plugin.PluginRegistry;
import io.banshi.workers.plugin.Ranking;
import io.banshi.workflows.catalog.Capability;

import org.springframework.stereotype.Component;

/**
 * {@code confirm}: puts before the person what they are asked to approve, then the
 * process waits for their answer. The options are those of the {@code compare} before it;
 * without one, the capability's providers are compared here; for capabilities with
 * nothing to choose (a ledger entry, a calendar event) one proposal describes what will
 * be done.
 */
@Component
public class ConfirmHandler implements StepHandler {

	private final PluginRegistry registry;

	/**
	 * Creates the handler.
	 * @param registry the plugins
	 */
	public ConfirmHandler(PluginRegistry registry) {
		this.registry = registry;
	}

	@Override
	public String jobType() {
		return "confirm";
	}

	@Override
	public StepResult handle(StepJob job) {
		try {
			String capability = (job.capability() != null) ? this.registry.capability(job.capability()).name() : null;
			List<Map<String, Object>> options = (capability != null)
					? Steps.offered(job.variables(), "ranked", capability) : List.of();
			if (options.isEmpty() && capability != null) {
				List<Option> found = Steps.found(job.variables(), capability);
				options = found.isEmpty() ? compared(job)
						: Steps.indexed(found.stream().filter((option) -> !option.soldOut()).toList(), Steps.SHOWN);
			}
			if (options.isEmpty()) {
				options = List.of(proposal(job));
			}
			Map<String, Object> variables = new LinkedHashMap<>();
			variables.put("options", options);
			if (capability != null) {
				variables.put(Steps.perCapability("options", capability), options);
			}
			variables.put("awaitingConfirmation", true);
			return new StepResult.Complete(variables);
		}
		catch (BusinessFailure failure) {
			return Steps.failed(failure);
		}
	}

	private List<Map<String, Object>> compared(StepJob job) {
		Capability capability = this.registry.capability(job.capability());
		if (!capability.consequential() || capability.output().path("type").asText().equals("object")) {
			return List.of();
		}
		Comparison comparison = this.registry.compare(job.capability(), job.variables(), Ranking.PRICE);
		return Steps.indexed(comparison.ranked(), Steps.SHOWN);
	}

	private static Map<String, Object> proposal(StepJob job) {
		StringJoiner what = new StringJoiner(", ");
		for (String key : new String[] { "title", "item", "text", "remind_text", "amount", "date", "time" }) {
			Object value = job.variables().get(key);
			if (value != null && !value.toString().isBlank()) {
				what.add(key + ": " + value);
			}
		}
		Map<String, Object> proposal = new LinkedHashMap<>();
		proposal.put("index", 1);
		proposal.put("id", "proposal");
		proposal.put("name", ((job.capability() != null) ? job.capability() : job.stepId())
				+ ((what.length() > 0) ? " (" + what + ")" : ""));
		return proposal;
	}

}
