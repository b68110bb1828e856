package io.banshi.workers.jobs;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.banshi.workers.plugin.BusinessFailure;
import io.banshi.workers.plugin.Comparison;
import io.banshi.workers.plugin.FailureCode;
import io.banshi.workers.plugin.Inputs;
import io.banshi.workers.plugin.Option;
import io.banshi.workers.plugin.PluginRegistry;
import io.banshi.workers.plugin.Ranking;

import org.springframework.stereotype.Component;

/**
 * {@code compare}: ranks what the {@code query} steps before it found for the step's
 * capability (their {@code results_<stepId>}), or, when there are none, asks every
 * provider of the capability with the job's variables; ranks by the input {@code by}
 * ({@code price} by default, or {@code time}, {@code rating}) within the {@code budget},
 * and puts the best few in {@code options} for the person to pick at {@code confirm}.
 * When options exist but all cost more than the budget, it throws {@code OVER_BUDGET},
 * saying what the cheapest costs.
 */
@Component
public class CompareHandler implements StepHandler {

	private final PluginRegistry registry;

	/**
	 * Creates the handler.
	 * @param registry the plugins
	 */
	public CompareHandler(PluginRegistry registry) {
		this.registry = registry;
	}

	@Override
	public String jobType() {
		return "compare";
	}

	@Override
	public StepResult handle(StepJob job) {
		try {
			Ranking by = Ranking.of(Inputs.text(job.variables(), "by", "rank_by", "sort"));
			String capability = Steps.capability(job);
			List<Option> found = Steps.found(job.variables(), this.registry.capability(capability).name());
			Comparison comparison = found.isEmpty() ? this.registry.compare(capability, job.variables(), by)
					: this.registry.rank(capability, found, Inputs.decimal(job.variables(), "budget"), by);
			if (comparison.ranked().isEmpty() && !comparison.overBudget().isEmpty()) {
				Option cheapest = comparison.overBudget().stream().min(Ranking.PRICE.comparator()).orElseThrow();
				BigDecimal cost = (cheapest.total() != null) ? cheapest.total() : cheapest.price();
				throw new BusinessFailure(FailureCode.OVER_BUDGET,
						"The cheapest option, " + cheapest.name() + " (" + cheapest.provider() + "), costs "
								+ cost.stripTrailingZeros().toPlainString() + " CNY, more than the budget of "
								+ comparison.budget().stripTrailingZeros().toPlainString() + " CNY");
			}
			Map<String, Object> summary = new LinkedHashMap<>();
			summary.put("capability", comparison.capability());
			summary.put("by", comparison.by().name().toLowerCase(Locale.ROOT));
			if (comparison.budget() != null) {
				summary.put("budget", comparison.budget());
			}
			summary.put("ranked", comparison.ranked().size());
			summary.put("over_budget", comparison.overBudget().size());
			summary.put("sold_out", comparison.soldOut().size());
			Map<String, Object> variables = new LinkedHashMap<>();
			List<Map<String, Object>> options = Steps.indexed(comparison.ranked(), Steps.SHOWN);
			variables.put("options", options);
			variables.put(Steps.perCapability("ranked", comparison.capability()), options);
			comparison.best().ifPresent((best) -> variables.put("best", best.toMap()));
			variables.put("comparison_" + job.stepId(), summary);
			return new StepResult.Complete(variables);
		}
		catch (BusinessFailure failure) {
			return Steps.failed(failure);
		}
	}

}
