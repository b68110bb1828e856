package io.banshi.workflows.offline;

import java.util.List;

/**
 * What a clause asks for: which domains, and whether to compare and to order.
 *
 * @param domains the domains, in the order they are mentioned
 * @param order whether the person asked to book, buy or order (and did not say not to)
 * @param compare whether the person asked to compare or pick among options
 * @param compareBy what to compare by: {@code price}, {@code time} or {@code rating}, or
 * {@code null} when the person did not say
 * @param query whether the person asked about something already there (花了多少, what's on my
 * calendar) rather than to write something new
 * @param trip whether the person spoke of a trip (玩, 旅游, 出差, trip, vacation)
 */
record Intent(List<Domain> domains, boolean order, boolean compare, String compareBy, boolean query, boolean trip) {

}
