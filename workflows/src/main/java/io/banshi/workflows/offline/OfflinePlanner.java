package io.banshi.workflows.offline;

import java.text.Normalizer;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import io.banshi.workflows.catalog.Capability;
import io.banshi.workflows.catalog.CapabilityCatalog;
import io.banshi.workflows.plan.Plan;
import io.banshi.workflows.plan.PlanOutcome;
import io.banshi.workflows.plan.PlanRequest;
import io.banshi.workflows.plan.PlanStep;
import io.banshi.workflows.plan.Planner;
import io.banshi.workflows.plan.StepKind;

/**
 * The embedded planner that needs no model: dictionaries and rules for Chinese and
 * English.
 *
 * <p>
 * A sentence is read in a fixed order. First what must stop it: nothing to read (empty,
 * emoji, punctuation), too long to be one errand, or harm ({@link Safety}). Then it is
 * split into the errand and a reminder ("..., 并提醒我带充电器", "... and remind me on
 * Saturday"), and each part is read for time ({@link TimeReader}), money
 * ({@link MoneyReader}), counts ({@link CountReader}), places ({@link Gazetteer}), what
 * it asks for ({@link IntentReader}) and its object ({@link ItemReader}). The plan
 * follows from a small grammar: each domain is a {@code query}, followed by a
 * {@code compare} when the person asked to compare or to pick among options, and by
 * {@code confirm} then {@code order} when they asked to buy or book; a reminder is a
 * {@code remind} step after the rest; a closing {@code notify} tells the person the
 * outcome. When something a step cannot do without is missing (where to fly, what to
 * buy), the planner asks.
 */
public class OfflinePlanner implements Planner {

	/** The longest sentence read; an errand is one or two sentences. */
	static final int MAX_LENGTH = 500;

	private static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Shanghai");

	private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

	private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

	private static final Pattern REMIND = Pattern
		.compile("提醒|叫醒我?|叫我(?=起床|起来)|别忘了?|记得|闹钟|(?<![a-z])(?:remind|reminder|don'?t (?:let me )?forget|wake me up"
				+ "|alarm|wake me)(?![a-z])", FLAGS);

	private static final Pattern SEPARATOR = Pattern
		.compile("[,;!?。！？；，]|并且?|然后|再|同时|顺便|还要|另外|" + "(?<![a-z])(?:and|then|also|plus)(?![a-z])", FLAGS);

	private static final Pattern REMINDER_END = Pattern
		.compile("[,;。！？；，]\\s*(?:and\\s+)?(?:然后|再|另外|顺便|还有|also\\s+|then\\s+)?|然后|另外|顺便", FLAGS);

	private static final Pattern REMIND_LEAD = Pattern
		.compile("^(?:\\s|我们|我|一下|下|一个|个|(?:me|us|to|that|about|of|for|on|my|the|at|s)(?![a-z]))+", FLAGS);

	private static final Pattern REMIND_SETUP = Pattern.compile(
			"请|帮我|给我|设置?|定个|定一个|订个|订一个|建个|一个|个|订|(?<![a-z])(?:set (?:up )?(?:an|a)|create (?:an|a)|add (?:an|a))(?![a-z])"
					+ "|please|can you|could you",
			FLAGS);

	private static final Pattern CONDITIONAL = Pattern
		.compile("如果|要是|假如|若是|的话|(?<![a-z])(?:if|unless|depending on|in case)(?![a-z])", FLAGS);

	private static final Pattern PRONOUN = Pattern.compile("(?<![a-z])(?:it|them)(?![a-z])|它|它们", FLAGS);

	private static final Pattern FROM_TO_ZH = Pattern.compile(
			"从\\s*([\\p{IsHan}A-Za-z0-9]{1,12}?)\\s*(?:到|去|至)\\s*([\\p{IsHan}A-Za-z0-9]{1,12}?)(?=的|怎么|路线|要|需要|多|坐|开|走|骑|打车|\\s|[,.!?。，]|$)");

	private static final Pattern FROM_TO_EN = Pattern.compile(
			"(?<![a-z])from\\s+([a-z][\\w' ]{1,30}?)\\s+to\\s+([a-z][\\w' ]{1,30}?)(?=\\s+(?:on|by|and|in|at|for|tomorrow|today|next|this)(?![a-z])|[,.?!]|\\s*$)",
			FLAGS);

