package io.banshi.workflows.offline;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads when a clause says something happens, in Chinese and English, relative to the
 * moment it was said: days (今天, 后天, 下周三, 周末, 下个月1号, 12月20日, tomorrow, this Friday, next
 * Monday, December 12), times (下午3点半, 晚上7点, 中午, 8pm, at 7, noon), moments from now (半小时后,
 * in 2 hours), offsets (提前半小时, 30 minutes before) and repeats (每天, 每周五, every weekday,
 * every month).
 *
 * <p>
 * Weeks start on Monday: 这周五 is the Friday of the current week, 下周三 the Wednesday of the
 * next one; a bare weekday (周五, Friday) is the next one not yet past. Each rule is one
 * precompiled pattern; the rules run from the most specific to the least, and words a
 * rule has used are not read again.
 */
final class TimeReader {

	private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

	/** A small number in digits or Chinese numerals. */
	private static final String CN = "(?:\\d{1,4}|[零〇一二两三四五六七八九十]{1,4})";

	private static final String EN_NUM = "(?:\\d{1,3}|" + Numerals.WORD + ")";

	private static final String PERIOD_ZH = "(凌晨|早上|早晨|清晨|一早|上午|中午|午间|下午|傍晚|晚上|晚间|夜里|夜间|半夜|深夜|今晚|明晚|今早|明早|晚|早)";

	private static final String WEEKDAY_EN = "(monday|tuesday|wednesday|thursday|friday|saturday|sunday)";

	private static final String MONTH_EN = "(january|february|march|april|may|june|july|august|september|october"
			+ "|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)";

	private static final Map<String, LocalTime> PERIOD_TIMES = Map.ofEntries(Map.entry("凌晨", LocalTime.of(6, 0)),
			Map.entry("早上", LocalTime.of(8, 0)), Map.entry("早晨", LocalTime.of(8, 0)),
			Map.entry("清晨", LocalTime.of(7, 0)), Map.entry("一早", LocalTime.of(8, 0)),
			Map.entry("早", LocalTime.of(8, 0)), Map.entry("今早", LocalTime.of(8, 0)),
			Map.entry("明早", LocalTime.of(8, 0)), Map.entry("上午", LocalTime.of(10, 0)),
			Map.entry("中午", LocalTime.of(12, 0)), Map.entry("午间", LocalTime.of(12, 0)),
			Map.entry("下午", LocalTime.of(15, 0)), Map.entry("傍晚", LocalTime.of(18, 0)),
			Map.entry("晚上", LocalTime.of(19, 0)), Map.entry("晚间", LocalTime.of(19, 0)),
			Map.entry("晚", LocalTime.of(19, 0)), Map.entry("今晚", LocalTime.of(19, 0)),
			Map.entry("明晚", LocalTime.of(19, 0)), Map.entry("夜里", LocalTime.of(21, 0)),
			Map.entry("夜间", LocalTime.of(21, 0)), Map.entry("深夜", LocalTime.of(23, 0)),
			Map.entry("半夜", LocalTime.of(23, 30)), Map.entry("morning", LocalTime.of(8, 0)),
			Map.entry("breakfast", LocalTime.of(8, 0)), Map.entry("早饭", LocalTime.of(8, 0)),
			Map.entry("早餐", LocalTime.of(8, 0)), Map.entry("noon", LocalTime.of(12, 0)),
			Map.entry("midday", LocalTime.of(12, 0)), Map.entry("lunch", LocalTime.of(12, 0)),
			Map.entry("lunchtime", LocalTime.of(12, 0)), Map.entry("午饭", LocalTime.of(12, 0)),
			Map.entry("午餐", LocalTime.of(12, 0)), Map.entry("afternoon", LocalTime.of(15, 0)),
			Map.entry("evening", LocalTime.of(19, 0)), Map.entry("tonight", LocalTime.of(19, 0)),
			Map.entry("dinner", LocalTime.of(18, 30)), Map.entry("supper", LocalTime.of(18, 30)),
			Map.entry("晚饭", LocalTime.of(18, 30)), Map.entry("晚餐", LocalTime.of(18, 30)),
			Map.entry("night", LocalTime.of(21, 0)), Map.entry("夜宵", LocalTime.of(22, 0)),
			Map.entry("midnight", LocalTime.of(0, 0)));

