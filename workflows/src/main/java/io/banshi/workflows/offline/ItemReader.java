package io.banshi.workflows.offline;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the object of an errand: the product to buy, the dish to order, the restaurant or
 * cuisine, the film, the kind of place, what money was spent on.
 *
 * <p>
 * The general rule is the words after a verb of getting or looking (买, 订, 点, 找, 比较, buy,
 * order, find, compare), past a count (两箱, 3 bags of) and the words before the last 的
 * (500元以内的电饭煲 is a 电饭煲), up to where the object ends (在, 送到, and, for, on, a comma).
 * Words already read as a time, a sum, a count or a place are blanked out before, so they
 * never become part of an item. Dictionaries of restaurant brands and cuisines name the
 * restaurant when there is one.
 */
final class ItemReader {

	private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

	private static final Pattern VERB_ZH = Pattern
		.compile("(?:订购|购买|预订|预定|下单|搜索|查查|查一下|查询|比较一下|比较|对比一下|对比|比价|看看|看一下|推荐|"
				+ "(?<![\\d零一二两三四五六七八九十半])点(?!钟|半)|买|订|找|搜|查|来|要|入手|囤|挑|选|换|想看|看)(?:一下|下)?");

	private static final Pattern LEADING_ZH = Pattern
		.compile("^(?:\\s|一下|一些|一点|些|几|[\\d一二两三四五六七八九十几百]*\\s*[箱张件份瓶袋盒包台双套本支杯斤桶罐条把部碗只束听提卷片个款家些种样]|个|的|了)+");

	private static final Pattern STOP_ZH = Pattern
		.compile("在|送到|送|给我|给|并|然后|再|吧|呢|啊|的价格|价格|价钱|多少钱|哪家|哪个|怎么样|外卖|回家|到家|,|，|。|!|！|\\?|？|;|；|:|：|、");

	private static final Pattern VERB_EN = Pattern
		.compile("(?<![a-z])(?:buy|order|purchase|find|get|book|compare|search for"
				+ "|look for|looking for|recommend|reserve|shop for|pick)(?![a-z])", FLAGS);

	private static final Pattern LEADING_EN = Pattern
		.compile("^(?:\\s+|(?:me|us|the|a|an|some|of|cheapest|cheaper|cheap|best|good"
				+ "|nice|new|top-rated|highest-rated|lowest|price|prices|for|latest|most|popular|affordable|decent|few|couple"
				+ "|one|two|three|four|five|six|seven|eight|nine|ten|\\d+|bags?|boxes|bottles?|packs?|cups?|pieces?|tickets?"
				+ "|pairs?|cans?|units?|flights?|bowls?|plates?|cases?|servings?|portions?|slices?|and)(?![a-z]))+",
				FLAGS);

	private static final Pattern STOP_EN = Pattern
		.compile("(?:^|\\s+)(?:and|for|on|at|to|in|from|with|under|below|if|by|tonight"
				+ "|tomorrow|today|this|next|that|which|within|less|around|delivered|online|near|across|between|it|when|before"
				+ "|after|then|please|so)(?![a-z])|[,.!?;:]", FLAGS);

	/**
	 * Restaurant chains people book by name; their names also say the errand is about a
	 * restaurant.
	 */
	static final String RESTAURANT_BRANDS = "海底捞|西贝|外婆家|全聚德|鼎泰丰|太二|绿茶餐厅|大董|眉州东坡|小龙坎|巴奴|呷哺呷哺|"
			+ "南京大牌档|点都德|陶陶居|四季民福|望京小腰|费大厨|木屋烧烤|和府捞面|必胜客|"
			+ "(?<![a-z])(?:haidilao|din tai fung|pizza hut|xibei)(?![a-z])";

	private static final Pattern BRANDS = Pattern.compile(RESTAURANT_BRANDS + "|肯德基|麦当劳|星巴克|喜茶|瑞幸|蜜雪冰城|"
			+ "(?<![a-z])(?:kfc|mcdonald'?s|starbucks|burger king)(?![a-z])", FLAGS);

	private static final Pattern CUISINES = Pattern
		.compile("川菜|湘菜|粤菜|鲁菜|东北菜|江浙菜|本帮菜|日料|日本料理|韩料|韩国料理|西餐|火锅|烧烤|自助餐|海鲜|素食|" + "泰国菜|意大利菜|法餐|牛排|烤鸭|小龙虾|早茶|烤肉|寿司|拉面|"
				+ "(?<![a-z])(?:sichuan|szechuan|cantonese|hunan|japanese|korean|italian|french|thai|indian|mexican|chinese|vietnamese"
				+ "|hot ?pot|barbecue|bbq|seafood|vegetarian|vegan|steak|sushi|ramen|dim sum|peking duck|western)(?![a-z])",
				FLAGS);