	private static final Pattern DESTINATION_ZH = Pattern
		.compile("(?:去|到|飞往|前往|飞)\\s*(\\p{IsHan}{2,4}?)\\s*(?:玩|旅游|旅行|出差|度假|游玩|看看|逛逛|的机票|的高铁|的火车|的航班|的酒店|住|开会)");

	/**
	 * A capitalised name after "to", "in", "visit": a place the gazetteer does not know.
	 */
	private static final Pattern DESTINATION_EN = Pattern
		.compile("(?<![A-Za-z])(?:to|in|visit|visiting)\\s+((?:[A-Z][a-zA-Z'\\-]+)(?:\\s+[A-Z][a-zA-Z'\\-]+)?)");

	private static final Pattern ORIGIN_CUE = Pattern.compile("(?:从|由|自|(?<![a-z])from)\\s*$", FLAGS);

	private static final Pattern DESTINATION_CUE = Pattern
		.compile("(?:到|去|往|飞|至|抵达|前往|回|在|(?<![a-z])(?:to|in|at|visit|visiting|for))\\s*$", FLAGS);

	private static final Pattern PAIR_GAP = Pattern.compile("^\\s*(?:到|至|飞|飞往|去|-|—|→|~|(?<![a-z])to(?![a-z]))\\s*$",
			FLAGS);

	private static final Pattern MEANINGFUL = Pattern.compile("[\\p{IsHan}\\p{L}\\p{N}]");

	private static final Pattern GREETING = Pattern
		.compile("^(?:你好|您好|嗨|哈喽|在吗|在不在|谢谢|多谢|hi|hello|hey|thanks|thank you|good (?:morning|evening|night))"
				+ "[\\s!,.?~。！？呀啊呢哦]*$", FLAGS);

	private static final Pattern CALENDAR_FILLER = Pattern
		.compile("帮我|给我|请|在日历上|到日历|日历上|日历里|日历|日程|建个会议|建一个会议|建个|建一个|创建|添加|安排|一下|加一个|加个|加到|加入|放到|记到|"
				+ "(?<![a-z])(?:please|schedule|add|create|put|set up|on my calendar|to my calendar|my calendar|calendar|a|an)(?![a-z])",
				FLAGS);

	private final CapabilityCatalog catalog;

	private final Gazetteer gazetteer = Gazetteer.builtIn();

	private final TimeReader times = new TimeReader();

	private final MoneyReader money = new MoneyReader();

	private final CountReader counts = new CountReader();

	private final IntentReader intents = new IntentReader();

	private final ItemReader items = new ItemReader();

	private final Safety safety = new Safety();

	/**
	 * Creates the planner over the built-in capability catalog.
	 */
	public OfflinePlanner() {
		this(CapabilityCatalog.builtIn());
	}

	/**
	 * Creates the planner over a catalog.
	 * @param catalog the capabilities steps may use
	 */
	public OfflinePlanner(CapabilityCatalog catalog) {
		this.catalog = catalog;
	}

	@Override
	public PlanOutcome plan(PlanRequest request) {
		String raw = (request.text() != null) ? request.text() : "";
		String text = normalize(raw);
		boolean chinese = text.codePoints().anyMatch(OfflinePlanner::isHan) || text.isEmpty();
		if (raw.length() > MAX_LENGTH) {
			return new PlanOutcome.Clarify(chinese ? "这段话太长了（超过" + MAX_LENGTH + "字）。请用一两句话告诉我要办什么事，比如“帮我订明天去上海的机票”。"
					: "That is too long to be one errand (over " + MAX_LENGTH
							+ " characters). Please tell me in a sentence or two what to do, for example \"book a flight to Shanghai tomorrow\".");
		}
		if (!MEANINGFUL.matcher(text).find() || GREETING.matcher(text).matches()) {
			return new PlanOutcome.Clarify(chinese ? "你好！想让我帮你办什么事？比如订机票、订酒店、点外卖、买东西、查天气或者设提醒。"
					: "Hello! What can I do for you? For example book a flight or a hotel, order food, buy something,"
							+ " check the weather or set a reminder.");
		}
		String refusal = this.safety.refusal(text);
		if (refusal != null) {
			return new PlanOutcome.Refuse(refusal);
		}
		ZoneId zone = (request.zone() != null) ? request.zone() : DEFAULT_ZONE;
		LocalDateTime now = ((request.now() != null) ? request.now().atZoneSameInstant(zone) : ZonedDateTime.now(zone))
			.toLocalDateTime()
			.truncatedTo(ChronoUnit.MINUTES);
		return new Reading(text, chinese, now, zone, request.previousSlots()).plan();
	}

