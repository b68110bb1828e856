package io.banshi.workflows.plan;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Map;

/**
 * A sentence to plan, with the moment and place it was said in.
 *
 * @param text what the person said
 * @param now the moment it was said; relative dates ("tomorrow", "下周三") are read against
 * it
 * @param zone the person's time zone
 * @param user who said it (for conversation memory); may be {@code null}
 * @param previousSlots the slots of this person's previous plan in the conversation, so
 * that a follow-up ("适合穿什么?" after "杭州天气如何?") keeps its place and date; empty when there
 * is none
 */
public record PlanRequest(String text, OffsetDateTime now, ZoneId zone, String user,
		Map<String, Object> previousSlots) {

	public PlanRequest {
		previousSlots = (previousSlots != null) ? Map.copyOf(previousSlots) : Map.of();
	}

	/**
	 * A request with no conversation before it.
	 * @param text what the person said
	 * @param now the moment it was said
	 * @param zone the person's time zone
	 * @return the request
	 */
	public static PlanRequest of(String text, OffsetDateTime now, ZoneId zone) {
		return new PlanRequest(text, now, zone, null, Map.of());
	}

}
