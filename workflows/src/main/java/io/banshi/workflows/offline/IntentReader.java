package io.banshi.workflows.offline;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what a clause asks for: the domains its words name (see {@link Domain}), whether
 * it asks to buy or book (a verb of getting that is not negated: 订, 买, 点一份, 下单, book,
 * buy, order), whether it asks to compare (比较, 最便宜, cheapest, best, or picking one of
 * many), and whether it asks about what is already there (花了多少, 查询支出, how much did I
 * spend).
 */
final class IntentReader {

	private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

	private static final String NEGATION_ZH = "(?<!不要|别|不用|不必|无需|先不|暂时不|不想|不需要|别帮我|不用帮我)";

	private static final Pattern ORDER_ZH = Pattern.compile(NEGATION_ZH
			+ "(?:预订|预定|订(?!阅|单号|单)|买(?!单)|购买|下单|抢(?:票|购)|付款|支付|安排(?=[^,，。]{0,6}(?:机票|酒店|高铁|火车|住宿|航班|餐厅|位子))"
			+ "|叫(?:个|一份)?外卖|来(?:一|两|几)?份|要(?:一|两)份|入手|拍下|(?<![\\d零一二两三四五六七八九十半])点(?=[一两二三四五六七八九十几个份杯碗些了单]|外卖|餐))",
			FLAGS);

	private static final Pattern ORDER_EN = Pattern.compile("(?<![a-z])(?<!(?:don't|do not|never|without|no need to) )"
			+ "(?<!(?:a|an|the|my|your|this|in|his|her|our) )(?:book|buy|order|purchase|reserve|get me|pay for|grab me"
			+ "|get (?:a|an|the|some|two|three|four|\\d+))(?![a-z])", FLAGS);

	private static final Pattern LOOK_ONLY = Pattern
		.compile("只(?:是)?(?:查|看|比|问)|先(?:查|看|比)(?:一下|下|看)?(?:就行|就好)|不(?:用|要)(?:买|订|下单)"
				+ "|(?<![a-z])(?:just|only) (?:check|compare|look|looking|browse|browsing|see)(?![a-z])"
				+ "|(?<![a-z])(?:don'?t|do not) (?:book|buy|order|purchase)(?![a-z])", FLAGS);

	private static final Pattern COMPARE = Pattern.compile(
			"比较|对比|比价|比一比|比一下|比比|比下|哪个好|哪家好|哪个更|选一个|挑一个|挑个|"
					+ "(?<![a-z])(?:compare|comparison|versus|vs\\.?|which is better|pick (?:a|one|the))(?![a-z])",
			FLAGS);

	private static final Pattern BY_PRICE = Pattern.compile("最便宜|最划算|最实惠|性价比|便宜|价格最低|最低价|特价|打折|"
			+ "(?<![a-z])(?:cheapest|cheaper|cheap|lowest price|lowest|affordable|budget-friendly|best price|best deal|inexpensive)(?![a-z])",
			FLAGS);

	private static final Pattern BY_TIME = Pattern.compile(
			"最早|最快|最晚|最近的一班|最近一班|"
					+ "(?<![a-z])(?:earliest|fastest|quickest|latest|soonest|shortest|first (?:flight|train))(?![a-z])",
			FLAGS);

	private static final Pattern BY_RATING = Pattern.compile("最好|评分最高|评分高|口碑最好|口碑好|最好吃|最受欢迎|好评|靠谱|推荐一[款个家部台]|"
			+ "(?<![a-z])(?:top[- ]rated|highest[- ]rated|best|most popular|well[- ]reviewed|good reviews|recommend)(?![a-z])",
			FLAGS);

	private static final Pattern PICK_ONE = Pattern.compile("(?:找|推荐|挑|选|搜)(?:一下)?(?:一|几)?[款个家部台件只]|"
			+ "(?<![a-z])(?:find|recommend|pick|choose)(?: me)? (?:a|an|one|some)(?![a-z])", FLAGS);

	private static final Pattern QUERY = Pattern.compile("多少|查|算算|算一下|统计|总共|一共|汇总|看看我|有什么安排|有哪些安排|有没有安排|"
			+ "(?<![a-z])(?:how much|total|summary|summari[sz]e|show me|what'?s on|do i have|check my|list my|how many|what did (?:i|we)|where did (?:i|we)|track my|my spending|spending on|show (?:me )?(?:my|all)|list (?:my|all))(?![a-z])",
			FLAGS);

	private static final Pattern TRIP = Pattern.compile("玩|旅游|旅行|度假|出游|游玩|出差|自驾游|过周末|散心|"
			+ "(?<![a-z])(?:trip|vacation|holiday|travel|travell?ing|getaway|visit|visiting|tour|go(?:ing)? to|head(?:ing)? to"
			+ "|take (?:the |my )?(?:family|kids|wife|husband|parents|girlfriend|boyfriend) to)(?![a-z])", FLAGS);

	private static final Pattern DELIVERY_EXPLICIT = Pattern
		.compile("外卖|送餐|送到|配送|(?<![a-z])(?:delivery|deliver|takeout|take-out|takeaway)(?![a-z])", FLAGS);