	private static String normalize(String raw) {
		String text = Normalizer.normalize(raw, Normalizer.Form.NFKC);
		return text.replace('’', '\'').replaceAll("\\s+", " ").strip();
	}

	private static boolean isHan(int codePoint) {
		return Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.HAN;
	}

	private static Object number(double value) {
		return (value == Math.rint(value) && Math.abs(value) < Long.MAX_VALUE) ? (Object) (long) value : value;
	}

	/** One sentence being read; holds what was found so far. */
	private final class Reading {

		private final String text;

		private final boolean chinese;

		private final LocalDateTime now;

		private final ZoneId zone;

		private final Map<String, Object> previous;

		private final Map<String, Object> slots = new LinkedHashMap<>();

		private final List<PlanStep> steps = new ArrayList<>();

		private final List<String> notes = new ArrayList<>();

		private boolean query;

		Reading(String text, boolean chinese, LocalDateTime now, ZoneId zone, Map<String, Object> previous) {
			this.text = text;
			this.chinese = chinese;
			this.now = now;
			this.zone = zone;
			this.previous = previous;
		}

		PlanOutcome plan() {
			String main = this.text;
			String reminder = null;
			Matcher remind = REMIND.matcher(this.text);
			if (remind.find()) {
				int cut = -1;
				int cutEnd = -1;
				Matcher separator = SEPARATOR.matcher(this.text.substring(0, remind.start()));
				while (separator.find()) {
					cut = separator.start();
					cutEnd = separator.end();
				}
				if (cut > 0) {
					main = this.text.substring(0, cut);
					reminder = this.text.substring(cutEnd);
				}
				else {
					main = "";
					reminder = this.text;
					// "提醒我明天带伞, 再帮我订张机票": the reminder first, then the errand.
					Matcher after = REMINDER_END.matcher(this.text);
					if (after.find(remind.end())) {
						String rest = this.text.substring(after.end());
						if (!OfflinePlanner.this.intents.read(rest, OfflinePlanner.this.gazetteer.find(rest))
							.domains()
							.isEmpty()) {
							reminder = this.text.substring(0, after.start());
							main = rest;
						}
					}
				}
			}

			List<Found<Gazetteer.Named>> places = OfflinePlanner.this.gazetteer.find(main);
			Intent intent = OfflinePlanner.this.intents.read(main, places);
			if (intent.domains().isEmpty() && reminder != null && !main.isBlank()) {
				// "下周五晚上, 提醒我加油": the first part only says when.
				reminder = this.text;
				main = "";
				places = List.of();
				intent = OfflinePlanner.this.intents.read(main, places);
			}
			List<Domain> domains = new ArrayList<>(intent.domains());
			if (domains.isEmpty() && intent.trip() && (!places.isEmpty() || DESTINATION_ZH.matcher(main).find()
					|| DESTINATION_EN.matcher(main).find())) {
				// "周末去杭州玩两天", "plan a trip to Xi'an": arranging a trip is booking its
				// stay.
				domains.add(Domain.HOTEL);
				intent = new Intent(List.of(Domain.HOTEL), !lookOnly(main), true, intent.compareBy(), intent.query(),
						true);
			}
			if (domains.isEmpty() && reminder == null && (FROM_TO_ZH.matcher(main).find()
					|| FROM_TO_EN.matcher(main).find() || placesInPair(main, places))) {
				// "从天安门到颐和园?": from one place to another is a way to find.
				domains.add(Domain.ROUTE);
			}
			if (domains.isEmpty() && intent.order() && reminder == null) {
				// "订一束花送给妈妈": something to buy that no dictionary names is a product.
				domains.add(Domain.SHOP);
			}
			if (domains.isEmpty() && reminder == null) {
				return new PlanOutcome.Clarify(this.chinese ? "我还不清楚要帮你办什么。可以说得具体些吗？比如“帮我订下周三去上海的机票”或“每天早上7点提醒我吃药”。"
						: "I'm not sure what you'd like me to do. Could you be more specific? For example \"book a flight to"
								+ " Shanghai next Wednesday\" or \"remind me to take my medicine every day at 7am\".");
			}

			When when = OfflinePlanner.this.times.read(main, this.now);
			List<Found<Money>> sums = OfflinePlanner.this.money.find(main);
			Counts count = OfflinePlanner.this.counts.read(blank(main, List.of(), sums, List.of(), List.of()));
			String blanked = blank(main, when.spans(), sums, count.spans(), places);
			readPlaces(main, blank(main, when.spans(), sums, count.spans(), List.of()), places, domains);
			this.query = intent.query();
			readWhen(when, domains);
			readMoney(sums, domains, intent);
			putIfPresent("nights", nights(count, when, domains));
			putIfPresent("party_size", count.partySize());
			putIfPresent("quantity", count.quantity());
			Domain itemDomain = primaryItemDomain(domains);
			String item = (itemDomain == null) ? null : OfflinePlanner.this.items.read(blanked, main, itemDomain);
			putIfPresent("item", item);
			inherit(domains);

			PlanOutcome.Clarify missing = missing(domains, intent);
			if (missing != null) {
				return missing;
			}
			List<String> ends = new ArrayList<>();
			boolean conditional = CONDITIONAL.matcher(main).find();
			String weather = null;
			for (Domain domain : domains) {
				if (domain == Domain.NOTIFY) {
					continue;
				}
				// "看看天气, 如果不下雨就订酒店": the rest waits for the forecast.
				boolean waits = conditional && weather != null;
				String end = chain(domain, intent, main, blanked, waits ? List.of(weather) : List.of());
				if (waits) {
					ends.remove(weather);
				}
				if (domain == Domain.WEATHER) {
					weather = end;
				}
				ends.add(end);
			}
			if (!ends.isEmpty() || domains.contains(Domain.NOTIFY)) {
				// The person hears the outcome now; a reminder, if any, waits after that.
				Map<String, Object> inputs = new LinkedHashMap<>();
				inputs.put("text", domains.contains(Domain.NOTIFY) ? main : summary(domains));
				ends = List.of(add(StepKind.NOTIFY, Domain.NOTIFY.capability(), inputs, ends));
			}
			if (reminder != null) {
				String about = (item != null) ? item
						: domains.contains(Domain.CALENDAR) ? calendarTitle(main, blanked) : null;
				remind(reminder, when, about, ends);
			}
			return new PlanOutcome.Planned(new Plan(this.slots, this.steps),
					this.notes.isEmpty() ? null : String.join(" ", this.notes));
		}

