package io.banshi.workflows.offline;

/**
 * A sum of money said in a sentence, in CNY.
 *
 * @param kind what the sum is
 * @param amount how much
 */
record Money(Kind kind, double amount) {

	/** What a sum of money is to the errand. */
	enum Kind {

		/** The most to spend: 预算5000元, 三百块以内, under 2500 yuan. */
		BUDGET,

		/** What was spent or paid: 花了32元, I spent 45 yuan. */
		SPENT,

		/** A sum with nothing said about it: ¥300, 300块. */
		PLAIN

	}

}
