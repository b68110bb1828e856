package io.banshi.workers.jobs;

import java.util.List;
import java.util.Map;

import io.banshi.workers.plugin.BusinessFailure;
import io.banshi.workers.plugin.FailureCode;
import io.banshi.workers.plugin.Inputs;
import io.banshi.workers.plugin.Option;
import io.banshi.workers.plugin.OrderReceipt;
import io.banshi.workers.plugin.PluginRegistry;

import org.springframework.stereotype.Component;

/**
 * {@code order}: orders the option the person picked at {@code confirm} (the variable
 * {@code confirmation}: {@code {"option": 2}} picks the option with that index among
 * those {@code confirm} offered for the step's capability ({@code options_<capability>},
 * else {@code options}), {@code {"optionId": "..."}} the one with that id; without a
 * confirmation, the {@code best} of the comparison), under the idempotency key
 * {@code <processInstanceKey>/<elementId>}: a retried or twice delivered job finds the
 * order it placed. Business failures become BPMN errors with their codes.
 */
@Component
public class OrderHandler implements StepHandler {

	private final PluginRegistry registry;

	/**
	 * Creates the handler.
	 * @param registry the plugins
	 */
	public OrderHandler(PluginRegistry registry) {
		this.registry = registry;
	}

	@Override
	public String jobType() {
		return "order";
	}

	@Override
	public StepResult handle(StepJob job) {
		try {
			String capability = this.registry.capability(Steps.capability(job)).name();
			Option option = chosen(job.variables(), capability);
			OrderReceipt receipt = this.registry.order(Steps.capability(job), option, job.variables(), job.stepKey());
			return new StepResult.Complete(Map.of("order_" + job.stepId(), receipt.toMap()));
		}
		catch (BusinessFailure failure) {
			return Steps.failed(failure);
		}
	}

	@SuppressWarnings("unchecked")
	static Option chosen(Map<String, Object> variables, String capability) {
		List<Map<String, Object>> options = Steps.offered(variables, "options", capability);
		Object confirmation = variables.get("confirmation");
		Map<String, Object> picked = null;
		if (confirmation instanceof Map<?, ?> answer) {
			if (Boolean.TRUE.equals(answer.get("declined")) || "true".equals(String.valueOf(answer.get("declined")))) {
				throw new BusinessFailure(FailureCode.INVALID_INPUT, "The person declined; nothing is ordered");
			}
			Object option = answer.get("option");
			Object optionId = answer.get("optionId");
			if (option instanceof Map<?, ?> map) {
				picked = (Map<String, Object>) map;
			}
			else if (option != null && Inputs.decimal(option) != null) {
				int index = Inputs.decimal(option).intValue();
				picked = options.stream()
					.filter((candidate) -> Inputs.decimal(candidate.get("index")) != null
							&& Inputs.decimal(candidate.get("index")).intValue() == index)
					.findFirst()
					.orElseThrow(() -> new BusinessFailure(FailureCode.NOT_FOUND,
							"There is no option " + index + " to order (" + options.size() + " were offered)"));
			}
			else if (optionId != null || option != null) {
				String id = String.valueOf((optionId != null) ? optionId : option);
				picked = options.stream()
					.filter((candidate) -> id.equals(String.valueOf(candidate.get("id"))))
					.findFirst()
					.orElseThrow(() -> new BusinessFailure(FailureCode.NOT_FOUND,
							"There is no option '" + id + "' to order"));
			}
		}
		if (picked == null && variables.get("best") instanceof Map<?, ?> best
				&& capability.equals(best.get("capability"))) {
			picked = (Map<String, Object>) best;
		}
		if (picked == null || "proposal".equals(picked.get("id"))) {
			return null;
		}
		return Option.fromMap(picked);
	}

}