		private boolean placesInPair(String main, List<Found<Gazetteer.Named>> places) {
			for (int i = 0; i + 1 < places.size(); i++) {
				if (PAIR_GAP.matcher(main.substring(places.get(i).end(), places.get(i + 1).start())).matches()) {
					return true;
				}
			}
			return false;
		}

		private boolean lookOnly(String main) {
			return OfflinePlanner.this.intents.lookOnly(main);
		}

		private void readPlaces(String main, String loose, List<Found<Gazetteer.Named>> places, List<Domain> domains) {
			String origin = null;
			String destination = null;
			for (int i = 0; i + 1 < places.size() && origin == null; i++) {
				Found<Gazetteer.Named> first = places.get(i);
				Found<Gazetteer.Named> second = places.get(i + 1);
				if (PAIR_GAP.matcher(main.substring(first.end(), second.start())).matches()
						&& !DESTINATION_CUE.matcher(main.substring(0, first.start())).find()) {
					origin = first.value().name();
					destination = second.value().name();
				}
			}
			for (Found<Gazetteer.Named> place : places) {
				String before = main.substring(Math.max(0, place.start() - 6), place.start());
				if (origin == null && ORIGIN_CUE.matcher(before).find()) {
					origin = place.value().name();
				}
				else if (destination == null && DESTINATION_CUE.matcher(before).find()
						&& !place.value().name().equals(origin)) {
					destination = place.value().name();
				}
			}
			if (destination == null) {
				for (Found<Gazetteer.Named> place : places) {
					if (!place.value().name().equals(origin)) {
						destination = place.value().name();
						break;
					}
				}
			}
			if (origin == null || destination == null) {
				Matcher zh = FROM_TO_ZH.matcher(loose);
				Matcher en = FROM_TO_EN.matcher(loose);
				Matcher pair = zh.find() ? zh : en.find() ? en : null;
				if (pair != null) {
					origin = (origin != null) ? origin : pair.group(1).strip();
					destination = (destination != null) ? destination : pair.group(2).strip();
				}
			}
			boolean needsPlace = domains.stream()
				.anyMatch((d) -> d == Domain.FLIGHT || d == Domain.TRAIN || d == Domain.HOTEL || d == Domain.WEATHER
						|| d == Domain.POI);
			if (destination == null && needsPlace) {
				Matcher zh = DESTINATION_ZH.matcher(loose);
				Matcher en = DESTINATION_EN.matcher(loose);
				destination = zh.find() ? zh.group(1) : en.find() ? en.group(1) : null;
			}
			putIfPresent("origin", origin);
			putIfPresent("destination", (domains.contains(Domain.ROUTE)) ? destination : withCity(destination));
		}

