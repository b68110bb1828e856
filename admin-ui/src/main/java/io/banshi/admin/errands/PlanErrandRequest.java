package io.banshi.admin.errands;

import java.util.Map;

/**
 * The body of {@code POST /api/errands/plan}.
 *
 * @param text the sentence; missing or blank gets a question back, not an error
 * @param now when it was said, ISO-8601 with an offset
 * ({@code 2026-11-30T09:00:00+08:00}) or local to {@code timezone}; the server clock when
 * missing
 * @param timezone the person's IANA time zone; {@code Asia/Shanghai} when missing
 * @param previousSlots the slots of the previous plan of the conversation, for follow-ups
 * ("适合穿什么?" after a weather question); optional
 * @param conversation {@code true} to plan in the logged-in user's remembered
 * conversation (the previous plan's slots are used and this plan is remembered); by
 * default each request is planned on its own, so that unrelated errands never borrow each
 * other's places and days
 */
record PlanErrandRequest(String text, String now, String timezone, Map<String, Object> previousSlots,
		Boolean conversation) {

}
