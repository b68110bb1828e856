package io.banshi.workflows.offline;

import java.util.regex.Pattern;

/**
 * What an errand is about, with the capability that serves it and the words that say so.
 * Strong words name the domain on their own ("机票", "hotel"); weak ones ("买", "price",
 * "附近") count only when no domain was named by a strong word.
 */
enum Domain {

	FLIGHT("travel.flight", true, "机票|航班|飞机|飞往|坐飞机|直飞|经济舱|头等舱|商务舱|廉航",
			"flights?|fly|flying|plane tickets?|airline|air tickets?|airfare", null, null),

	TRAIN("travel.train", true, "高铁|火车|动车|火车票|高铁票|动车票|二等座|一等座|商务座|硬卧|软卧|卧铺|硬座|12306|城际列车",
			"trains?|high[- ]speed rail|railway|bullet train|rail tickets?", "车票", "tickets?"),

	HOTEL("travel.hotel", true, "酒店|宾馆|住宿|民宿|旅馆|客栈|旅店|入住|住一晚|住两晚|住几晚|开个房|订房|大床房|标间",
			"hotels?|hostels?|inn|accommodations?|airbnb|resort|b&b|motel", "房间|住", "a room|rooms|stay|place to stay"),

	ROUTE("map.route", false,
			"路线|怎么走|怎么去|怎么到|怎么坐|怎么乘|导航|多远|多久能到|要多久|需要多久|多长时间能到|路程|开车过去|驾车|自驾路线|坐地铁|乘地铁|坐公交|地铁怎么|公交怎么|打车过去|打车去|叫车|叫个车|网约车|滴滴|(?<![a-z])(?:taxi|cab|uber|didi)(?![a-z])",
			"route|directions?|how long does it take|how long to (?:drive|get|walk)|how far|drive from|navigate|commute"
					+ "|driving time|get from",
			null, "get to|way to"),

	POI("map.poi", false,
			"展览|展会|景点|博物馆|公园|游乐场|游乐园|好玩的地方|好去处|加油站|停车场|商场|书店|医院|药店|健身房|咖啡馆|咖啡店|动物园|植物园|美术馆"
					+ "|演唱会|打卡地|遛娃|亲子乐园|网红店|寺庙|古镇|夜市",
			"exhibitions?|museums?|attractions?|things to do|places to (?:visit|go|see)"
					+ "|parks?|gas stations?|parking|malls?|zoos?|galleries|gallery|sights|sightseeing|pharmacy|pharmacies"
					+ "|hospitals?|caf[eé]s?|coffee shops?|concerts?|landmarks?",
			"附近|哪里有|周边", "nearby|near me|around here"),

	RESTAURANT("food.restaurant", true,
			"餐厅|饭店|餐馆|饭馆|订座|订位|订桌|人位|包间|聚餐|馆子|火锅店|自助餐|西餐厅|日料店|烧烤店|一桌|位子|订个座|" + ItemReader.RESTAURANT_BRANDS,
			"restaurants?|book a table|a table for|table for|dinner reservation|reservation|dine|dining|bistro|eatery|steakhouse"
					+ "|(?:ramen|sushi|pizza|burger|steak|bbq|hot ?pot|dim sum|noodle|seafood) (?:place|shop|bar|joint|house)s?"
					+ "|places? to eat|somewhere to eat",
			"吃饭|吃", "eat out|eat"),

	DELIVERY("food.delivery", true,
			"外卖|送餐|美团|饿了么|点餐|奶茶|麻辣烫|炸鸡|汉堡|披萨|比萨|盒饭|快餐|宵夜|夜宵|咖啡外送|咖啡(?!机|豆|杯|壶)|拿铁|黄焖鸡|酸辣粉|煎饼|粥|饺子|米线|螺蛳粉",
			"takeout|take-out|takeaway|food delivery|deliver food|pizza|burgers?|fried chicken|sushi|noodles|bubble tea|milk tea|coffees?|lattes?|cappuccinos?"
					+ "|dumplings|kfc|mcdonald'?s|starbucks",
			"午饭|晚饭|早餐|午餐|晚餐", "lunch|dinner|breakfast|meal|food|delivery|deliver"),