		/**
		 * Names a landmark with its city ("外滩，上海", "The Bund, Shanghai") where the city
		 * matters: a hotel, the weather, a flight.
		 */
		private String withCity(String destination) {
			Place place = (destination != null) ? OfflinePlanner.this.gazetteer.lookup(destination) : null;
			if (place == null || place.city() == null) {
				return destination;
			}
			Place city = OfflinePlanner.this.gazetteer.lookup(place.city());
			boolean han = destination.codePoints().anyMatch(OfflinePlanner::isHan);
			if (han) {
				return destination + "，" + place.city();
			}
			return destination + ", " + ((city != null) ? city.en() : place.city());
		}

		private void readWhen(When when, List<Domain> domains) {
			if (when.date() != null) {
				this.slots.put("date", when.date().toString());
			}
			else if (when.repeat() != null || when.exact() != null) {
				LocalDateTime first = when.firstMoment(this.now, null, LocalTime.of(9, 0));
				if (first != null) {
					this.slots.put("date", first.toLocalDate().toString());
				}
			}
			else if (domains.contains(Domain.LEDGER) && !this.query) {
				// A ledger entry with no day said is for today.
				this.slots.put("date", this.now.toLocalDate().toString());
			}
			if (when.time() != null) {
				this.slots.put("time", when.time().toString());
			}
			else if (when.exact() != null) {
				this.slots.put("time", when.exact().toLocalTime().toString());
			}
			if (when.repeat() != null && !domains.isEmpty()) {
				this.slots.put("repeat", when.repeat());
			}
		}

		private void readMoney(List<Found<Money>> sums, List<Domain> domains, Intent intent) {
			Double budget = null;
			Double amount = null;
			Double plain = null;
			for (Found<Money> sum : sums) {
				switch (sum.value().kind()) {
					case BUDGET -> budget = (budget == null) ? sum.value().amount() : budget;
					case SPENT -> amount = (amount == null) ? sum.value().amount() : amount;
					default -> plain = (plain == null) ? sum.value().amount() : plain;
				}
			}
			if (domains.contains(Domain.LEDGER)) {
				amount = (amount != null) ? amount : (plain != null) ? plain : budget;
				budget = null;
			}
			else if (budget == null && plain != null) {
				budget = plain;
			}
			if (budget != null) {
				this.slots.put("budget", number(budget));
			}
			if (amount != null && !(domains.contains(Domain.LEDGER) && intent.query())) {
				this.slots.put("amount", number(amount));
			}
		}