	private static final Pattern AT_PLACE_ZH = Pattern
		.compile("在\\s*([\\p{IsHan}A-Za-z0-9]{2,8}?)\\s*(?:订|预订|预定|定|吃|约|搞|聚)");

	private static final Pattern TITLE = Pattern.compile("《([^》]{1,40})》|“([^”]{1,40})”|\"([^\"]{1,40})\"");

	private static final Pattern SPENT_ON_ZH = Pattern.compile("([\\p{IsHan}A-Za-z]{1,8}?)\\s*(?:花了|花费|消费了?|用了|付了|支出)");

	private static final Pattern SPENT_ON_EN = Pattern.compile(
			"(?<![a-z])(?:on|for)\\s+(?:the\\s+|my\\s+|a\\s+|an\\s+)?([a-z][a-z ]{1,30}?)(?=\\s+(?:today|yesterday|tonight|this|last|and"
					+ "|at|in|with|to|from|on)(?![a-z])|\\s*[,.!?;]|\\s*$)",
			FLAGS);

	private static final Pattern PLATFORMS = Pattern.compile("淘宝|京东|拼多多|天猫|商品|网购|amazon|taobao|jd\\.com", FLAGS);

	private static final Pattern MODEL_END = Pattern.compile("的|和|与|跟|在|(?<=.)哪|价格|多少钱|\\s{2,}|[,，。.!！?？;；:：]"
			+ "|(?<![a-z])(?:and|or|at|on|in|from|for|under|below|with)(?![a-z])", FLAGS);

	private static final Pattern SHOPS = Pattern
		.compile("^(?:在)?(?:京东|淘宝|天猫|拼多多|亚马逊|网上|美团|饿了么)(?:(?:和|与|跟|、)(?:京东|淘宝|天猫|拼多多|亚马逊))*(?:上|里)?(?:的)?");

	private static final Pattern COUNTED_ZH = Pattern
		.compile("[\\d一二两三四五六七八九十几]+\\s*[份碗杯盒瓶箱袋包个件台双套本支斤桶罐条串根打张]\\s*([^,，。.!！?？;；\\s的]{1,16})");

	private static final List<String> GENERIC = List.of("东西", "什么", "外卖", "吃的", "喝的", "酒店", "机票", "高铁", "火车票", "餐厅",
			"饭店", "一下", "票", "航班", "it", "them", "something", "anything", "hotel", "hotels", "flight", "flights",
			"ticket", "tickets", "restaurant", "restaurants", "table", "a table", "room", "train", "trains", "thing",
			"things", "stuff");

	/**
	 * Reads the object of a clause.
	 * @param blanked the clause with times, sums, counts and places replaced by spaces
	 * @param original the clause as said
	 * @param domain what the errand is about
	 * @return the item, or {@code null} when none was said
	 */
	String read(String blanked, String original, Domain domain) {
		Matcher title = TITLE.matcher(blanked);
		if (title.find()) {
			for (int group = 1; group <= 3; group++) {
				if (title.group(group) != null) {
					return title.group(group).strip();
				}
			}
		}
		return switch (domain) {
			case RESTAURANT -> restaurant(blanked);
			case POI, VIDEO -> kindOf(blanked, domain);
			case LEDGER -> spentOn(original);
			default -> object(blanked, original, domain);
		};
	}

	private String restaurant(String text) {
		String brand = firstMatch(BRANDS, text);
		if (brand != null) {
			return brand;
		}
		String cuisine = firstMatch(CUISINES, text);
		if (cuisine != null) {
			return cuisine;
		}
		Matcher at = AT_PLACE_ZH.matcher(text);
		if (at.find() && !at.group(1).matches(".*(?:日历|网上|淘宝|京东|美团|大众点评|附近|家里|这里|那里).*")) {
			return at.group(1);
		}
		String object = object(text, text, Domain.RESTAURANT);
		return (object != null) ? object.replaceAll("(?i)\\s*(?:restaurants?|餐厅|饭店|餐馆|饭馆)$", "").strip() : null;
	}

	/**
	 * Tells whether a restaurant item names one place ("海底捞") rather than a kind of food
	 * ("火锅", "Sichuan"), so that there is nothing to compare.
	 * @param item the item
	 * @return true for a named restaurant
	 */
	boolean isNamedRestaurant(String item) {
		return item != null && !CUISINES.matcher(item).find();
	}

