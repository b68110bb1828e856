package io.banshi.workers.plugin;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * The outcome of {@code compare}: options from every provider of a capability, ranked.
 *
 * @param capability the catalog capability compared
 * @param by how they were ranked
 * @param budget the budget applied, or {@code null} when there was none
 * @param ranked the options that can be chosen, best first
 * @param overBudget options left out because they cost more than the budget
 * @param soldOut options left out because nothing is left of them
 */
public record Comparison(String capability, Ranking by, BigDecimal budget, List<Option> ranked, List<Option> overBudget,
		List<Option> soldOut) {

	public Comparison {
		ranked = List.copyOf(ranked);
		overBudget = List.copyOf(overBudget);
		soldOut = List.copyOf(soldOut);
	}

	/**
	 * Returns the best option.
	 * @return the first ranked option, or empty when none can be chosen
	 */
	public Optional<Option> best() {
		return this.ranked.stream().findFirst();
	}

}
