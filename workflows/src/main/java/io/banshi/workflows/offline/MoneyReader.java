package io.banshi.workflows.offline;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds sums of money and what they are: a budget (预算5000元, 三百块以内, 不超过两千, under 2500
 * yuan, budget 300), a sum spent (花了32元, I spent 45 yuan) or a plain sum (¥300, 300 RMB).
 * Amounts may be written in digits, Chinese numerals or a mix ({@code 5千}, {@code 1.5万},
 * {@code 两千五}).
 */
final class MoneyReader {

	private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

	private static final String AMOUNT = "(\\d+(?:,\\d{3})*(?:\\.\\d+)?\\s*[千万kw]?(?:[一二两三四五六七八九\\d](?![\\d.]))?"
			+ "|[零〇一二两三四五六七八九十百千万]+)";

	private static final String SIGN = "(?:[¥￥]|rmb\\s*|cny\\s*)?";

	private static final String CURRENCY = "(?:元|块钱|块(?![\\p{IsHan}&&[^钱以左之内上下的预]])|人民币|rmb|cny|yuan|bucks|dollars?|kuai)";

	/** Words after a bare number that show it is not money. */
	private static final String NOT_MONEY = "(?!\\s*(?:个|天|晚|夜|小时|分钟|人|位|号|日|月|年|点|岁|公里|km|kg|斤|hours?|minutes?|mins?"
			+ "|days?|nights?|weeks?|people|persons|guests|kilometers?|%|\\d))";

	private final List<Pattern> budgets = List.of(
			// A range ("2000到3000元", "between 2000 and 3000 yuan") is read as its top.
			Pattern.compile("(?<![\\d.])\\d+(?:\\.\\d+)?\\s*[千万kw]?\\s*" + CURRENCY + "?\\s*(?:-|~|到|至)\\s*" + SIGN
					+ AMOUNT + NOT_MONEY + "\\s*" + CURRENCY, FLAGS),
			Pattern.compile("(?<![a-z])between\\s+" + SIGN + "\\d+(?:\\.\\d+)?\\s*[kw]?\\s+and\\s+" + SIGN + AMOUNT
					+ NOT_MONEY + "\\s*" + CURRENCY + "?", FLAGS),
			Pattern.compile("预算(?:是|为|在|大概|大约|控制在|有|不超过|只有|:|\\s)*" + SIGN + AMOUNT + "\\s*" + CURRENCY + "?", FLAGS),
			Pattern.compile("(?:不超过|不要超过|别超过|不高于|不能超过|最多|低于|少于|控制在|以内)\\s*" + SIGN + AMOUNT + NOT_MONEY + "\\s*"
					+ CURRENCY + "?", FLAGS),
			Pattern.compile(SIGN + AMOUNT + "\\s*" + CURRENCY + "?\\s*(?:以内|以下|之内|内|左右|上下|封顶)", FLAGS),
			Pattern.compile(SIGN + AMOUNT + NOT_MONEY + "\\s*" + CURRENCY + "?\\s*(?:的)?预算", FLAGS),
			Pattern.compile("(?:人均|每人|一晚|每晚)\\s*" + SIGN + AMOUNT + NOT_MONEY + "\\s*" + CURRENCY + "?", FLAGS),
			Pattern.compile("(?<![a-z])budget(?:\\s+(?:is|of|around|about|at|under|max|:))*\\s*[:：]?\\s*" + SIGN
					+ AMOUNT + "\\s*" + CURRENCY + "?", FLAGS),
			Pattern.compile(
					"(?<![a-z])(?:under|below|less than|no more than|not more than|within|up to|at most|max(?:imum)?"
							+ "|cheaper than|not over|not exceeding|no more than)\\s+" + SIGN + AMOUNT + NOT_MONEY
							+ "\\s*" + CURRENCY + "?",
					FLAGS));

	private final List<Pattern> spent = List.of(
			Pattern.compile("(?:花了|花费了?|用了|消费了?|支出了?|付了|付款|充了|交了|收入了?|赚了|收到了?|报销了?)\\s*" + SIGN + AMOUNT + NOT_MONEY
					+ "\\s*" + CURRENCY + "?", FLAGS),
			Pattern.compile("(?<![a-z])(?:spent|spend|paid|pay|costs?|cost me|earned|received)\\s+" + SIGN + AMOUNT
					+ NOT_MONEY + "\\s*" + CURRENCY + "?", FLAGS));

	private final List<Pattern> plain = List.of(Pattern.compile("[¥￥]\\s*" + AMOUNT, FLAGS),
			Pattern.compile("(?:rmb|cny)\\s*" + AMOUNT, FLAGS), Pattern.compile(AMOUNT + "\\s*" + CURRENCY, FLAGS));

	/**
	 * Finds the sums of money in a sentence, in the order they are said.
	 * @param text the sentence
	 * @return each sum with where it was said
	 */
	List<Found<Money>> find(String text) {
		List<Found<Money>> found = new ArrayList<>();
		collect(text, this.budgets, Money.Kind.BUDGET, found);
		collect(text, this.spent, Money.Kind.SPENT, found);
		collect(text, this.plain, Money.Kind.PLAIN, found);
		found.sort((a, b) -> Integer.compare(a.start(), b.start()));
		return found;
	}

	private static void collect(String text, List<Pattern> patterns, Money.Kind kind, List<Found<Money>> found) {
		for (Pattern pattern : patterns) {
			Matcher matcher = pattern.matcher(text);
			while (matcher.find()) {
				int start = matcher.start();
				int end = matcher.end();
				if (found.stream().anyMatch((f) -> f.overlaps(start, end))) {
					continue;
				}
				Double amount = Numerals.parse(matcher.group(1));
				if (amount != null && amount > 0) {
					found.add(new Found<>(new Money(kind, amount), start, end));
				}
			}
		}
	}

}