		private Integer nights(Counts count, When when, List<Domain> domains) {
			if (count.nights() != null) {
				return count.nights();
			}
			if (when.date() != null && when.endDate() != null && domains.contains(Domain.HOTEL)) {
				return (int) ChronoUnit.DAYS.between(when.date(), when.endDate());
			}
			return null;
		}

		private Domain primaryItemDomain(List<Domain> domains) {
			for (Domain domain : List.of(Domain.SHOP, Domain.DELIVERY, Domain.RESTAURANT, Domain.LEDGER, Domain.VIDEO,
					Domain.POI)) {
				if (domains.contains(domain)) {
					return domain;
				}
			}
			// Flights, trains, hotels, weather and routes have places, not items.
			return null;
		}

		/**
		 * A follow-up ("适合穿什么?" after "杭州天气如何?") keeps the place and day of the
		 * conversation when it names none.
		 */
		private void inherit(List<Domain> domains) {
			if (this.previous.isEmpty() || domains.isEmpty()) {
				return;
			}
			for (String key : List.of("destination", "date", "origin")) {
				Object value = this.previous.get(key);
				if (!this.slots.containsKey(key) && value != null && !(key.equals("origin") && domains.stream()
					.noneMatch((d) -> d == Domain.FLIGHT || d == Domain.TRAIN || d == Domain.ROUTE))) {
					this.slots.put(key, value);
				}
			}
		}

		private PlanOutcome.Clarify missing(List<Domain> domains, Intent intent) {
			for (Domain domain : domains) {
				boolean needsPlace = domain == Domain.FLIGHT || domain == Domain.TRAIN || domain == Domain.HOTEL
						|| domain == Domain.WEATHER || domain == Domain.ROUTE;
				if (needsPlace && !this.slots.containsKey("destination")) {
					return new PlanOutcome.Clarify(this.chinese ? switch (domain) {
						case WEATHER -> "想查哪个城市的天气？";
						case HOTEL -> "想订哪个城市的酒店？";
						case ROUTE -> "要去哪里？从哪里出发？";
						default -> "要去哪个城市？从哪里出发、哪天走？";
					} : switch (domain) {
						case WEATHER -> "Which city's weather would you like?";
						case HOTEL -> "Which city should the hotel be in?";
						case ROUTE -> "Where to, and from where?";
						default -> "Which city are you going to, from where, and on what day?";
					});
				}
				if ((domain == Domain.SHOP || domain == Domain.DELIVERY) && !this.slots.containsKey("item")) {
					return new PlanOutcome.Clarify(this.chinese ? "想买什么？请说一下具体的商品或菜品。"
							: "What would you like to buy? Please name the product or dish.");
				}
				if (domain == Domain.LEDGER && !intent.query() && !this.slots.containsKey("amount")) {
					return new PlanOutcome.Clarify(this.chinese ? "这笔花了多少钱？" : "How much was it?");
				}
			}
			return null;
		}

		private String chain(Domain domain, Intent intent, String main, String blanked, List<String> after) {
			Map<String, Object> inputs = inputsFor(domain.capability(), domain, main, blanked);
			boolean ordering = domain.orderable() && switch (domain) {
				case LEDGER -> !intent.query() && this.slots.containsKey("amount");
				case CALENDAR -> !intent.query();
				default -> intent.order();
			};
			if (domain == Domain.CALENDAR && ordering || domain == Domain.LEDGER && ordering) {
				// Writing an entry needs no look-up; it is still confirmed first.
				String confirm = add(StepKind.CONFIRM, domain.capability(), confirmInputs(domain), after);
				return add(StepKind.ORDER, domain.capability(), inputs, List.of(confirm));
			}
			String last = add(StepKind.QUERY, domain.capability(), inputs, after);
			boolean picksAmongOptions = ordering && (domain != Domain.RESTAURANT
					|| !OfflinePlanner.this.items.isNamedRestaurant((String) inputs.get("item")));
			boolean compare = intent.compare() || picksAmongOptions
					|| (this.slots.containsKey("budget") && domain.orderable());
			if (compare && domain != Domain.WEATHER && domain != Domain.ROUTE) {
				Map<String, Object> by = new LinkedHashMap<>();
				by.put("by",
						(intent.compareBy() != null) ? intent.compareBy()
								: (domain == Domain.VIDEO || domain == Domain.POI || domain == Domain.RESTAURANT)
										? "rating" : "price");
				if (this.slots.containsKey("budget")) {
					by.put("budget", this.slots.get("budget"));
				}
				last = add(StepKind.COMPARE, domain.capability(), by, List.of(last));
			}
			if (ordering) {
				String confirm = add(StepKind.CONFIRM, domain.capability(), confirmInputs(domain), List.of(last));
				last = add(StepKind.ORDER, domain.capability(), inputs, List.of(confirm));
			}
			return last;
		}

