package io.banshi.workflows.offline;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds how many things, people and nights a sentence speaks of: Chinese numerals with a
 * measure word (两箱, 一张, 4人位, 一家三口, 住三晚, 玩两天) and English counts (3 bags of, for two, 6
 * people, 3 nights, a 4-day trip).
 */
final class CountReader {

	private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

	private static final String CNUM = "(\\d{1,4}|[一二两三四五六七八九十百]{1,4})";

	private static final String EN_COUNT = "(\\d{1,4}|a couple of|a dozen|one|two|three|four|five|six|seven|eight|nine|ten"
			+ "|eleven|twelve|fifteen|twenty|thirty|fifty|hundred)";

	private static final String MEASURE = "(箱|张|件|份|瓶|袋|盒|包|台|双|套|本|支|杯|斤|桶|罐|条|把|部|碗|只|束|听|提|卷|片|个|串|根|块|打|间)";

	private static final Pattern FAMILY = Pattern.compile("一家" + CNUM + "口", FLAGS);

	private static final Pattern COUPLE = Pattern.compile("我们俩|我俩|咱俩|俩人|两口子|我和(?:老婆|老公|女朋友|男朋友|妻子|丈夫|爱人|对象)", FLAGS);

	private static final Pattern WE = Pattern.compile("(?:我们|咱们|我们一共|一共)\\s*" + CNUM + "\\s*个(?!人|月|小时)", FLAGS);

	private static final Pattern ADULTS_AND_CHILDREN = Pattern
		.compile(CNUM + "\\s*个?(?:大人|成人)\\s*[,，、和加]?\\s*" + CNUM + "\\s*个?(?:小孩|孩子|儿童|小朋友)", FLAGS);

	private static final Pattern ADULTS_AND_CHILDREN_EN = Pattern.compile("(?<![a-z])" + EN_COUNT
			+ "\\s+adults?\\s*(?:,|and|\\+|&)\\s*" + EN_COUNT + "\\s+(?:kids?|children|child|infants?)(?![a-z])",
			FLAGS);

	private static final Pattern PEOPLE_ZH = Pattern
		.compile("(?<![周期拜月号日])" + CNUM + "\\s*(?:个人|人|位|口人|名)(?![民生物类工手气员])", FLAGS);

	private static final Pattern PEOPLE_EN = Pattern
		.compile("(?<![a-z])(?:(?:for|party of|table for|family of|group of)\\s+" + EN_COUNT
				+ "(?:\\s+(?:people|persons|guests|adults|of us|pax))?(?!\\s*(?:nights?|days?|hours?|minutes?|weeks?"
				+ "|bags?|box|boxes|bottles?|tickets?|yuan|rmb|%|\\d|months?|years?|[a-z]+s\\b))|" + EN_COUNT
				+ "\\s+(?:people|persons|guests|adults|travell?ers|pax|of us))(?![a-z])", FLAGS);

	private static final Pattern NIGHTS_AND_DAYS = Pattern.compile(CNUM + "\\s*天\\s*" + CNUM + "\\s*(?:晚|夜)", FLAGS);

	private static final Pattern NIGHTS_ZH = Pattern.compile("(?<![周期拜月号日])" + CNUM + "\\s*(?:个)?(?:晚上|晚|夜|宿)(?![饭餐])",
			FLAGS);

	private static final Pattern STAY_DAYS_ZH = Pattern.compile("住\\s*" + CNUM + "\\s*天", FLAGS);

	private static final Pattern TRIP_DAYS_ZH = Pattern.compile(
			"(?:玩|游|待|呆|逛|旅游|旅行|度假|出差)\\s*" + CNUM + "\\s*天|" + CNUM + "\\s*(?:日游|天(?:的)?(?:行程|旅行|旅游|游|假期))", FLAGS);

	private static final Pattern NIGHTS_EN = Pattern.compile("(?<![a-z])" + EN_COUNT + "\\s*nights?(?![a-z])", FLAGS);

	private static final Pattern DAYS_EN = Pattern.compile(
			"(?<![a-z])(?:for\\s+)?" + EN_COUNT + "[- ]days?(?:\\s+(?:trip|holiday|vacation|stay))?(?![a-z])", FLAGS);

	private static final Pattern QUANTITY_ZH = Pattern.compile(
			"(?<![周期拜月号日])" + CNUM + "\\s*" + MEASURE + "(?!人|月|小时|星期|礼拜|钟头|工作日|大人|成人|小孩|孩子|晚上|早上|多|半|钱|以内|左右)", FLAGS);

