package io.banshi.workflows.offline;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Recognises requests the platform must not help with — breaking into systems, weapons,
 * drugs, fraud, violence, stalking, self-harm and other crimes — in Chinese and English,
 * and says why it refuses.
 */
final class Safety {

	private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

	private final List<Category> categories = List.of(new Category("self-harm",
			"自杀|自残|轻生|想死|不想活|割腕|跳楼|了结自己|结束(?:自己的)?生命|(?<![a-z])(?:kill myself|suicide|suicidal|self[- ]harm"
					+ "|end my life|hurt myself|want to die)(?![a-z])",
			"这件事我不能帮你办。如果你正经历困难，请马上联系信任的人，或拨打心理援助热线 400-161-9995、急救电话 120。"
					+ " I can't help with this. If you are struggling, please reach out to someone you trust or a local"
					+ " crisis line right away."),
			new Category("hacking",
					"黑进|黑掉|黑客|入侵|破解|盗号|盗取|撞库|木马|病毒程序|(?:写|做|制作|编写|传播)(?:一个|个)?(?:电脑|手机)?病毒|钓鱼网站|蹭网|ddos|肉鸡|(?<![a-z])(?:hack|hacking|hacked|(?:write|create|make|spread) (?:a )?(?:computer )?virus|crack"
							+ " (?:a |the |my |his |her |someone'?s |the neighbou?r'?s )?(?:password|wifi|wi-fi|account|phone)"
							+ "|phishing|malware|ransomware|keylogger|break into|steal (?:a |someone'?s )?(?:password|account|identity))(?![a-z])",
					"不能帮你入侵或破解他人的网络、账号或设备，这是违法的。I can't help with breaking into other people's"
							+ " networks, accounts or devices."),
			new Category("weapons",
					"(?<!水|玩具|气|胶|钉|按摩|喷|热风|焊)枪(?!战片)|弹药|子弹|炸药|炸弹|爆炸物|雷管|管制刀具|(?<![a-z])(?<!water |glue |nail |toy |massage |heat |spray |bath |photo)(?:guns?|firearms?|rifles?|pistols?|ammo"
							+ "|ammunition|explosives?|bombs?|grenades?)(?![a-z])",
					"不能帮你获取武器、弹药或爆炸物。I can't help with getting weapons, ammunition or explosives."),
			new Category("drugs",
					"毒品|冰毒|海洛因|可卡因|大麻|摇头丸|k粉|迷药|迷奸|(?<![a-z])(?:cocaine|heroin|meth|methamphetamine|weed|marijuana|cannabis"
							+ "|mdma|ecstasy|lsd|fentanyl|date rape)(?![a-z])",
					"不能帮你购买或获取毒品、违禁药物。I can't help with getting illegal drugs."),
			new Category("fraud",
					"诈骗|骗钱|骗他|骗她|洗钱|假钞|假币|伪造|假证|办假|假发票|套现|刷单|代考|替考|(?<![a-z])(?:fraud|scam|scamming|launder"
							+ "|counterfeit|fake (?:id|passport|invoice|money|diploma|receipt)|forge|forged)(?![a-z])",
					"不能帮你做欺诈、伪造或洗钱这类违法的事。I can't help with fraud, forgery or money laundering."),
			new Category("violence",
					"杀人|杀了|弄死|毒死|投毒|绑架|打死|砍人|报复他|报复她|伤害他|伤害她|(?<![a-z])(?:kill (?:him|her|them|someone|my)"
							+ "|murder|poison (?:him|her|them|someone|my)|kidnap|hurt (?:him|her|them|someone))(?![a-z])",
					"不能帮你伤害任何人。I can't help with hurting anyone."),
			new Category("stalking",
					"跟踪(?!\\s*(?:一下)?\\s*(?:我的)?(?:快递|物流|包裹|订单|进度|航班))|偷拍|偷看(?:他|她|别人|老婆|老公)|监视|监听|窃听|人肉|开房记录|定位(?:他|她|别人|前任)|查(?:他|她|别人)的(?:位置|聊天记录|手机)|(?<![a-z])(?:stalk|stalking"
							+ "|spy on|track (?:my ex|someone|his|her)|hidden camera|secretly (?:record|track|follow|film))(?![a-z])",
					"不能帮你跟踪、偷拍或监视他人，这侵犯他人隐私。I can't help with stalking or spying on people."),
			new Category("crime",
					"赌博|赌球|博彩|网赌|卖淫|嫖娼|偷东西|偷钱|偷车|盗窃|走私|(?<![a-z])(?:shoplift|smuggle|smuggling|steal|stealing"
							+ "|illegal gambling|prostitut\\w*)(?![a-z])",
					"这件事违法，我不能帮你办。I can't help with something illegal."));

	/**
	 * Checks a sentence.
	 * @param text the sentence
	 * @return why it is refused, or {@code null} when it may be planned
	 */
	String refusal(String text) {
		for (Category category : this.categories) {
			if (category.pattern().matcher(text).find()) {
				return category.reason();
			}
		}
		return null;
	}

	/**
	 * One kind of harm.
	 *
	 * @param name what kind, for readers of this code
	 * @param pattern the words that show it
	 * @param reason what the person is told
	 */
	private record Category(String name, Pattern pattern, String reason) {

		Category(String name, String regex, String reason) {
			this(name, Pattern.compile(regex, FLAGS), reason);
		}

	}

}
