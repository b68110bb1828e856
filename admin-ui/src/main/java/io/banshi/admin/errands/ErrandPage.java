package io.banshi.admin.errands;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What the errand page shows of one errand, in the words a person reads: the plan's slots
 * and steps, where it stands, the options of its confirm, what its steps found and what
 * it ordered. Texts are message keys; values are the errand's own (rendered escaped).
 *
 * @param id the errand id
 * @param text what the person said; empty once they cleared their history
 * @param status {@code planned}, {@code running}, ... (see {@link ErrandStatus})
 * @param draft whether it is a plan not run yet
 * @param ended whether it has ended
 * @param currentStep the BPMN element it is at, or {@code null}
 * @param currentStepId the plan step that element belongs to, or {@code null}
 * @param slots what the planner understood
 * @param steps the plan's steps, in order
 * @param options the options of the confirm it waits at
 * @param results what its steps found
 * @param orders what it ordered
 * @param errorCode the business error that stopped it, or {@code null}
 * @param errorMessage why, in words, or {@code null}
 * @param hasDiagram whether its BPMN is kept (errands recorded before drafts existed have
 * none)
 * @param template the published template it runs, or {@code null}
 * @param createdAt when it was said
 * @param updatedAt when it last changed
 */
record ErrandPage(String id, String text, String status, boolean draft, boolean ended, String currentStep,
		String currentStepId, List<Slot> slots, List<Step> steps, List<Option> options, List<Result> results,
		List<Order> orders, String errorCode, String errorMessage, boolean hasDiagram, String template,
		Instant createdAt, Instant updatedAt) {

	/** The slots in the order a person thinks of them; others follow. */
	private static final List<String> SLOT_ORDER = List.of("origin", "destination", "date", "time", "nights",
			"party_size", "quantity", "item", "budget", "amount", "remind_at", "remind_text", "repeat", "timezone");

	/** An ISO local date-time as the planner and the plugins write it. */
	private static final Pattern DATE_TIME = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})T(\\d{2}:\\d{2})(:00)?");

	/** Slots and inputs with a label in the messages ({@code errand.slot.*}). */
	static final Set<String> KNOWN_SLOTS = Set
		.copyOf(Stream.concat(SLOT_ORDER.stream(), Stream.of("by", "mode", "text", "title")).toList());

	/** Capabilities with a label in the messages ({@code errand.capability.*}). */
	static final Set<String> KNOWN_CAPABILITIES = Set.of("travel.flight", "travel.train", "travel.hotel", "map.route",
			"map.poi", "food.restaurant", "food.delivery", "shop.product", "calendar.event", "weather.forecast",
			"video.content", "finance.ledger", "notify.message");

	private static final int SHORT = 160;

	static ErrandPage of(Errand errand, ErrandView view) {
		List<Step> steps = steps(errand.plan());
		String stepId = stepOf(view.currentStep(), steps);
		List<Option> options = view.options().stream().map(Option::of).toList();
		List<Result> results = new ArrayList<>();
		view.results().forEach((name, value) -> {
			if (!name.equals("error") && !name.equals("confirmation")) {
				// The workers name what a step wrote after it: results_s1, order_s4.
				Step step = steps.stream().filter((s) -> name.endsWith("_" + s.id())).findFirst().orElse(null);
				results.add(new Result(name, step, readable(value)));
			}
		});
		List<Order> orders = view.orders().stream().map(Order::of).toList();
		return new ErrandPage(errand.id(), view.text(), view.status(), errand.draft(),
				ErrandStatus.of(view.status()).ended(), view.currentStep(), stepId, slots(errand.plan()), steps,
				options, results, orders, errand.errorCode(), errand.errorMessage(), errand.bpmnXml() != null,
				errand.templateKey(), view.createdAt(), view.updatedAt());
	}

	/**
	 * Returns the message key of the status.
	 * @return {@code errand.status.<status>}
	 */
	public String statusKey() {
		return "errand.status." + this.status;
	}

	/**
	 * Returns the plan step the errand is at.
	 * @return the step, or {@code null} when it has ended or is at no step of the plan
	 */
	public Step current() {
		if (this.ended || this.currentStepId == null) {
			return null;
		}
		return this.steps.stream().filter((step) -> step.id().equals(this.currentStepId)).findFirst().orElse(null);
	}

	private static List<Slot> slots(Map<String, Object> plan) {
		if (!(plan.get("slots") instanceof Map<?, ?> slots)) {
			return List.of();
		}
		List<Slot> list = new ArrayList<>();
		for (String name : SLOT_ORDER) {
			if (slots.get(name) != null) {
				list.add(new Slot(name, true, readable(slots.get(name))));
			}
		}
		slots.forEach((name, value) -> {
			if (value != null && !KNOWN_SLOTS.contains(String.valueOf(name))) {
				list.add(new Slot(String.valueOf(name), false, readable(value)));
			}
		});
		return list;
	}

	private static List<Step> steps(Map<String, Object> plan) {
		if (!(plan.get("steps") instanceof List<?> steps)) {
			return List.of();
		}
		List<Step> list = new ArrayList<>();
		for (Object item : steps) {
			if (item instanceof Map<?, ?> step) {
				String capability = (step.get("capability") != null) ? String.valueOf(step.get("capability")) : null;
				String family = family(capability);
				List<Slot> inputs = new ArrayList<>();
				if (step.get("inputs") instanceof Map<?, ?> given) {
					given.forEach((name, value) -> {
						// A FEEL expression (=...) is wiring between steps, not something
						// a
						// person decided.
						if (value != null && !String.valueOf(value).startsWith("=")) {
							inputs.add(new Slot(String.valueOf(name), KNOWN_SLOTS.contains(String.valueOf(name)),
									readable(value)));
						}
					});
				}
				List<String> after = (step.get("dependsOn") instanceof Collection<?> depends)
						? depends.stream().map(String::valueOf).toList() : List.of();
				list.add(new Step(String.valueOf(step.get("id")), String.valueOf(step.get("kind")), capability, family,
						inputs, after));
			}
		}
		return list;
	}

	private static String family(String capability) {
		if (capability == null) {
			return null;
		}
		for (String known : KNOWN_CAPABILITIES) {
			if (capability.equals(known) || capability.startsWith(known + ".")) {
				return known;
			}
		}
		return null;
	}

	private static String stepOf(String element, List<Step> steps) {
		if (element == null) {
			return null;
		}
		// The compiler names a step's elements after it: s3, s3_wait, s3_confirmed, ...
		return steps.stream()
			.map(Step::id)
			.filter((id) -> element.equals(id) || element.startsWith(id + "_"))
			.findFirst()
			.orElse(null);
	}

	/**
	 * A value in a line a person can read: lists and maps shortened, names first.
	 */
	static String readable(Object value) {
		String text;
		if (value instanceof Map<?, ?> map) {
			Object named = first(map, "name", "text", "message", "item", "summary", "title");
			text = (named != null) ? readable(named) : map.entrySet()
				.stream()
				.filter((entry) -> !(entry.getValue() instanceof Collection<?>) && !(entry.getValue() instanceof Map))
				.limit(6)
				.map((entry) -> entry.getKey() + ": " + entry.getValue())
				.collect(Collectors.joining(", "));
		}
		else if (value instanceof Collection<?> list) {
			text = list.stream().limit(3).map(ErrandPage::readable).collect(Collectors.joining("; "))
					+ ((list.size() > 3) ? "; … (" + list.size() + ")" : "");
		}
		else if (value instanceof BigDecimal number) {
			text = number.stripTrailingZeros().toPlainString();
		}
		else {
			text = DATE_TIME.matcher(String.valueOf(value)).replaceAll("$1 $2");
		}
		return (text.length() <= SHORT) ? text : text.substring(0, SHORT) + "…";
	}

	private static Object first(Map<?, ?> map, String... names) {
		for (String name : names) {
			if (map.get(name) != null && !(map.get(name) instanceof Collection<?>)) {
				return map.get(name);
			}
		}
		return null;
	}

	/**
	 * A slot or an input.
	 *
	 * @param name its name ({@code destination})
	 * @param known whether the messages have a label for it ({@code errand.slot.<name>})
	 * @param value its value, readable
	 */
	record Slot(String name, boolean known, String value) {

	}

	/**
	 * One step of the plan.
	 *
	 * @param id its id, which names its BPMN elements
	 * @param kind {@code query}, {@code compare}, {@code confirm}, {@code order},
	 * {@code remind} or {@code notify}
	 * @param capability the capability it uses, or {@code null}
	 * @param family the catalog capability it is (labelled in the messages), or
	 * {@code null} for an unknown one
	 * @param inputs what the planner gave it
	 * @param after the steps it waits for
	 */
	record Step(String id, String kind, String capability, String family, List<Slot> inputs, List<String> after) {

	}

	/**
	 * One option of a confirm.
	 *
	 * @param index its number, from 1 (what the answer names)
	 * @param name what it is
	 * @param price what it costs
	 * @param time when
	 * @param provider who sells it
	 * @param details the rest, each a field the page names through the message
	 * {@code errand.detail.<name>} when there is one
	 */
	record Option(int index, String name, String price, String time, String provider, List<Detail> details) {

		/**
		 * Fields shown in their own column, or already in the option's name (a flight's
		 * number, route and departure), or of no use to a person choosing.
		 */
		private static final Set<String> SHOWN = Set.of("index", "name", "price", "time", "provider", "id", "origin",
				"destination", "date", "departs", "flight_no", "train_no", "currency", "capability", "plugin");

		static Option of(Map<String, Object> option) {
			List<Detail> details = new ArrayList<>();
			option.forEach((name, value) -> {
				if (!SHOWN.contains(name) && value != null && !(value instanceof Collection<?>)
						&& !(value instanceof Map<?, ?>)) {
					details.add(new Detail(name, readable(value)));
				}
			});
			return new Option((option.get("index") instanceof Number number) ? number.intValue() : 0,
					text(option.get("name")), text(option.get("price")), text(option.get("time")),
					text(option.get("provider")), List.copyOf(details));
		}

	}

	/**
	 * One more thing a person may choose an option by.
	 *
	 * @param name the field, as the plugin names it ({@code seats_left}, ...)
	 * @param value readable
	 */
	record Detail(String name, String value) {

		/**
		 * The message key of the field's name.
		 * @return the key
		 */
		public String messageKey() {
			return "errand.detail." + this.name;
		}

	}

	/**
	 * What one step found.
	 *
	 * @param name the variable it wrote ({@code results_s1}, {@code order_s4}, ...)
	 * @param step the step that wrote it, or {@code null} when the name does not say
	 * @param value readable
	 */
	record Result(String name, Step step, String value) {

		/**
		 * What the page calls a result no step's id names: {@code errand.result.best},
		 * {@code errand.result.ranked} (with {@link #family()}), or {@code null} to show
		 * the variable's name.
		 * @return the message key's last part, or {@code null}
		 */
		public String labelKey() {
			if (this.step != null) {
				return null;
			}
			if (this.name.equals("best") || this.name.equals("businessError")) {
				return this.name;
			}
			return (family() != null) ? "ranked" : null;
		}

		/**
		 * The capability a {@code ranked_<capability>} result ranks
		 * ({@code ranked_travel_flight}).
		 * @return the catalog capability, or {@code null}
		 */
		public String family() {
			if (!this.name.startsWith("ranked_")) {
				return null;
			}
			String capability = this.name.substring("ranked_".length()).replaceFirst("_", ".");
			return KNOWN_CAPABILITIES.contains(capability) ? capability : null;
		}

	}

	/**
	 * One order.
	 *
	 * @param item what was ordered
	 * @param provider from whom
	 * @param amount what it cost
	 * @param status {@code placed} or {@code canceled}
	 * @param orderId the provider's order id
	 */
	record Order(String item, String provider, String amount, String status, String orderId) {

		static Order of(Map<String, Object> order) {
			return new Order(text(order.get("item")), text(order.get("provider")), text(order.get("amount")),
					text(order.get("status")), text(order.get("order_id")));
		}

	}

	/**
	 * One of a person's errands in their list.
	 *
	 * @param id the errand id
	 * @param text what they said; empty once cleared
	 * @param status its status
	 * @param createdAt when, in the zone errands are shown in
	 */
	record Row(String id, String text, String status, ZonedDateTime createdAt) {

		public String statusKey() {
			return "errand.status." + this.status;
		}

	}

	private static String text(Object value) {
		return (value != null) ? readable(value) : "";
	}

}
