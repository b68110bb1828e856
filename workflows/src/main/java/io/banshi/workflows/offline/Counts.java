package io.banshi.workflows.offline;

import java.util.List;

/**
 * How many, as said in a sentence.
 *
 * @param quantity how many things (两箱, 3 bags, 一张), or {@code null}
 * @param partySize how many people (4个人, for two, 一家三口), or {@code null}
 * @param nights how many nights of a stay (3晚, 3 nights, 玩两天 is one night), or
 * {@code null}
 * @param spans where in the sentence these were said
 */
record Counts(Integer quantity, Integer partySize, Integer nights, List<Found<String>> spans) {

}
