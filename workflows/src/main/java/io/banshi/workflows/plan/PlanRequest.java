package io.banshi.workflows.plan;

import java.time.OffsetDateTime;
import java.time.ZoneId;

/**
 * A sentence to plan, with the moment and place it was said in.
 *
 * @param text what the person said
 * @param now the moment it was said; relative dates ("tomorrow", "下周三") are read against
 * it
 * @param zone the person's time zone
 * @param user who said it (for conversation memory); may be {@code null}
 */
public record PlanRequest(String text, OffsetDateTime now, ZoneId zone, String user) {

}