	private static final Pattern CALENDAR_EXPLICIT = Pattern
		.compile("日历|日程|行程表|建个会|建一个会|(?<![a-z])(?:calendar|schedule)(?![a-z])", FLAGS);

	private static final Pattern FLY_BETWEEN = Pattern.compile("飞(?:往|去|到)?");

	/**
	 * Reads a clause.
	 * @param text the clause
	 * @param places where the clause names places, to read "北京飞广州" as a flight
	 * @return what it asks for
	 */
	Intent read(String text, List<Found<Gazetteer.Named>> places) {
		Map<Domain, Integer> strong = new EnumMap<>(Domain.class);
		for (Domain domain : Domain.values()) {
			Matcher matcher = domain.strong().matcher(text);
			if (matcher.find()) {
				strong.put(domain, matcher.start());
			}
		}
		Matcher fly = FLY_BETWEEN.matcher(text);
		while (fly.find() && !strong.containsKey(Domain.FLIGHT)) {
			int at = fly.start();
			int after = fly.end();
			if (places.stream().anyMatch((p) -> p.end() == at || p.start() == after)) {
				strong.put(Domain.FLIGHT, at);
			}
		}
		Map<Domain, Integer> found = strong;
		if (found.isEmpty()) {
			found = new EnumMap<>(Domain.class);
			for (Domain domain : Domain.values()) {
				if (domain.weak() != null) {
					Matcher matcher = domain.weak().matcher(text);
					if (matcher.find()) {
						found.put(domain, matcher.start());
					}
				}
			}
		}
		else {
			// A weak word of a domain not named otherwise ("附近的", "买") adds nothing.
			Map<Domain, Integer> named = found;
			for (Domain domain : Domain.values()) {
				if (domain.weak() != null && !named.containsKey(domain) && domain == Domain.SHOP
						&& named.keySet().stream().noneMatch(Domain::orderable)) {
					Matcher matcher = domain.weak().matcher(text);
					if (matcher.find()) {
						named.put(domain, matcher.start());
					}
				}
			}
		}
		boolean query = QUERY.matcher(text).find();
		resolveConflicts(found, text);
		List<Domain> domains = new ArrayList<>(found.keySet());
		Map<Domain, Integer> positions = found;
		domains.sort((a, b) -> Integer.compare(positions.get(a), positions.get(b)));

		boolean lookOnly = LOOK_ONLY.matcher(text).find();
		boolean order = !lookOnly && (ORDER_ZH.matcher(text).find() || ORDER_EN.matcher(text).find());
		String by = BY_TIME.matcher(text).find() ? "time"
				: BY_PRICE.matcher(text).find() ? "price" : BY_RATING.matcher(text).find() ? "rating" : null;
		boolean compare = by != null || COMPARE.matcher(text).find() || PICK_ONE.matcher(text).find();
		return new Intent(List.copyOf(domains), order, compare, by, query, TRIP.matcher(text).find());
	}

	/**
	 * Tells whether a clause asks only to look ("只查一下", "just compare", "don't book").
	 * @param text the clause
	 * @return true when it says not to buy or book
	 */
	boolean lookOnly(String text) {
		return LOOK_ONLY.matcher(text).find();
	}

	private static void resolveConflicts(Map<Domain, Integer> found, String text) {
		if (found.containsKey(Domain.LEDGER)) {
			// "花了多少外卖钱", "spent 45 yuan on lunch": the ledger, not the lunch.
			found.keySet().retainAll(List.of(Domain.LEDGER, Domain.NOTIFY));
		}
		if (found.containsKey(Domain.RESTAURANT) && !DELIVERY_EXPLICIT.matcher(text).find()) {
			found.remove(Domain.DELIVERY);
		}
		if (found.containsKey(Domain.DELIVERY) && found.containsKey(Domain.RESTAURANT)
				&& DELIVERY_EXPLICIT.matcher(text).find()) {
			found.remove(Domain.RESTAURANT);
		}
		if (found.containsKey(Domain.FLIGHT) || found.containsKey(Domain.TRAIN)) {
			found.remove(Domain.ROUTE);
		}
		if (found.containsKey(Domain.CALENDAR) && found.size() > 1 && !CALENDAR_EXPLICIT.matcher(text).find()) {
			// "明天去上海开会, 订机票": the meeting is why, the flight is what.
			found.remove(Domain.CALENDAR);
		}
		boolean specific = found.keySet()
			.stream()
			.anyMatch((d) -> d == Domain.RESTAURANT || d == Domain.HOTEL || d == Domain.DELIVERY || d == Domain.SHOP);
		if (specific && found.containsKey(Domain.POI) && !Domain.POI.strong().matcher(text).find()) {
			found.remove(Domain.POI);
		}
		if (found.containsKey(Domain.SHOP) && found.size() > 1
				&& found.keySet().stream().anyMatch((d) -> d != Domain.SHOP && d.orderable())
				&& !Domain.SHOP.strong().matcher(text).find()) {
			found.remove(Domain.SHOP);
		}
	}

}