		private Map<String, Object> confirmInputs(Domain domain) {
			Map<String, Object> inputs = new LinkedHashMap<>();
			inputs.put("question",
					this.chinese ? "请确认或选择一个选项后再下单。" : "Please confirm or pick an option before I go ahead.");
			return inputs;
		}

		private Map<String, Object> inputsFor(String capabilityName, Domain domain, String main, String blanked) {
			Map<String, Object> inputs = new LinkedHashMap<>();
			JsonNode properties = OfflinePlanner.this.catalog.find(capabilityName)
				.map(Capability::input)
				.map((schema) -> schema.path("properties"))
				.orElse(null);
			for (Map.Entry<String, Object> slot : this.slots.entrySet()) {
				if (properties == null || properties.has(slot.getKey())) {
					inputs.put(slot.getKey(), slot.getValue());
				}
			}
			if (domain == Domain.CALENDAR) {
				inputs.put("title", calendarTitle(main, blanked));
			}
			return inputs;
		}

		private String calendarTitle(String main, String blanked) {
			for (String piece : blanked.split("[,;。，；!?！？]")) {
				if (Domain.CALENDAR.strong().matcher(piece).find() || Domain.CALENDAR.weak().matcher(piece).find()) {
					String title = CALENDAR_FILLER.matcher(piece).replaceAll(" ").replaceAll("\\s+", " ").strip();
					int de = title.lastIndexOf('的');
					title = (de >= 0 && de < title.length() - 1) ? title.substring(de + 1) : title;
					title = title.replaceAll("^[\\s把加]+|[\\s加的]+$", "").strip();
					title = title.replaceAll("(?i)^(?:with|on|at|for|和)\\s+|\\s+(?:on|at|for|with|in)$", "").strip();
					if (!title.isEmpty() && !title.matches("(?i)会议|meeting")) {
						return title;
					}
				}
			}
			return this.chinese ? "会议" : "Meeting";
		}

		private void remind(String clause, When mainWhen, String item, List<String> ends) {
			When when = OfflinePlanner.this.times.read(clause, this.now);
			LocalDate mainDate = (mainWhen.date() != null) ? mainWhen.date() : null;
			LocalDateTime at;
			if (when.exact() != null) {
				at = when.exact();
			}
			else if (when.before() != null && when.date() == null && when.time() == null && mainDate != null) {
				LocalTime mainTime = (mainWhen.time() != null) ? mainWhen.time() : LocalTime.of(9, 0);
				at = mainDate.atTime(mainTime).minus(when.before());
			}
			else if (!when.isEmpty()) {
				at = when.firstMoment(this.now, mainDate, LocalTime.of(9, 0));
			}
			else if (mainDate != null) {
				// A reminder tied to the errand ("订机票并提醒我带充电器") comes on its day, before
				// it.
				LocalTime mainTime = mainWhen.time();
				at = mainDate.atTime((mainTime != null && mainTime.isAfter(LocalTime.of(9, 0))) ? mainTime.minusHours(1)
						: LocalTime.of(8, 0));
			}
			else {
				at = this.now.plusHours(1);
				this.notes.add(this.chinese ? "没有说什么时候提醒，默认一小时后。"
						: "No time was given for the reminder; it is set for an hour from now.");
			}
			if (at != null && !at.isAfter(this.now) && when.repeat() == null) {
				at = this.now.plusHours(1);
			}
			String what = reminderText(clause, when, item);
			Map<String, Object> inputs = new LinkedHashMap<>();
			this.slots.put("remind_at", at.format(MINUTES));
			this.slots.put("remind_text", what);
			// remind_at is a local time; the zone says where.
			this.slots.put("timezone", this.zone.getId());
			inputs.put("remind_at", at.format(MINUTES));
			inputs.put("remind_text", what);
			if (when.repeat() != null) {
				this.slots.put("repeat", when.repeat());
				inputs.put("repeat", when.repeat());
				if (when.weekdaysOnly()) {
					inputs.put("weekdays_only", true);
				}
			}
			if (!this.steps.stream()
				.anyMatch((step) -> step.kind() == StepKind.QUERY || step.kind() == StepKind.ORDER)) {
				// A reminder alone: its day and time are the errand's.
				this.slots.putIfAbsent("date", at.toLocalDate().toString());
				if (when.time() != null || when.exact() != null) {
					this.slots.put("time", at.toLocalTime().toString());
				}
			}
			add(StepKind.REMIND, null, inputs, List.copyOf(ends));
		}