	/** Parts of the day after which a bare hour is in the afternoon or evening. */
	private static final List<String> LATE = List.of("下午", "傍晚", "晚上", "晚间", "夜里", "夜间", "深夜", "半夜", "今晚", "明晚", "晚",
			"afternoon", "evening", "tonight", "night", "dinner", "supper", "晚饭", "晚餐", "夜宵", "pm", "p.m.");

	private final List<Rule> rules = new ArrayList<>();

	TimeReader() {
		// Moments from now and offsets come first: their numbers must not be read as
		// days.
		rule(countOrHalf() + "\\s*(个)?\\s*(半)?\\s*(分钟|分|小时|钟头|天|周|星期|礼拜|个月)\\s*(?:以后|之后|后)",
				(m, s) -> s.after(amount(m.group(1), m.group(3)), unit(m.group(4))));
		rule("(?<![a-z])in\\s+(" + EN_NUM + "|half an?)\\s+(minutes?|mins?|hours?|hrs?|days?|weeks?|months?)(?![a-z])",
				(m, s) -> s.after(Numerals.parse(m.group(1)), unit(m.group(2))));
		rule("(?<![a-z])(" + EN_NUM + ")\\s+(minutes?|mins?|hours?|hrs?|days?|weeks?)\\s+(?:from now|later)",
				(m, s) -> s.after(Numerals.parse(m.group(1)), unit(m.group(2))));
		rule("(?<![a-z])in\\s+(half an hour|an hour and a half|an hour)(?![a-z])", (m, s) -> s
			.after(m.group(1).startsWith("half") ? 0.5 : m.group(1).contains("and") ? 1.5 : 1.0, unit("hours")));
		rule("提前\\s*" + countOrHalf() + "\\s*(个)?\\s*(半)?\\s*(分钟|分|小时|钟头|天)",
				(m, s) -> s.before(amount(m.group(1), m.group(3)), unit(m.group(4))));
		rule(countOrHalf() + "\\s*(个)?\\s*(半)?\\s*(分钟|分|小时|钟头|天)\\s*(?:之前|以前|前)",
				(m, s) -> s.before(amount(m.group(1), m.group(3)), unit(m.group(4))));
		rule("(?<![a-z])(" + EN_NUM
				+ "|half an?)\\s+(minutes?|mins?|hours?|hrs?|days?)\\s+(?:before|earlier|ahead of|prior to)",
				(m, s) -> s.before(Numerals.parse(m.group(1)), unit(m.group(2))));

		// Repeats. Intervals ("每隔两小时", "every 2 hours") are ISO-8601 durations.
		rule("每隔?\\s*" + countOrHalf() + "?\\s*(个)?\\s*(半)?\\s*(小时|钟头|分钟)", (m, s) -> {
			Double amount = (m.group(1) == null) ? Double.valueOf(1) : amount(m.group(1), m.group(3));
			s.interval(amount, unit(m.group(4)));
		});
		rule("(?<![a-z])every\\s+(" + EN_NUM
				+ ")?\\s*(hours?|hrs?|minutes?|mins?)(?![a-z])|(?<![a-z])(hourly)(?![a-z])", (m, s) -> {
					Double amount = (m.group(1) == null) ? Double.valueOf(1) : Numerals.parse(m.group(1));
					s.interval(amount, unit((m.group(2) != null) ? m.group(2) : "hours"));
				});
		rule("(?:每个?|每一个?)(?:周|星期|礼拜)\\s*([一二三四五六日天1-7])", (m, s) -> {
			s.repeat = "weekly";
			s.repeatDay = weekday(m.group(1));
		});
		rule("(?:每个?工作日|工作日每天|周一到周五每天|每周一到周五)", (m, s) -> {
			s.repeat = "daily";
			s.weekdaysOnly = true;
		});
		rule("(?:每天|每日|(?<![明今后昨前每])天天(?!气)|每晚(?!\\s*(?:[\\d一二两三四五六七八九十百千]|不超过|预算|价格|房价|最多))|每早|每个早上|每个晚上)", (m, s) -> {
			s.repeat = "daily";
			if (m.group().contains("晚")) {
				s.period = "晚上";
			}
			else if (m.group().contains("早")) {
				s.period = "早上";
			}
		});
		rule("(?:每个?月)\\s*(" + CN + ")\\s*(?:号|日)", (m, s) -> {
			s.repeat = "monthly";
			s.repeatDayOfMonth = Numerals.parseInt(m.group(1));
		});
		rule("(?:每个?月|每月)", (m, s) -> s.repeat = "monthly");
		rule("(?:每周|每星期|每个星期|每礼拜|每个礼拜)", (m, s) -> s.repeat = "weekly");
		rule("(?<![a-z])(?:every|each)\\s+weekdays?(?![a-z])|(?<![a-z])on\\s+weekdays(?![a-z])", (m, s) -> {
			s.repeat = "daily";
			s.weekdaysOnly = true;
		});
		rule("(?<![a-z])(?:every|each)\\s+" + WEEKDAY_EN + "(?![a-z])|(?<![a-z])on\\s+" + WEEKDAY_EN + "s(?![a-z])",
				(m, s) -> {
					s.repeat = "weekly";
					s.repeatDay = weekday(m.group(1) != null ? m.group(1) : m.group(2));
				});
		rule("(?<![a-z])(?:every|each)\\s+(day|morning|night|evening)(?![a-z])|(?<![a-z])every single day(?![a-z])",
				(m, s) -> {
					s.repeat = "daily";
					if (m.group(1) != null && !m.group(1).equalsIgnoreCase("day")) {
						s.period = m.group(1).toLowerCase(Locale.ROOT);
					}
				});
		rule("(?<![a-z])(?:every|each)\\s+month\\s+on\\s+the\\s+(\\d{1,2})(?:st|nd|rd|th)?(?![a-z])", (m, s) -> {
			s.repeat = "monthly";
			s.repeatDayOfMonth = Numerals.parseInt(m.group(1));
		});
		rule("(?<![a-z])(?:on\\s+)?the\\s+(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:day\\s+)?of\\s+(?:every|each|the)\\s+month(?![a-z])",
				(m, s) -> {
					s.repeat = "monthly";
					s.repeatDayOfMonth = Numerals.parseInt(m.group(1));
				});
		rule("(?<![a-z])(?:every|each)\\s+month(?![a-z])", (m, s) -> s.repeat = "monthly");
		rule("(?<![a-z])(?:every|each)\\s+week(?![a-z])", (m, s) -> s.repeat = "weekly");
		// "daily", "weekly", "monthly" alone say a repeat only when nothing else did and
		// they do
		// not describe a thing ("my weekly report").
		rule("(?<![a-z])(?<!(?:my|the|a|our|your|his|her|this) )(daily|weekly|monthly)(?![a-z])", (m, s) -> {
			if (s.repeat != null) {
				s.accepted = false;
				return;
			}
			s.repeat = m.group(1).toLowerCase(Locale.ROOT);
		});

		// Dates: absolute first, then relative.
		rule("(?<!\\d)(\\d{4})[-/.](\\d{1,2})[-/.](\\d{1,2})(?!\\d)", (m, s) -> s.date(LocalDate
			.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)))));
		rule("(?:(明年|今年|后年|(\\d{4})\\s*年)\\s*)?(" + CN + ")\\s*月\\s*(" + CN + ")\\s*(?:日|号)?(?![游内])",
				(m, s) -> s.monthDay(m.group(1), Numerals.parseInt(m.group(3)), Numerals.parseInt(m.group(4))));
		rule("(下下个?月|下个?月|这个?月|本月)\\s*(" + CN + ")\\s*(?:号|日)", (m, s) -> {
			int months = m.group(1).startsWith("下下") ? 2 : m.group(1).startsWith("下") ? 1 : 0;
			LocalDate month = s.today().withDayOfMonth(1).plusMonths(months);
			s.date(safeDay(month, Numerals.parseInt(m.group(2))));
		});
		rule("(?<![a-z])" + MONTH_EN + "\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s*(\\d{4}))?(?![a-z\\d])",
				(m, s) -> s.monthDay(m.group(3), month(m.group(1)), Integer.parseInt(m.group(2))));
		rule("(?<![a-z\\d])(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?" + MONTH_EN + "(?![a-z])(?:,?\\s*(\\d{4}))?",
				(m, s) -> s.monthDay(m.group(3), month(m.group(2)), Integer.parseInt(m.group(1))));
		rule("(元旦|情人节|妇女节|劳动节|五一|儿童节|国庆节|国庆|平安夜|圣诞节|圣诞|万圣节"
				+ "|(?<![a-z])(?:new year'?s day|valentine'?s day|christmas eve|christmas|halloween)(?![a-z]))",
				(m, s) -> {
					String name = m.group(1).toLowerCase(Locale.ROOT);
					int[] monthDay = name.startsWith("元旦") || name.startsWith("new year") ? new int[] { 1, 1 } : name
						.startsWith("情人") || name.startsWith("valentine") ? new int[] { 2, 14 } : name.startsWith("妇女")
								? new int[] { 3, 8 }
								: name.startsWith("劳动") || name.startsWith("五一") ? new int[] { 5, 1 }
										: name.startsWith("儿童") ? new int[] { 6, 1 }
												: name.startsWith("国庆") ? new int[] { 10, 1 }
														: name.startsWith("平安") || name.equals("christmas eve")
																? new int[] { 12, 24 }
																: name.startsWith("万圣") || name.equals("halloween")
																		? new int[] { 10, 31 } : new int[] { 12, 25 };
					s.monthDay(null, monthDay[0], monthDay[1]);
				});
		rule("(这个?|本|下个?)?\\s*月(底|末|初)", (m, s) -> {
			LocalDate month = s.today()
				.withDayOfMonth(1)
				.plusMonths((m.group(1) != null && m.group(1).startsWith("下")) ? 1 : 0);
			boolean end = !m.group(2).equals("初");
			LocalDate day = end ? month.withDayOfMonth(month.lengthOfMonth()) : month;
			s.date(day.isBefore(s.today()) ? month.plusMonths(1) : day);
		});
		rule("双\\s*(十一|11|十二|12)", (m, s) -> {
			int day = (m.group(1).equals("十一") || m.group(1).equals("11")) ? 11 : 12;
			s.monthDay(null, day, day);
		});
		rule("(大后天|后天|明天|明日|明儿|明早|明晚|明晨|今天|今日|今儿|今早|今晚|今夜|昨天|昨晚|昨日|前天)", (m, s) -> {
			String word = m.group(1);
			int days = word.startsWith("大后") ? 3 : word.startsWith("后") ? 2
					: word.startsWith("明") ? 1 : word.startsWith("昨") ? -1 : word.startsWith("前") ? -2 : 0;
			s.date(s.today().plusDays(days));
			if (word.endsWith("晚") || word.endsWith("夜")) {
				s.period = "晚上";
			}
			else if (word.endsWith("早") || word.endsWith("晨")) {
				s.period = "早上";
			}
		});
		rule("(?<![a-z])(the day after tomorrow|tomorrow|tmrw|tmr|2morrow|tonight|tonite|today|yesterday|this morning|this afternoon|this evening)(?![a-z])",
				(m, s) -> {
					String word = m.group(1).toLowerCase(Locale.ROOT);
					int days = word.startsWith("the day after") ? 2
							: (word.equals("tomorrow") || word.startsWith("tm") || word.equals("2morrow")) ? 1
									: word.equals("yesterday") ? -1 : 0;
					s.date(s.today().plusDays(days));
					if (word.startsWith("toni")) {
						s.period = "tonight";
					}
					else if (word.startsWith("this ")) {
						s.period = word.substring(5);
					}
				});
		rule("(下下个?|下个?|这个?|本|上个?)?\\s*(?:周|星期|礼拜)\\s*([一二三四五六日天1-7])(?![一二三四五六七八九十\\d])",
				(m, s) -> s.weekday(weekdayIn(s.today(), m.group(1), weekday(m.group(2))), m.group(1) == null));
		rule("(下下个?|下个?|这个?|本)?\\s*周末", (m, s) -> {
			LocalDate saturday = weekdayIn(s.today(), (m.group(1) != null) ? m.group(1) : "这", DayOfWeek.SATURDAY);
			s.date(saturday.isBefore(s.today()) ? s.today() : saturday);
		});
		rule("(?<![a-z])(this|next|coming|last)?\\s*(?:on\\s+)?" + WEEKDAY_EN + "(?![a-z])", (m, s) -> {
			String which = (m.group(1) != null) ? m.group(1).toLowerCase(Locale.ROOT) : null;
			String zh = which == null ? null : which.equals("next") ? "下" : which.equals("last") ? "上" : "这";
			s.date(weekdayIn(s.today(), zh, weekday(m.group(2))));
		});
		rule("(?<![a-z])(this|next|coming)?\\s*weekend(?![a-z])", (m, s) -> {
			String zh = (m.group(1) != null && m.group(1).equalsIgnoreCase("next")) ? "下" : "这";
			LocalDate saturday = weekdayIn(s.today(), zh, DayOfWeek.SATURDAY);
			s.date(saturday.isBefore(s.today()) ? s.today() : saturday);
		});
		rule("(下下个?|下个?)(?:周|星期|礼拜)(?![一二三四五六日天1-7末])",
				(m, s) -> s.date(weekdayIn(s.today(), m.group(1), DayOfWeek.MONDAY)));
		rule("(?<![a-z])next\\s+week(?![a-z])", (m, s) -> s.date(weekdayIn(s.today(), "下", DayOfWeek.MONDAY)));
		rule("(下下个?月|下个?月)(?![\\d一二三四五六七八九十])",
				(m, s) -> s.date(s.today().withDayOfMonth(1).plusMonths(m.group(1).startsWith("下下") ? 2 : 1)));
		rule("(?<![a-z])next\\s+month(?![a-z])", (m, s) -> s.date(s.today().withDayOfMonth(1).plusMonths(1)));
		rule("(?<![月\\d零〇一二两三四五六七八九十周期拜])(" + CN + ")\\s*(?:号|日)(?![游内元])", (m, s) -> {
			Integer day = Numerals.parseInt(m.group(1));
			if (day != null && day >= 1 && day <= 31) {
				LocalDate candidate = safeDay(s.today().withDayOfMonth(1), day);
				s.date(candidate.isBefore(s.today()) ? safeDay(s.today().withDayOfMonth(1).plusMonths(1), day)
						: candidate);
			}
		});
		rule("(?<![a-z])(?:on\\s+)?the\\s+(\\d{1,2})(?:st|nd|rd|th)(?![a-z])", (m, s) -> {
			int day = Integer.parseInt(m.group(1));
			if (day >= 1 && day <= 31) {
				LocalDate candidate = safeDay(s.today().withDayOfMonth(1), day);
				s.date(candidate.isBefore(s.today()) ? safeDay(s.today().withDayOfMonth(1).plusMonths(1), day)
						: candidate);
			}
		});

		// Times of day.
		// Minutes need 分 unless they are two digits or tens: "7点2个人" is 7:00 for two.
		rule(PERIOD_ZH + "?\\s*(" + CN + ")\\s*(?:点|點|时)\\s*(?:(半)|(一刻)|(三刻)|(" + CN
				+ ")\\s*分|(\\d{2}|[一二三四五]?十[一二三四五六七八九]?)(?![\\d个人位份张杯碗箱件袋瓶盒号日月天晚元块]))?\\s*钟?", (m, s) -> {
					String hourText = m.group(2);
					boolean bareOne = "一".equals(hourText) && m.group(1) == null && m.group(3) == null
							&& m.group(4) == null && m.group(5) == null && m.group(6) == null && m.group(7) == null
							&& !m.group().endsWith("钟");
					if (bareOne && !s.precededByDay(m.start())) {
						// "便宜一点", "快一点": a little, not one o'clock.
						s.accepted = false;
						return;
					}
					String minuteText = (m.group(6) != null) ? m.group(6) : m.group(7);
					int minute = (m.group(3) != null) ? 30 : (m.group(4) != null) ? 15 : (m.group(5) != null) ? 45
							: (minuteText != null) ? nullToZero(Numerals.parseInt(minuteText)) : 0;
					s.clock(Numerals.parseInt(hourText), minute, m.group(1));
				});
		rule(PERIOD_ZH + "?\\s*(?<!\\d)(\\d{1,2})[:：](\\d{2})(?!\\d)\\s*(am|pm|a\\.m\\.|p\\.m\\.)?",
				(m, s) -> s.clock(Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)),
						(m.group(4) != null) ? m.group(4) : m.group(1)));
		rule("(?<![a-z\\d])(\\d{1,2})(?:[:.](\\d{2}))?\\s*(am|pm|a\\.m\\.|p\\.m\\.)(?![a-z])", (m, s) -> s
			.clock(Integer.parseInt(m.group(1)), (m.group(2) != null) ? Integer.parseInt(m.group(2)) : 0, m.group(3)));
		rule("(?<![a-z])(\\d{1,2})\\s*o'?clock(?![a-z])", (m, s) -> s.clock(Integer.parseInt(m.group(1)), 0, null));
		rule("(?<![a-z])at\\s+(\\d{1,2})(?![\\d:.%])(?!\\s*(?:people|persons|guests|yuan|rmb|元|块|人|nights?|days?))",
				(m, s) -> s.clock(Integer.parseInt(m.group(1)), 0, null));
		rule("(?<![最提太稍])(凌晨|早上|早晨|清晨|一早|上午|中午|午间|下午|傍晚|晚上|晚间|夜里|夜间|半夜|深夜)", (m, s) -> s.period = m.group(1));
		rule("(?<![a-z])(morning|noon|midday|midnight|afternoon|evening|(?<!per |a |/)night|lunchtime|lunch|dinner|supper|breakfast)(?![a-z])",
				(m, s) -> s.period = m.group(1).toLowerCase(Locale.ROOT));
		rule("(早饭|早餐|午饭|午餐|晚饭|晚餐|夜宵)", (m, s) -> s.period = m.group(1));
	}

	/**
	 * Reads a clause.
	 * @param text the clause
	 * @param now when it was said, in the person's time zone
	 * @return what it says about time; never {@code null}
	 */
	When read(String text, LocalDateTime now) {
		State state = new State(now, text);
		boolean[] used = new boolean[text.length()];
		for (Rule rule : this.rules) {
			Matcher matcher = rule.pattern.matcher(text);
			int from = 0;
			while (from < text.length() && matcher.find(from)) {
				if (matcher.end() == matcher.start() || isUsed(used, matcher.start(), matcher.end())) {
					// Words another rule used are not read again, but what follows them
					// may be.
					from = matcher.start() + 1;
					continue;
				}
				from = matcher.end();
				state.accepted = true;
				rule.action.accept(matcher, state);
				if (state.accepted) {
					markUsed(used, matcher.start(), matcher.end());
					state.spans.add(new Found<>(matcher.group(), matcher.start(), matcher.end()));
				}
			}
		}
		state.spans.sort((a, b) -> Integer.compare(a.start(), b.start()));
		return state.toWhen();
	}

	private void rule(String regex, BiConsumer<Matcher, State> action) {
		this.rules.add(new Rule(Pattern.compile(regex, FLAGS), action));
	}

	private static String countOrHalf() {
		return "(" + CN + "|半)";
	}

	private static boolean isUsed(boolean[] used, int from, int to) {
		for (int i = from; i < to; i++) {
			if (used[i]) {
				return true;
			}
		}
		return false;
	}

	private static void markUsed(boolean[] used, int from, int to) {
		for (int i = from; i < to; i++) {
			used[i] = true;
		}
	}

	private static Double amount(String number, String half) {
		Double value = "半".equals(number) ? Double.valueOf(0.5) : Numerals.parse(number);
		return (value != null && half != null) ? value + 0.5 : value;
	}

	private static String unit(String word) {
		String unit = word.toLowerCase(Locale.ROOT);
		if (unit.startsWith("min") || unit.equals("分钟") || unit.equals("分")) {
			return "minutes";
		}
		if (unit.startsWith("h") || unit.equals("小时") || unit.equals("钟头")) {
			return "hours";
		}
		if (unit.startsWith("d") || unit.equals("天")) {
			return "days";
		}
		if (unit.startsWith("w") || unit.equals("周") || unit.equals("星期") || unit.equals("礼拜")) {
			return "weeks";
		}
		return "months";
	}

	private static Duration duration(double amount, String unit) {
		long minutes = switch (unit) {
			case "minutes" -> Math.round(amount);
			case "hours" -> Math.round(amount * 60);
			case "days" -> Math.round(amount * 24 * 60);
			case "weeks" -> Math.round(amount * 7 * 24 * 60);
			default -> Math.round(amount * 30 * 24 * 60);
		};
		return Duration.ofMinutes(minutes);
	}

	private static DayOfWeek weekday(String word) {
		return switch (word.toLowerCase(Locale.ROOT)) {
			case "一", "1", "monday" -> DayOfWeek.MONDAY;
			case "二", "2", "tuesday" -> DayOfWeek.TUESDAY;
			case "三", "3", "wednesday" -> DayOfWeek.WEDNESDAY;
			case "四", "4", "thursday" -> DayOfWeek.THURSDAY;
			case "五", "5", "friday" -> DayOfWeek.FRIDAY;
			case "六", "6", "saturday" -> DayOfWeek.SATURDAY;
			default -> DayOfWeek.SUNDAY;
		};
	}

	private static int month(String word) {
		String name = word.toLowerCase(Locale.ROOT);
		List<String> months = List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov",
				"dec");
		return months.indexOf(name.substring(0, 3)) + 1;
	}

	/**
	 * The given weekday of this week, the next one or the one after; with no week said,
	 * the next such day not yet past.
	 */
	private static LocalDate weekdayIn(LocalDate today, String which, DayOfWeek day) {
		LocalDate monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
		LocalDate thisWeek = monday.plusDays(day.getValue() - 1L);
		if (which == null || which.isBlank()) {
			return thisWeek.isBefore(today) ? thisWeek.plusWeeks(1) : thisWeek;
		}
		if (which.startsWith("下下")) {
			return thisWeek.plusWeeks(2);
		}
		if (which.startsWith("下")) {
			return thisWeek.plusWeeks(1);
		}
		if (which.startsWith("上")) {
			return thisWeek.minusWeeks(1);
		}
		return thisWeek;
	}

	private static LocalDate safeDay(LocalDate month, Integer day) {
		int wanted = (day == null || day < 1) ? 1 : day;
		return month.withDayOfMonth(Math.min(wanted, month.lengthOfMonth()));
	}

	private static int nullToZero(Integer value) {
		return (value != null) ? value : 0;
	}

	private record Rule(Pattern pattern, BiConsumer<Matcher, State> action) {

	}

	/** What has been read so far from one clause. */
	private static final class State {

		private final LocalDateTime now;

		private final String text;

		private final List<Found<String>> spans = new ArrayList<>();

		private boolean accepted = true;

		private LocalDate date;

		private LocalDate endDate;

		private Integer hour;

		private int minute;

		private String clockPeriod;

		private String period;

		private LocalDateTime exact;

		private Duration before;

		private String repeat;

		private boolean weekdaysOnly;

		private DayOfWeek repeatDay;

		private Integer repeatDayOfMonth;

		State(LocalDateTime now, String text) {
			this.now = now;
			this.text = text;
		}

		LocalDate today() {
			return this.now.toLocalDate();
		}

		boolean precededByDay(int index) {
			return index > 0 && "天日晚早午号".indexOf(this.text.charAt(index - 1)) >= 0;
		}

		void date(LocalDate value) {
			if (this.date == null) {
				this.date = value;
			}
			else if (this.endDate == null && value.isAfter(this.date)) {
				this.endDate = value;
			}
		}

		/**
		 * A weekday; one said bare after another day ("下周三到周五") is the next such day
		 * after it.
		 */
		void weekday(LocalDate value, boolean bare) {
			LocalDate day = value;
			while (bare && this.date != null && !day.isAfter(this.date) && day.isAfter(this.date.minusDays(7))) {
				day = day.plusWeeks(1);
			}
			date(day);
		}

		void monthDay(String year, Integer month, Integer day) {
			if (month == null || day == null || month < 1 || month > 12 || day < 1 || day > 31) {
				this.accepted = false;
				return;
			}
			LocalDate first = LocalDate.of(today().getYear(), month, 1);
			if (year != null && (year.equals("明年") || year.equals("后年"))) {
				first = first.plusYears(year.equals("明年") ? 1 : 2);
				date(safeDay(first, day));
				return;
			}
			if (year != null && year.matches("\\d{4}.*")) {
				date(safeDay(LocalDate.of(Integer.parseInt(year.substring(0, 4)), month, 1), day));
				return;
			}
			LocalDate candidate = safeDay(first, day);
			date((candidate.isBefore(today()) && year == null) ? safeDay(first.plusYears(1), day) : candidate);
		}

		void after(Double amount, String unit) {
			if (amount == null) {
				this.accepted = false;
				return;
			}
			LocalDateTime moment = this.now.plus(duration(amount, unit));
			if (unit.equals("days") || unit.equals("weeks") || unit.equals("months")) {
				date(moment.toLocalDate());
			}
			else {
				this.exact = moment.withSecond(0).withNano(0);
				date(this.exact.toLocalDate());
			}
		}

		void interval(Double amount, String unit) {
			if (amount == null || amount <= 0) {
				this.accepted = false;
				return;
			}
			Duration every = duration(amount, unit);
			this.repeat = every.toString();
			this.exact = this.now.plus(every).withSecond(0).withNano(0);
		}

		void before(Double amount, String unit) {
			if (amount == null) {
				this.accepted = false;
				return;
			}
			this.before = duration(amount, unit);
		}

		void clock(Integer hourValue, int minuteValue, String localPeriod) {
			if (hourValue == null || hourValue > 24 || minuteValue > 59 || this.hour != null) {
				this.accepted = (this.hour != null && hourValue != null);
				return;
			}
			this.hour = hourValue;
			this.minute = minuteValue;
			this.clockPeriod = (localPeriod != null) ? localPeriod.toLowerCase(Locale.ROOT) : null;
		}

		When toWhen() {
			LocalTime time = null;
			String effective = (this.clockPeriod != null) ? this.clockPeriod : this.period;
			if (this.hour != null) {
				int h = this.hour;
				if (effective != null && LATE.contains(effective) && h < 12) {
					h += 12;
				}
				else if (effective != null && (effective.equals("中午") || effective.equals("午间")) && h < 6) {
					h += 12;
				}
				else if (effective != null && (effective.equals("am") || effective.equals("a.m.")) && h == 12) {
					h = 0;
				}
				else if (effective == null && h >= 1 && h <= 6) {
					// With no part of the day said, "3点" and "at 3" mean the afternoon.
					h += 12;
				}
				time = LocalTime.of(h % 24, this.minute);
			}
			else if (this.period != null) {
				time = PERIOD_TIMES.get(this.period);
			}
			LocalDateTime exactMoment = this.exact;
			if (exactMoment == null && this.repeat == null && this.date == null && time == null
					&& this.before == null) {
				return new When(null, null, null, null, null, null, false, null, null, List.copyOf(this.spans));
			}
			return new When(this.date, this.endDate, time, exactMoment, this.before, this.repeat, this.weekdaysOnly,
					this.repeatDay, this.repeatDayOfMonth, List.copyOf(this.spans));
		}

	}

}