	private String kindOf(String text, Domain domain) {
		String object = afterVerb(text, VERB_ZH, LEADING_ZH, STOP_ZH, true);
		if (object == null) {
			object = afterVerb(text, VERB_EN, LEADING_EN, STOP_EN, false);
		}
		if (object != null && domain.strong().matcher(object).find()) {
			return object;
		}
		String kind = firstMatch(domain.strong(), text);
		if (kind == null && domain.weak() != null) {
			kind = firstMatch(domain.weak(), text);
		}
		if (kind == null) {
			// A search needs something to look for; the kind of thing is the least.
			kind = (domain == Domain.VIDEO) ? "video"
					: (text.codePoints().anyMatch((c) -> c > 0x2E80) ? "地点" : "places");
		}
		return kind;
	}

	private String spentOn(String text) {
		Matcher english = SPENT_ON_EN.matcher(text);
		if (english.find() && !GENERIC.contains(english.group(1).strip().toLowerCase(Locale.ROOT))
				&& !english.group(1)
					.strip()
					.matches("(?i)(?:this|last|next|the) (?:week|month|year)|today|yesterday")) {
			return english.group(1).strip();
		}
		Matcher chinese = SPENT_ON_ZH.matcher(text);
		if (chinese.find()) {
			String what = chinese.group(1)
				.replaceAll("^(?:今天|昨天|前天|这个?月|本月|上个?月|这周|本周|上周|今年|去年|我们|我|刚才|刚刚|在|给|一共|总共|查一下|查询|查查|查|看看"
						+ "|看一下|算算|算一下|帮我|统计|把)+", "")
				.replaceAll("的$", "");
			return what.isEmpty() ? null : what;
		}
		return null;
	}

	/**
	 * A product named by a word the dictionary knows, with the model that follows it
	 * ("iPhone 16 Pro的价格" is an iPhone 16 Pro, "戴森吹风机在京东" a 戴森吹风机).
	 */
	private static String modelName(String text, int start) {
		String rest = text.substring(start);
		Matcher end = MODEL_END.matcher(rest);
		String name = (end.find() ? rest.substring(0, end.start()) : rest).strip();
		return name.isEmpty() ? null : name;
	}

	private static String counted(String text) {
		Matcher counted = COUNTED_ZH.matcher(text);
		while (counted.find()) {
			String candidate = counted.group(1);
			Matcher end = STOP_ZH.matcher(candidate);
			candidate = (end.find() ? candidate.substring(0, end.start()) : candidate).strip();
			if (!candidate.isEmpty() && !GENERIC.contains(candidate)) {
				return candidate;
			}
		}
		return null;
	}

	private String object(String text, String original, Domain domain) {
		String chinese = afterVerb(text, VERB_ZH, LEADING_ZH, STOP_ZH, true);
		String english = afterVerb(text, VERB_EN, LEADING_EN, STOP_EN, false);
		String item = (chinese != null) ? SHOPS.matcher(chinese).replaceFirst("") : english;
		if (item != null && item.isBlank()) {
			item = null;
		}
		if (item == null) {
			item = counted(original);
		}
		if (item == null && domain == Domain.DELIVERY) {
			item = firstMatch(domain.strong(), text);
		}
		if (item == null && domain == Domain.SHOP) {
			// "看看哪家的纸巾最便宜": a product the dictionary knows, wherever it is said.
			Matcher product = domain.strong().matcher(text);
			while (item == null && product.find()) {
				item = PLATFORMS.matcher(product.group()).matches() ? null : modelName(text, product.start());
			}
		}
		return item;
	}

	private static String afterVerb(String text, Pattern verb, Pattern leading, Pattern stop, boolean chinese) {
		Matcher verbs = verb.matcher(text);
		while (verbs.find()) {
			String rest = text.substring(verbs.end());
			rest = leading.matcher(rest).replaceFirst("");
			Matcher end = stop.matcher(rest);
			String candidate = end.find() ? rest.substring(0, end.start()) : rest;
			if (chinese) {
				int de = candidate.lastIndexOf('的');
				if (de >= 0 && de < candidate.length() - 1) {
					candidate = candidate.substring(de + 1);
				}
				candidate = LEADING_ZH.matcher(candidate.strip()).replaceFirst("");
			}
			candidate = candidate.replaceAll("\\s{2,}", " ").strip();
			candidate = candidate.replaceAll("(?i)\\s+(?:it|them|one)$", "").strip();
			if (!candidate.isEmpty() && candidate.length() <= 40
					&& !GENERIC.contains(candidate.toLowerCase(Locale.ROOT))) {
				return candidate;
			}
		}
		return null;
	}

	private static String firstMatch(Pattern pattern, String text) {
		Matcher matcher = pattern.matcher(text);
		return matcher.find() ? matcher.group() : null;
	}

}
