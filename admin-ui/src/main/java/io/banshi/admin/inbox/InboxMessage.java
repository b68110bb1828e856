package io.banshi.admin.inbox;

import java.time.Instant;

/**
 * One message in a person's inbox, as {@code GET /api/inbox} lists it.
 *
 * @param id the message id
 * @param kind {@code reminder} or {@code notification}
 * @param text what it says
 * @param at when it arrived
 * @param errandId the errand that sent it
 */
record InboxMessage(long id, String kind, String text, Instant at, String errandId) {

}