	SHOP("shop.product", true,
			"淘宝|京东|拼多多|天猫|商品|网购|耳机|手机|电脑|笔记本电脑|平板|电饭煲|冰箱|洗衣机|电视(?!剧)|空调|相机|鞋|衣服|裙子|外套|羽绒服|蛋糕|鲜花|花束|束花|送花|订花|买花"
					+ "|礼物|纸巾|卫生纸|洗发水|牙膏|狗粮|猫粮|奶粉|尿不湿|纸尿裤|矿泉水|农夫山泉|充电器|数据线|键盘|鼠标|显示器|路由器|口红|香水|护肤品|面膜|玩具|书包|行李箱|雨伞"
					+ "|大米|食用油|牛奶|水果|苹果手机|iphone|ipad|macbook|华为|小米|索尼|戴森",
			"iphones?|ipads?|macbooks?|laptops?|headphones|earphones|earbuds|airpods|phones?|smartphones?|tvs?|television"
					+ "|cameras?|shoes|sneakers|jackets?|coats?|dress|cakes?|flowers|bouquet|gifts?|presents?|tissues|shampoo"
					+ "|toothpaste|dog food|cat food|diapers|formula|bottled water|chargers?|keyboards?|mouse|monitors?|routers?"
					+ "|lipstick|perfume|toys?|backpacks?|suitcases?|umbrellas?|rice cooker|blender|vacuum|kindle"
					+ "|amazon|taobao|jd\\.com",
			"买|购买|下单|价格|比价|多少钱|入手|囤货|商品|东西", "buy|purchase|prices?|shopping|shop for|order"),

	CALENDAR("calendar.event", true, "日历|日程|会议|开会|约会|面试|行程表|建个会|建一个会|例会|约了",
			"calendar|meetings?|schedule (?:a|an|the|my)" + "|interview|put .{1,40} on my calendar", "预约|约个|约一个|约一下",
			"appointment|call with"),

	WEATHER("weather.forecast", false, "天气|气温|温度|下雨|下雪|冷不冷|热不热|冷吗|热吗|穿什么|带伞|雾霾|空气质量|几度|多少度|刮风|台风|晴天",
			"weather|forecast|raining|rain|snowing|snow|temperature|umbrella|what (?:should|to) (?:i )?wear|air quality"
					+ "|(?:is|will) it (?:be )?(?:going to be )?(?:cold|hot|warm|chilly|freezing|sunny|windy|rainy|snowy)",
			null, null),

	VIDEO("video.content", false, "电影|电视剧|综艺|纪录片|动漫|动画片|番剧|视频|影片|片子|剧集|美剧|韩剧|日剧|追剧|好剧",
			"movies?|films?|tv shows?|series|documentar(?:y|ies)|videos?|anime|netflix|episodes?|sitcoms?", null, null),

	LEDGER("finance.ledger", true, "记账|记一笔|记个账|账本|支出|开销|花了|花费|消费|收入|账单|报销|花销|花了多少|一共花",
			"expenses?|spent|spending|ledger|bookkeeping|did (?:i|we) spend|log (?:an? )?(?:expense|payment)|paid"
					+ "|(?:log|record|note down|write down)(?= (?:¥|rmb |cny )?\\d)"
					+ "|(?:log|record) (?:it|this|that)",
			"记下|记上|记到账", null),

	NOTIFY("notify.message", false, "通知(?!我)|告诉(?!我)|转告|发消息给|发微信给|发短信给|给[^,，。]{1,8}发(?:个)?(?:消息|微信|短信)",
			"notify|tell(?= (?!me(?![a-z])))|message(?= (?!me(?![a-z])))|send (?:a )?message|let [a-z ]{1,20} know",
			null, null);

	private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

	private final String capability;

	private final boolean orderable;

	private final Pattern strong;

	private final Pattern weak;

	Domain(String capability, boolean orderable, String strongZh, String strongEn, String weakZh, String weakEn) {
		this.capability = capability;
		this.orderable = orderable;
		this.strong = Pattern.compile(strongZh + "|(?<![a-z])(?:" + strongEn + ")(?![a-z])", FLAGS);
		this.weak = (weakZh == null && weakEn == null) ? null : Pattern.compile(((weakZh != null) ? weakZh : "(?!)")
				+ "|(?<![a-z])(?:" + ((weakEn != null) ? weakEn : "(?!)") + ")(?![a-z])", FLAGS);
	}

	/** The capability that serves this domain. */
	String capability() {
		return this.capability;
	}

	/** Whether something can be booked, bought or written in this domain. */
	boolean orderable() {
		return this.orderable;
	}

	Pattern strong() {
		return this.strong;
	}

	Pattern weak() {
		return this.weak;
	}

}