		private String reminderText(String clause, When when, String item) {
			Matcher trigger = REMIND.matcher(clause);
			String after = "";
			String before = clause;
			if (trigger.find()) {
				after = clause.substring(trigger.end());
				before = clause.substring(0, trigger.start());
			}
			int offset = clause.length() - after.length();
			String what = clean(firstClause(blankSpans(after, when.spans(), offset)));
			if (what.isEmpty()) {
				what = clean(REMIND_SETUP.matcher(blankSpans(before, when.spans(), 0)).replaceAll(" "));
			}
			if (what.isEmpty() && trigger.reset().find() && trigger.group().matches("(?i)叫醒.*|wake.*")) {
				what = this.chinese ? "起床" : "Wake up";
			}
			if (what.isEmpty()) {
				what = (item != null) ? item : (this.chinese ? "提醒" : "Reminder");
			}
			if (item != null && PRONOUN.matcher(what).find() && !what.contains(item)) {
				what = what + (this.chinese ? "（" + item + "）" : " (" + item + ")");
			}
			return what;
		}

		/** What to be reminded of ends with its clause: "交周报, 每周都要" is 交周报. */
		private String firstClause(String part) {
			Matcher end = Pattern.compile("[,;。！？；，]").matcher(part.strip());
			return end.find() ? part.strip().substring(0, end.start()) : part;
		}

		private String clean(String part) {
			String what = part.replaceAll("\\s+", " ").strip();
			what = REMIND_LEAD.matcher(what).replaceFirst("").strip();
			what = what.replaceAll("^[,，:：、的]+|[,.!?。！？~，、吧啊哦呀了的]+$", "").strip();
			what = what.replaceAll("(?i)(?:\\s+(?:please|pls|on|at|of|in|for|by|to|from|every|each))+$", "").strip();
			return what.replaceAll("\\s+", " ");
		}

		private String blankSpans(String part, List<Found<String>> spans, int offset) {
			char[] chars = part.toCharArray();
			for (Found<String> span : spans) {
				for (int i = Math.max(0, span.start() - offset); i < Math.min(chars.length, span.end() - offset); i++) {
					chars[i] = ' ';
				}
			}
			return new String(chars);
		}

		private String blank(String main, List<Found<String>> timeSpans, List<Found<Money>> sums,
				List<Found<String>> countSpans, List<Found<Gazetteer.Named>> places) {
			char[] chars = main.toCharArray();
			List<Found<?>> all = new ArrayList<>();
			all.addAll(timeSpans);
			all.addAll(sums);
			all.addAll(countSpans);
			all.addAll(places);
			for (Found<?> span : all) {
				for (int i = span.start(); i < span.end() && i < chars.length; i++) {
					chars[i] = ' ';
				}
			}
			return new String(chars);
		}

		private String summary(List<Domain> domains) {
			return this.chinese ? "把结果告诉你" : "Tell you the outcome";
		}

		private void putIfPresent(String key, Object value) {
			if (value != null && !(value instanceof String s && s.isBlank())) {
				this.slots.put(key, value);
			}
		}

		private String add(StepKind kind, String capability, Map<String, Object> inputs, List<String> dependsOn) {
			String id = "s" + (this.steps.size() + 1);
			this.steps.add(new PlanStep(id, kind, capability, inputs, dependsOn));
			return id;
		}

	}

}