	private static final Pattern QUANTITY_EN = Pattern.compile("(?<![a-z])" + EN_COUNT
			+ "\\s+(?:bags?|box|boxes|bottles?|packs?|packets?|pieces?|cans?|cups?|tickets?|pairs?|units?|cartons?|cases?"
			+ "|kg|kilos?|pounds?|lbs?|sets?|copies|rolls?|bars?|loaves|dozens?|seats?|portions?|servings?|slices?|bowls?"
			+ "|plates?|rooms?)(?![a-z])|(?<![a-z])" + EN_COUNT
			+ "\\s+(?:[a-z-]+\\s+){1,2}(?:tickets?|seats?)(?![a-z])", FLAGS);

	private static final Pattern QUANTITY_AFTER_VERB_EN = Pattern.compile(
			"(?<=(?<![a-z])(?:buy|order|purchase|get|grab|book)\\s(?:me\\s)?)(\\d{1,4}|two|three|four|five|six|seven|eight"
					+ "|nine|ten|twelve|twenty|hundred)(?=\\s+(?!people|persons|nights?|days?|hours?|minutes?|yuan|rmb)[a-z])",
			FLAGS);

	/**
	 * Reads the counts of a sentence.
	 * @param text the sentence
	 * @return what was found; fields are {@code null} when not said
	 */
	Counts read(String text) {
		List<Found<String>> spans = new ArrayList<>();
		Integer party = null;
		Matcher matcher = FAMILY.matcher(text);
		if (matcher.find()) {
			party = Numerals.parseInt(matcher.group(1));
			spans.add(span(matcher));
		}
		matcher = ADULTS_AND_CHILDREN.matcher(text);
		if (party == null && matcher.find()) {
			Integer adults = Numerals.parseInt(matcher.group(1));
			Integer children = Numerals.parseInt(matcher.group(2));
			if (adults != null && children != null) {
				party = adults + children;
				spans.add(span(matcher));
			}
		}
		matcher = ADULTS_AND_CHILDREN_EN.matcher(text);
		if (party == null && matcher.find()) {
			Integer adults = Numerals.parseInt(matcher.group(1));
			Integer children = Numerals.parseInt(matcher.group(2));
			if (adults != null && children != null) {
				party = adults + children;
				spans.add(span(matcher));
			}
		}
		if (party == null) {
			party = firstNumber(PEOPLE_ZH, text, spans);
		}
		if (party == null) {
			party = firstNumber(WE, text, spans);
		}
		if (party == null) {
			party = firstNumber(PEOPLE_EN, text, spans);
		}
		matcher = COUPLE.matcher(text);
		if (party == null && matcher.find()) {
			party = 2;
			spans.add(span(matcher));
		}

		Integer nights = null;
		matcher = NIGHTS_AND_DAYS.matcher(text);
		if (matcher.find()) {
			nights = Numerals.parseInt(matcher.group(2));
			spans.add(span(matcher));
		}
		if (nights == null) {
			nights = firstNumber(NIGHTS_ZH, text, spans);
		}
		if (nights == null) {
			nights = firstNumber(NIGHTS_EN, text, spans);
		}
		if (nights == null) {
			nights = firstNumber(STAY_DAYS_ZH, text, spans);
		}
		if (nights == null) {
			Integer days = firstNumber(TRIP_DAYS_ZH, text, spans);
			if (days == null) {
				days = firstNumber(DAYS_EN, text, spans);
			}
			// A trip of N days has N - 1 nights, and a day trip with a stay still one.
			nights = (days != null) ? Math.max(1, days - 1) : null;
		}

		Integer quantity = null;
		matcher = QUANTITY_ZH.matcher(text);
		while (quantity == null && matcher.find()) {
			int start = matcher.start();
			int end = matcher.end();
			if (spans.stream().noneMatch((s) -> s.overlaps(start, end))) {
				quantity = Numerals.parseInt(matcher.group(1));
				spans.add(span(matcher));
			}
		}
		if (quantity == null) {
			quantity = firstNumber(QUANTITY_EN, text, spans);
		}
		if (quantity == null) {
			quantity = firstNumber(QUANTITY_AFTER_VERB_EN, text, spans);
		}
		return new Counts(positive(quantity), positive(party), positive(nights), List.copyOf(spans));
	}

	private static Integer firstNumber(Pattern pattern, String text, List<Found<String>> spans) {
		Matcher matcher = pattern.matcher(text);
		while (matcher.find()) {
			String number = null;
			for (int group = 1; group <= matcher.groupCount() && number == null; group++) {
				number = matcher.group(group);
			}
			Integer value = Numerals.parseInt(number);
			int start = matcher.start();
			if (value != null && spans.stream().noneMatch((s) -> s.overlaps(start, matcher.end()))) {
				spans.add(span(matcher));
				return value;
			}
		}
		return null;
	}

	private static Found<String> span(Matcher matcher) {
		return new Found<>(matcher.group(), matcher.start(), matcher.end());
	}

	private static Integer positive(Integer value) {
		return (value != null && value > 0) ? value : null;
	}

}
